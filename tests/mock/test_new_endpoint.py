"""An endpoint added to the spec is served with no change to the mock's code."""

from __future__ import annotations

from pathlib import Path

import httpx

from generator.mock import Gateway, GatewayServer

from .conftest import QUERY, caller, extend_spec
from .top import SEND_KEY


def test_an_endpoint_added_to_a_copy_of_the_spec_is_served(
    tmp_path: Path, http: httpx.Client
) -> None:
    spec = extend_spec(tmp_path / "spec")
    gateway = Gateway.from_spec(spec)
    before = Gateway.from_spec(Path(__file__).resolve().parents[2] / "spec")
    added = {e.method for e in gateway.endpoints}
    assert added - {e.method for e in before.endpoints} == {QUERY}
    with GatewayServer(gateway) as server:
        top = caller(server, http)
        business = {"query": {"tenant_token": "abcd", "status": "REFUNDED"}, "page_no": "3"}
        reply = top.call(QUERY, business=business, session=top.session)
        assert reply["alibaba_damai_maizuo_openapi_order_query_response"]["total"] == 2
        assert top.error(QUERY, business=business)["code"] == 26
        assert SEND_KEY in top.call()
