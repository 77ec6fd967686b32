"""Signing, system parameters and the shape of the HTTP request: no sockets."""

from __future__ import annotations

import hashlib
import hmac
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qsl, quote_plus, urlencode, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from runtime_samples import APP_KEY, APP_SECRET, SESSION, USER_AUTHCODE_SEND

from generator.runtime._protocol import OperationInfo
from generator.runtime._signing import (
    FORM_HEADERS,
    SIGN_METHODS,
    build_request,
    form_encode,
    form_quote,
    format_timestamp,
    sign,
    signing_string,
)

PUBLISHED = {
    "app_key": "12345678",
    "method": "taobao.item.seller.get",
    "session": "test",
    "timestamp": "2016-01-01 12:00:00",
    "format": "json",
    "v": "2.0",
    "sign_method": "md5",
    "fields": "num_iid,title,nick,price,num",
    "num_iid": "11223344",
}
PUBLISHED_SIGN = "66987CB115214E59E6EC978214934FB8"


def test_published_example_md5() -> None:
    assert sign(PUBLISHED, "helloworld", "md5") == PUBLISHED_SIGN


def test_published_example_through_build_request() -> None:
    op = OperationInfo(
        method="taobao.item.seller.get",
        response_key="item_seller_get_response",
        idempotent=True,
    )
    request = build_request(
        op,
        {"fields": "num_iid,title,nick,price,num", "num_iid": "11223344"},
        app_key="12345678",
        app_secret="helloworld",
        sign_method="md5",
        format="json",
        simplify=False,
        session="test",
        partner_id=None,
        target_app_key=None,
        timestamp="2016-01-01 12:00:00",
        base_url="https://gw.api.taobao.com/router/rest",
    )
    query = dict(parse_qsl(urlsplit(request.url).query))
    body = dict(parse_qsl(request.body.decode()))
    assert body.pop("sign") == PUBLISHED_SIGN
    assert {**query, **body} == PUBLISHED


def test_signing_string_sorts_and_skips_sign() -> None:
    params = {"foo": "1", "bar": "2", "foo_bar": "3", "foobar": "4", "sign": "X"}
    assert signing_string(params) == "bar2foo1foo_bar3foobar4"


def _independent(params: dict[str, str], secret: str, method: str) -> str:
    text = "".join(k + params[k] for k in sorted(params)).encode()
    key = secret.encode()
    digest = {"hmac": hashlib.md5, "hmac-sha256": hashlib.sha256}[method]
    return hmac.new(key, text, digest).hexdigest().upper()


@pytest.mark.parametrize("method", ["hmac", "hmac-sha256"])
def test_hmac_methods_match_an_independent_computation(method: str) -> None:
    params = {**PUBLISHED, "sign_method": method, "note": "中文 & = +"}
    assert sign(params, "helloworld", method) == _independent(params, "helloworld", method)


