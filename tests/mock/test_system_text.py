"""A system parameter holding any text gets TOP's answer (an ``error_response`` or a reply),
never a 500: ``sign``, ``timestamp`` and the others are compared as the text they are."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.mock import Gateway, GatewayServer
from generator.mock.form import Form
from generator.top import SYSTEM_PARAMS

from .conftest import SPEC
from .top import TopCaller, top_sign, top_time

UNUSUAL = ["é", "ß", "１２３", "\u202e", "\x00", "𝟙", "\ud7ff", "İ", "ǅ", "\ufeff", "\u0663" * 13]
"""Text that is not ASCII or not printable: accents, full-width and other digits, a bidi
override, NUL, letters whose upper case is longer, a byte-order mark."""


@pytest.fixture(scope="module")
def gateway() -> Iterator[Gateway]:
    yield Gateway.from_spec(SPEC)


def _params(gateway: Gateway, name: str, value: str) -> dict[str, str]:
    params = {
        "method": gateway.endpoints[0].method,
        "app_key": gateway.credentials.app_key,
        "timestamp": top_time(),
        "v": "2.0",
        "format": "json",
        "sign_method": "md5",
        name: value,
    }
    if name != "sign":
        params["sign"] = top_sign(params, gateway.credentials.app_secret, "md5")
    return params


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(name=st.sampled_from(sorted(SYSTEM_PARAMS)), value=st.text(min_size=1, max_size=40))
def test_any_text_in_a_system_parameter_gets_a_top_answer(
    gateway: Gateway, name: str, value: str
) -> None:
    answer = gateway.handle("POST", Form(tuple(_params(gateway, name, value).items()), True))
    assert answer.status == 200
    assert answer.record.outcome in ("ok", "error")
    if answer.content_type.startswith("application/json"):
        json.loads(answer.body)
    else:
        ET.fromstring(answer.body)


@pytest.mark.parametrize("sign", UNUSUAL)
def test_a_sign_of_any_text_is_25_over_http(
    top_gateway: GatewayServer, top: TopCaller, sign: str
) -> None:
    reply = top.post(sign=sign)
    assert reply.status_code == 200, reply.text
    assert reply.json()["error_response"]["code"] == 25


@pytest.mark.parametrize("name", sorted(SYSTEM_PARAMS - {"sign"}))
@pytest.mark.parametrize("value", UNUSUAL)
def test_unusual_text_in_each_system_parameter_gets_a_top_answer(
    gateway: Gateway, name: str, value: str
) -> None:
    answer = gateway.handle("POST", Form(tuple(_params(gateway, name, value).items()), True))
    assert answer.status == 200
    assert answer.record.outcome in ("ok", "error")


def test_a_timestamp_in_other_digits_is_31(top: TopCaller) -> None:
    """``\\d`` matches any script's digits, and ``int()`` reads them; TOP's timestamps are
    ASCII. The epoch milliseconds of now, in Arabic-Indic digits, are refused."""
    now = str(int(time.time() * 1000)).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert top.error(timestamp=now)["code"] == 31
