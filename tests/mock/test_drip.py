"""The ``Drip`` scenario: the normal reply, a few bytes at a time, until the client leaves."""

from __future__ import annotations

import time

import httpx
import pytest

from generator.mock import Drip, GatewayServer

from .top import SEND_KEY, TopCaller


def test_a_dripped_reply_is_the_normal_reply_sent_slowly(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(Drip(interval=0.01, chunk=16))
    started = time.monotonic()
    reply = top.http.post(top.base_url, data=top.params())
    assert SEND_KEY in reply.json()
    chunks = -(-len(reply.content) // 16)
    assert time.monotonic() - started >= (chunks - 1) * 0.01
    assert [r.outcome for r in top_gateway.requests] == ["dripped"]


def test_the_drip_stops_when_the_client_leaves(top_gateway: GatewayServer) -> None:
    """A server stops only once its replies are done: it stops at once, as the drip ended
    when the client left."""
    with GatewayServer(top_gateway.gateway.__class__(top_gateway.gateway.endpoints)) as server:
        caller = TopCaller(server.base_url, server.app_key, server.app_secret, server.session, None)  # type: ignore[arg-type]
        server.add_scenario(Drip(interval=0.5, chunk=1))
        with (
            httpx.Client(timeout=5.0) as client,
            client.stream("POST", server.base_url, data=caller.params()) as reply,
        ):
            assert next(reply.iter_raw(1)) == b"{"
        started = time.monotonic()
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize(
    "options", [{"interval": -1}, {"interval": float("nan")}, {"chunk": 0}, {"chunk": 1.5}]
)
def test_a_drip_needs_sane_numbers(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Drip(**options)  # type: ignore[arg-type]
