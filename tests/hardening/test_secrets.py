"""Fuzzer 6: no app secret, signature, session or partner token in logs, reprs, exception
messages or generated files, at DEBUG logging.

The other fuzzers scan what they see as they go (see :mod:`.secrets`): the valid-spec fuzzer the
generated files, reprs of clients and replies; the hostile-reply fuzzer exception texts and the
DEBUG logs of the SDK, httpx, httpcore and the gateway; the hostile-request fuzzer the
gateway's logs and records. This one runs the SDK as a user would with ``DAMAI_MAIZUO_LOG=debug``
in a process of its own, against a gateway whose secret and session hold characters that
change when URL-encoded, and whose replies echo the secret and the session back (as a proxy
error page or a gateway message might): its stderr, stdout (reprs and messages of everything
it got), the gateway's logs and records, and the generated package are all scanned.

The partner tokens are client parameters: the SDK fills them into the calls (one from the
environment), and the replies echo them too, plain, percent-encoded and JSON-escaped; the SDK's
output (its stdout and DEBUG log) is scanned for them. The gateway's own records are not: it is
the service they are sent to, and keeps the business parameters it received.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.generate import build
from generator.mock.gateway import Gateway
from generator.mock.scenarios import CutShort, Drop, HttpStatus, Normal, Reply, TopError
from generator.mock.server import GatewayServer
from generator.render.examples import example_arguments, left_to_the_client
from generator.runtime._signing import form_quote

from .fuzzing import count, fuzz_settings
from .secrets import SecretScan
from .specs import ROOT

pytestmark = [pytest.mark.fuzz, pytest.mark.usefixtures("each_transport")]

APP_SECRET = "s3cret+/=&中文 key"
SESSION = "6100e23b+sess/ion=中&x"
TOKENS = {
    "ptnr_token": "ptnr+/=&中文-token",
    "tenant_token": 'tenant "q" <x> token',
    "channel_token": "channel%20\\token/",
}
LOGGERS = ("damai_maizuo", "httpx", "httpcore", "generator.mock")

CALLS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import damai_maizuo
base_url, app_key, app_secret, session, calls, transport, tokens = sys.argv[2:9]
damai_maizuo._base_client.BaseClient._use_httpx = transport == "httpx"
tokens = json.loads(tokens)
client = damai_maizuo.Client(app_key=app_key, app_secret=app_secret, base_url=base_url,
                             session=session, timeout=2.0, max_retries=2,
                             ptnr_token=tokens["ptnr_token"], channel_token=tokens["channel_token"])
client._retry_base_delay = client._retry_max_delay = 0.001
print(repr(client), repr(client.with_options(max_retries=0)))
for path, arguments, form in json.loads(calls):
    target = client.with_options(format=form)
    for part in path.split("."):
        target = getattr(target, part)
    try:
        reply = target(**arguments)
        print("reply", repr(reply), reply.model_dump_json())
    except damai_maizuo.errors.MaizuoError as error:
        print("error", type(error).__name__, str(error), repr(error), repr(vars(error)))
        print("cause", repr(error.__cause__), str(error.__cause__))
"""


@pytest.fixture(scope="module")
def gateway() -> Iterator[GatewayServer]:
    spec = ROOT / "spec"
    served = Gateway.from_spec(spec, app_secret=APP_SECRET, session=SESSION)
    with GatewayServer(served) as server:
        yield server


@pytest.fixture(scope="module")
def operations() -> list[tuple[str, str, dict[str, Any]]]:
    """Every endpoint of the project's spec: TOP method, call path, and arguments from its
    examples (those whose examples make a valid call), but for the fields the client fills."""
    api = build(ROOT / "spec")
    return [
        (op.top_method, op.call_path, _json(left_to_the_client(op, example_arguments(op))[0]))
        for op in api.operations
    ]


def _json(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def echoing_replies() -> st.SearchStrategy[Reply]:
    """Replies that carry the secrets back, and faults that make the client retry or fail."""
    tokens = " ".join(TOKENS.values())
    escaped = "".join(f"\\u{ord(c):04x}" for c in tokens)
    echoes = [
        f"session={SESSION}; secret={APP_SECRET}; quoted={form_quote(SESSION)}",
        f"<html><body>proxy error for session {form_quote(SESSION)}</body></html>",
        f"tokens {tokens}; quoted {form_quote(tokens)}; escaped {escaped}",
        f"param0={json.dumps(TOKENS)}",
    ]
    return st.one_of(
        st.just(Normal()),
        st.builds(HttpStatus, st.sampled_from([400, 500, 502]), st.sampled_from(echoes)),
        st.builds(
            lambda code, text: TopError(code, sub_code="isp.echo", sub_msg=text, msg=text),
            st.sampled_from([15, 27, 50]),
            st.sampled_from(echoes),
        ),
        st.builds(
            lambda text: TopError(15, sub_code="isv.echo", sub_msg=text), st.sampled_from(echoes)
        ),
        st.just(TopError(10)),
        st.just(Drop()),
        st.just(CutShort()),
    )


@fuzz_settings(fast=3, long=40)
@given(
    plan=st.lists(
        st.tuples(st.integers(0, 100), echoing_replies(), st.sampled_from(["json", "xml"])),
        min_size=1,
        max_size=6,
    )
)
def test_nothing_secret_shows_at_debug(
    gateway: GatewayServer,
    operations: list[tuple[str, str, dict[str, Any]]],
    caplog: pytest.LogCaptureFixture,
    each_transport: str,
    plan: list[tuple[int, Reply, str]],
) -> None:
    gateway.reset()
    caplog.clear()
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    scan = SecretScan()
    scan.add_secret(APP_SECRET, SESSION, form_quote(SESSION), form_quote(APP_SECRET))
    scan.watch(gateway)
    tokens = SecretScan()
    tokens.add_secret(*TOKENS.values(), *map(form_quote, TOKENS.values()))
    calls = []
    for index, reply, form in plan:
        method, path, arguments = operations[index % len(operations)]
        gateway.add_scenario(reply, method=method, times=3)  # with up to two retries
        calls.append((path, arguments, form))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CALLS,
            str(ROOT / "generated"),
            gateway.base_url,
            gateway.app_key,
            APP_SECRET,
            SESSION,
            json.dumps(calls),
            each_transport,
            json.dumps(TOKENS),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "DAMAI_MAIZUO_LOG": "debug",
            "DAMAI_MAIZUO_TENANT_TOKEN": TOKENS["tenant_token"],
        },
    )
    assert result.returncode == 0, result.stderr
    assert "DEBUG" in result.stderr and " attempt 1: PreparedRequest(" in result.stderr
    for found in (scan, tokens):
        found.text(result.stdout, where="the SDK user's output")
        found.text(result.stderr, where="the SDK's DEBUG log")
    scan.lines((r.getMessage() for r in caplog.records), "logs of the gateway and servers")
    scan.text(*map(repr, gateway.requests), where="records")
    scan.text(*(json.dumps(r.to_json(), ensure_ascii=False) for r in gateway.requests))
    scan.text(repr(gateway), repr(gateway.gateway), repr(gateway.gateway.credentials))
    assert len(scan.secrets) > 4, "the gateway saw no signature to look for"
    scan.check()
    tokens.check()
    count("6 secrets", len(calls))


def test_the_generated_package_holds_no_secret() -> None:
    """The committed SDK and docs hold neither the mock's credentials nor a signature."""
    scan = SecretScan()
    scan.add_secret(APP_SECRET, SESSION, "helloworld", "mock-session", *TOKENS.values())
    scan.files(ROOT / "generated")
    scan.check()
