"""The gateway's parts without sockets: form parsing, timestamps, the clock, XML request ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.mock import Gateway
from generator.mock.form import Form, parse_form, unsupported_content_type
from generator.mock.render import ReplyForm, render_success
from generator.mock.system import parse_timestamp

from .conftest import SPEC
from .top import PARAM0, SEND, SEND_KEY, top_sign


def test_parse_form() -> None:
    form = parse_form(b"a=1+2&b=%E4%BD%A0&c&=x&d=a%3Db&&e=")
    assert form == Form((("a", "1 2"), ("b", "你"), ("c", ""), ("d", "a=b"), ("e", "")), True)
    assert parse_form(b"a=%FF").utf8 is False
    assert parse_form(b"").pairs == ()


@pytest.mark.parametrize(
    ("header", "readable"),
    [
        ("application/x-www-form-urlencoded", True),
        ("Application/X-WWW-Form-Urlencoded; charset=utf-8", True),
        ('application/x-www-form-urlencoded; charset="UTF-8"', True),
        ("application/x-www-form-urlencoded; charset=latin-1", False),
        ("application/json", False),
        (None, False),
    ],
)
def test_content_types(header: str | None, readable: bool) -> None:
    assert (unsupported_content_type(header) is None) is readable


def test_timestamps_are_gmt8_or_epoch_millis() -> None:
    assert parse_timestamp("2016-01-01 12:00:00") == 1451620800  # 04:00 UTC
    assert parse_timestamp("1451620800000") == 1451620800
    assert parse_timestamp("2016-01-01T12:00:00") is None
    assert parse_timestamp("2016-02-30 12:00:00") is None


def _signed(timestamp: str) -> Form:
    params = {
        "method": SEND,
        "app_key": "12345678",
        "timestamp": timestamp,
        "v": "2.0",
        "format": "json",
        "sign_method": "hmac-sha256",
        "param0": json.dumps(PARAM0),
    }
    params["sign"] = top_sign(params, "helloworld", "hmac-sha256")
    return Form(tuple(params.items()), True)


@pytest.mark.parametrize(("skew", "accepted"), [(600, True), (-600, True), (601, False)])
def test_ten_minutes_of_skew_exactly(skew: int, accepted: bool) -> None:
    now = 1451620800.0
    gateway = Gateway.from_spec(SPEC)
    gateway_at = Gateway(gateway.endpoints, clock=lambda: now + skew)
    answer = gateway_at.handle("POST", _signed("2016-01-01 12:00:00"))
    assert (SEND_KEY in json.loads(answer.body)) is accepted


def test_an_xml_example_with_a_request_id_gets_a_new_one() -> None:
    gateway = Gateway.from_spec(SPEC)
    endpoint = gateway.endpoints[0]
    example = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<a_response>\n    <x>1</x>\n    <request_id>old</request_id>\n</a_response>"
    )
    body = render_success(endpoint, {}, ReplyForm(False, False), "new", example).body
    assert body.count(b"<?xml") == 1
    assert b"<request_id>new</request_id>" in body and b"old" not in body


def test_the_gateway_does_not_show_its_secret() -> None:
    gateway = Gateway.from_spec(SPEC, app_secret="s3cret-value")
    assert "s3cret-value" not in repr(gateway) + repr(gateway.credentials)


def test_empty_credentials_are_refused() -> None:
    with pytest.raises(ValueError, match="app_secret"):
        Gateway.from_spec(SPEC, app_secret="")


def test_a_bad_spec_is_a_spec_error(tmp_path: Path) -> None:
    from generator.errors import SpecError

    with pytest.raises(SpecError):
        Gateway.from_spec(tmp_path)
