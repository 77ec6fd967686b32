"""TOP's signed request: system parameters, the signature, and where each parameter travels.

The rule: every parameter sent (system and business, ``sign`` excepted) is sorted by name and
written as name followed by value, with nothing between; the signature is that text's
``md5(secret + text + secret)``, ``HMAC-MD5(secret, text)`` or ``HMAC-SHA256(secret, text)`` as
``sign_method`` says, in upper-case hex. The gateway reads query and form body alike, so the
parameters that are safe to show go in the URL and ``session`` and ``sign`` in the body.
Pure functions: no I/O, no clock (the timestamp is given), no randomness.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Literal

from ._encoding import format_datetime
from ._protocol import OperationInfo

__all__ = [
    "API_VERSION",
    "FORMATS",
    "FORM_HEADERS",
    "SIGN_METHODS",
    "Format",
    "PreparedRequest",
    "SignMethod",
    "build_request",
    "form_encode",
    "form_quote",
    "format_timestamp",
    "sign",
    "signing_string",
]

SignMethod = Literal["md5", "hmac", "hmac-sha256"]
SIGN_METHODS: tuple[SignMethod, ...] = ("md5", "hmac", "hmac-sha256")
Format = Literal["json", "xml"]
FORMATS: tuple[Format, ...] = ("json", "xml")

API_VERSION = "2.0"
FORM_HEADERS: Mapping[str, str] = {
    "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
}


@dataclass(frozen=True)
class PreparedRequest:
    """A signed HTTP request, ready for any HTTP client.

    The URL carries the system parameters that are safe to show (it ends up in proxy and
    httpx logs); the body carries the business parameters, then ``session`` and ``sign``.
    """

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes
    secrets: tuple[str, ...] = field(default=(), compare=False)
    """The signature and the session (as given and as sent), for scrubbing them from any text."""

    def __repr__(self) -> str:
        return (
            f"PreparedRequest(method={self.method!r}, url={self.url!r}, "
            f"body=<{len(self.body)} bytes>)"
        )


def signing_string(params: Mapping[str, str]) -> str:
    """Every parameter but ``sign``, sorted by name, each name followed by its value."""
    return "".join(f"{name}{params[name]}" for name in sorted(params) if name != "sign")


def sign(params: Mapping[str, str], secret: str, sign_method: SignMethod) -> str:
    """TOP's signature of ``params`` (system and business, all as sent) in upper-case hex."""
    text = signing_string(params).encode("utf-8")
    key = secret.encode("utf-8")
    if sign_method == "md5":
        return hashlib.md5(key + text + key).hexdigest().upper()
    if sign_method == "hmac":
        return hmac.new(key, text, hashlib.md5).hexdigest().upper()
    if sign_method == "hmac-sha256":
        return hmac.new(key, text, hashlib.sha256).hexdigest().upper()
    raise ValueError(f"unknown sign_method {sign_method!r}; use one of {', '.join(SIGN_METHODS)}")


def format_timestamp(now: datetime) -> str:
    """The ``timestamp`` system parameter for the instant ``now`` (which must be aware)."""
    if now.tzinfo is None:
        raise ValueError("the timestamp needs an aware datetime, e.g. datetime.now(timezone.utc)")
    return format_datetime(now)


def build_request(
    op: OperationInfo,
    business: Mapping[str, str],
    *,
    app_key: str,
    app_secret: str,
    sign_method: SignMethod,
    format: Format,
    simplify: bool,
    session: str | None,
    partner_id: str | None,
    target_app_key: str | None,
    timestamp: str,
    base_url: str,
) -> PreparedRequest:
    """The signed POST for one call of ``op``.

    Every parameter is signed. The system parameters go in the URL, except ``session`` and
    ``sign``: those go in the body after the business parameters, so that no URL (logged by
    httpx, proxies and servers) holds a secret.
    """
    system, query = _system_params(
        op.method, app_key, sign_method, format, simplify, partner_id, target_app_key
    )
    params = {**business, **system, "timestamp": timestamp}
    body = form_encode(business)
    secrets: tuple[str, ...] = ()
    if session:
        params["session"] = session
        quoted = form_quote(session)
        body += f"&session={quoted}" if body else f"session={quoted}"
        secrets = (session, quoted) if quoted != session else (session,)
    signature = sign(params, app_secret, sign_method)
    body += f"&sign={signature}" if body else f"sign={signature}"
    separator = "&" if "?" in base_url else "?"
    return PreparedRequest(
        method="POST",
        url=f"{base_url}{separator}{query}&timestamp={form_quote(timestamp)}",
        headers=FORM_HEADERS,
        body=body.encode("ascii"),
        secrets=(signature, *secrets),
    )


@functools.lru_cache(maxsize=1024)
def _system_params(
    method: str,
    app_key: str,
    sign_method: SignMethod,
    format: Format,
    simplify: bool,
    partner_id: str | None,
    target_app_key: str | None,
) -> tuple[Mapping[str, str], str]:
    """The system parameters that stay the same from call to call, and their query string."""
    params = {
        "method": method,
        "app_key": app_key,
        "v": API_VERSION,
        "format": format,
        "sign_method": sign_method,
    }
    if partner_id:
        params["partner_id"] = partner_id
    if target_app_key:
        params["target_app_key"] = target_app_key
    if simplify:
        params["simplify"] = "true"
    return MappingProxyType(params), form_encode(params)


_FORM_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_FORM_BYTE = [
    chr(b) if b in _FORM_SAFE else "+" if b == 0x20 else f"%{b:02X}" for b in range(256)
].__getitem__


def form_quote(text: str) -> str:
    """``text`` percent-encoded as UTF-8 for a form or query (as ``urllib.parse.quote_plus``)."""
    return "".join(map(_FORM_BYTE, text.encode("utf-8")))


def form_encode(params: Mapping[str, str]) -> str:
    """``application/x-www-form-urlencoded`` text of ``params`` (as ``urllib.parse.urlencode``)."""
    return "&".join([f"{form_quote(name)}={form_quote(value)}" for name, value in params.items()])