@pytest.mark.parametrize(("method", "algorithm"), [("hmac", "md5"), ("hmac-sha256", "sha256")])
def test_hmac_methods_match_openssl(method: str, algorithm: str) -> None:
    params = {**PUBLISHED, "sign_method": method}
    text = "".join(k + params[k] for k in sorted(params)).encode()
    try:
        out = subprocess.run(
            ["openssl", "dgst", f"-{algorithm}", "-hmac", "helloworld"],
            input=text,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("openssl is not available")
    assert sign(params, "helloworld", method) == out.split()[-1].decode().upper()


def test_unknown_sign_method() -> None:
    with pytest.raises(ValueError, match="sign_method"):
        sign(PUBLISHED, "x", "sha1")  # type: ignore[arg-type]


def _build(**overrides: object) -> tuple[dict[str, str], dict[str, str]]:
    options: dict[str, object] = {
        "app_key": APP_KEY,
        "app_secret": APP_SECRET,
        "sign_method": "hmac-sha256",
        "format": "json",
        "simplify": False,
        "session": None,
        "partner_id": None,
        "target_app_key": None,
        "timestamp": "2024-05-06 07:08:09",
        "base_url": "https://gw.api.taobao.com/router/rest",
        **overrides,
    }
    request = build_request(USER_AUTHCODE_SEND, {"param0": '{"a":"中 文"}'}, **options)  # type: ignore[arg-type]
    assert request.method == "POST"
    assert request.headers == FORM_HEADERS
    assert request.url.startswith(str(options["base_url"]))
    return dict(parse_qsl(urlsplit(request.url).query)), dict(parse_qsl(request.body.decode()))


def test_system_parameters_minimal() -> None:
    query, body = _build()
    assert set(query) == {
        "method",
        "app_key",
        "timestamp",
        "v",
        "format",
        "sign_method",
    }
    assert query["method"] == USER_AUTHCODE_SEND.method
    assert query["v"] == "2.0"
    assert query["timestamp"] == "2024-05-06 07:08:09"
    assert set(body) == {"param0", "sign"}
    assert body["param0"] == '{"a":"中 文"}'


def test_session_and_sign_travel_in_the_body_only() -> None:
    query, body = _build(session=SESSION)
    assert body["session"] == SESSION and "sign" in body
    assert "session" not in query and "sign" not in query


def test_optional_system_parameters_only_when_set() -> None:
    system, body = _build(session=SESSION, partner_id="sdk-py", target_app_key="999", simplify=True)
    assert body["session"] == SESSION
    assert system["partner_id"] == "sdk-py"
    assert system["target_app_key"] == "999"
    assert system["simplify"] == "true"


@pytest.mark.parametrize("method", SIGN_METHODS)
@pytest.mark.parametrize("session", [None, SESSION])
def test_signature_covers_system_and_business(method: str, session: str | None) -> None:
    system, business = _build(sign_method=method, session=session, simplify=True)
    signature = business.pop("sign")
    everything = {**system, **business}
    if method == "md5":
        text = "".join(k + everything[k] for k in sorted(everything))
        expected = hashlib.md5((APP_SECRET + text + APP_SECRET).encode()).hexdigest().upper()
    else:
        expected = _independent(everything, APP_SECRET, method)
    assert signature == expected


def test_base_url_with_a_query() -> None:
    system, _ = _build(base_url="http://127.0.0.1:8000/router/rest?tenant=x")
    assert system["tenant"] == "x"
    assert system["method"] == USER_AUTHCODE_SEND.method


def test_repr_shows_no_secret() -> None:
    request = build_request(
        USER_AUTHCODE_SEND,
        {"param0": "{}"},
        app_key=APP_KEY,
        app_secret=APP_SECRET,
        sign_method="md5",
        format="json",
        simplify=False,
        session=SESSION,
        partner_id=None,
        target_app_key=None,
        timestamp="2024-05-06 07:08:09",
        base_url="https://gw.api.taobao.com/router/rest",
    )
    signature = dict(parse_qsl(request.body.decode()))["sign"]
    text = repr(request)
    for secret in (signature, SESSION, APP_SECRET, quote_plus(SESSION)):
        assert secret not in text
    assert USER_AUTHCODE_SEND.method in text
    assert signature in request.secrets and SESSION in request.secrets


@given(st.text())
def test_form_quote_matches_quote_plus(text: str) -> None:
    try:
        expected = quote_plus(text)
    except UnicodeEncodeError:  # lone surrogates: neither can encode them
        return
    assert form_quote(text) == expected


@given(st.dictionaries(st.text(min_size=1), st.text()))
def test_form_encode_matches_urlencode(params: dict[str, str]) -> None:
    try:
        expected = urlencode(params)
    except UnicodeEncodeError:
        return
    assert form_encode(params) == expected


# -- timestamps ------------------------------------------------------------------------------


def test_timestamp_is_gmt8() -> None:
    now = datetime(2023, 12, 31, 20, 30, 5, 999999, tzinfo=UTC)
    assert format_timestamp(now) == "2024-01-01 04:30:05"
    los_angeles_winter = timezone(timedelta(hours=-8))
    assert format_timestamp(now.astimezone(los_angeles_winter)) == "2024-01-01 04:30:05"


def test_timestamp_needs_an_aware_datetime() -> None:
    with pytest.raises(ValueError, match="aware"):
        format_timestamp(datetime(2024, 1, 1))


_FAR_ZONE_SCRIPT = """
import time
from datetime import datetime, timezone
from generator.runtime._signing import format_timestamp
assert time.localtime().tm_gmtoff in (-8 * 3600, -7 * 3600), time.localtime().tm_gmtoff
before = time.time()
text = format_timestamp(datetime.now(timezone.utc))
utc8 = time.gmtime(before + 8 * 3600)
print(text, time.strftime("%Y-%m-%d %H:%M:%S", utc8))
"""


@pytest.mark.skipif(not hasattr(__import__("time"), "tzset"), reason="needs time.tzset")
def test_timestamp_on_a_host_in_los_angeles() -> None:
    env = {**os.environ, "TZ": "America/Los_Angeles"}
    out = subprocess.run(
        [sys.executable, "-c", _FAR_ZONE_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    parts = out.stdout.split()
    got = datetime.fromisoformat(f"{parts[0]} {parts[1]}")
    expected = datetime.fromisoformat(f"{parts[2]} {parts[3]}")
    assert abs((got - expected).total_seconds()) <= 1
