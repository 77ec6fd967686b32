"""The options of a client and of a call: their defaults, where the environment sets them, and
how each is checked (every problem is a :class:`~.errors.ClientOptionError`, raised when the
client is built or the call made, before anything is sent)."""

from __future__ import annotations

import os
import platform
from collections.abc import Mapping
from typing import Any, Final, Generic, TypedDict, TypeVar

import httpx

from ._constants import DEFAULT_BASE_URL, DISTRIBUTION, ENV_PREFIX, SDK_VERSION
from ._signing import Format, SignMethod
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
    "ClientOptionChanges",
    "ClientOptions",
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

H = TypeVar("H", httpx.Client, httpx.AsyncClient)
"""The httpx client a client may be given: ``httpx.Client`` or ``httpx.AsyncClient``."""


class ClientOptions(TypedDict, Generic[H], total=False):
    """The options of a client's constructor, as ``**options: Unpack[ClientOptions[...]]``.

    The generated clients take the spec's client parameters (``ptnr_token=...``) as keyword
    arguments of their own and pass every other option on to the runtime's constructor; typing
    those as this dict lets the type checker refuse a misspelled name (the runtime's
    ``**client_params`` would take it as text) while the options themselves are listed here
    once. It mirrors ``BaseClient.__init__`` name for name and type for type (a test holds
    the two equal).
    """

    app_key: str | None
    app_secret: str | None
    base_url: str | None
    sign_method: SignMethod
    format: Format
    simplify: bool
    session: str | None
    partner_id: str | None
    target_app_key: str | None
    timeout: float | httpx.Timeout | NotGiven | None
    max_retries: int
    max_retry_wait: float
    total_timeout: float | None
    http_client: H | None


class ClientOptionChanges(TypedDict, Generic[H], total=False):
    """The options of ``with_options``, as :class:`ClientOptions` is those of the constructor
    (mirroring ``BaseClient.with_options``; a test holds the two equal)."""

    app_key: str | NotGiven
    app_secret: str | NotGiven
    base_url: str | NotGiven
    sign_method: SignMethod | NotGiven
    format: Format | NotGiven
    simplify: bool | NotGiven
    session: str | NotGiven | None
    partner_id: str | NotGiven | None
    target_app_key: str | NotGiven | None
    timeout: float | httpx.Timeout | NotGiven | None
    max_retries: int | NotGiven
    max_retry_wait: float | NotGiven
    total_timeout: float | NotGiven | None
    http_client: H | NotGiven


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
