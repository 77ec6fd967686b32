"""The TOP gateway protocol as pure functions: no I/O, no clock, no randomness inside."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from typing import Literal

SignMethod = Literal["md5", "hmac", "hmac-sha256"]
SIGN_METHODS: tuple[SignMethod, ...] = ("md5", "hmac", "hmac-sha256")


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
