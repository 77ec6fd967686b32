"""The options of a client and of a call: their defaults, where the environment sets them, and
how each is checked (every problem is a :class:`~.errors.ClientOptionError`, raised when the
client is built or the call made, before anything is sent)."""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from typing import Any, Final

import httpx

from ._constants import DEFAULT_BASE_URL, DISTRIBUTION, ENV_PREFIX, SDK_VERSION
from .errors import ClientOptionError

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "ENV_APP_KEY",
    "ENV_APP_SECRET",
    "ENV_BASE_URL",
    "NOT_GIVEN",
    "USER_AGENT",
    "CallTimeout",
    "ExtraParams",
    "NotGiven",
    "check_retries",
    "check_seconds",
    "checked_url",
    "pick",
    "required",
]

CallTimeout = float | httpx.Timeout | None
"""A timeout: seconds for each of connect, read, write and pool, an :class:`httpx.Timeout`, or
``None`` for none."""
ExtraParams = Mapping[str, Any] | None
"""Business parameters the spec does not know yet, by wire name, sent as given and signed."""

ENV_APP_KEY = f"{ENV_PREFIX}_APP_KEY"
ENV_APP_SECRET = f"{ENV_PREFIX}_APP_SECRET"
ENV_BASE_URL = f"{ENV_PREFIX}_BASE_URL"
USER_AGENT = f"{DISTRIBUTION}/{SDK_VERSION} Python/{platform.python_version()}"
"""The start of every request's ``User-Agent``; the transport adds its own name (``httpx/0.28.1``,
``asyncio``, ...), so the platform's logs tell which SDK, Python and transport called."""
DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
"""5 s to connect, 15 s for each read, write and wait for a pooled connection; once a reply
has begun, the read timeout is also the time it has to arrive in full."""


class NotGiven:
    """The type of :data:`NOT_GIVEN`: an option left as it is (``None`` may be a value)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


def required(value: str | None, env: str, name: str) -> str:
    value = value or os.environ.get(env)
    if not value:
        raise ClientOptionError(f"no {name}: pass {name}=... or set the {env} environment variable")
    return value


def checked_url(url: str) -> str:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        raise ClientOptionError(f"base_url must be an http(s) URL, e.g. {DEFAULT_BASE_URL}")
    return url


def check_retries(max_retries: object) -> None:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ClientOptionError("max_retries must be an integer ≥ 0")


def check_seconds(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e9:
        raise ClientOptionError(f"{name} must be a number of seconds ≥ 0")


def pick(value: Any, current: Any) -> Any:
    return current if isinstance(value, NotGiven) else value
