"""The partner's test shown in the README (as black lays it out), so the README stays true."""

import pytest
from damai_maizuo import Client, errors

from generator.mock.scenarios import TopError

PARAM0 = {
    "ptnr_token": "t",
    "user_phone": "13900000000",
    "code_type": 1,
    "tenant_token": "t",
    "channel_token": "c",
}


def test_sms_code_is_not_sent_twice_when_the_service_fails(top_gateway):  # type: ignore[no-untyped-def]
    top_gateway.add_scenario(
        TopError(15, sub_code="isp.top-remote-service-unavailable"),
        method="alibaba.damai.maizuo.openapi.user.authcode.send",
    )
    client = Client(
        app_key=top_gateway.app_key,
        app_secret=top_gateway.app_secret,
        base_url=top_gateway.base_url,
        max_retries=3,
    )

    with pytest.raises(errors.ServerError):
        client.user.authcode.send(param0=PARAM0)

    assert len(top_gateway.requests) == 1  # not idempotent: never resent
    assert top_gateway.requests[0].outcome == "error"
