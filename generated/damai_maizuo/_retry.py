"""When a failed call may be sent again, and how long to wait first. Pure functions.

A call is repeated only when that cannot do harm twice: a request that surely never left
(connection refused, connect timeout) always may be; a request that may have reached the
service only when the operation is idempotent, and then only for faults that can pass (a read
timeout, a broken connection, HTTP 5xx, a server error, code 7 "App Call Limited").
"""

from __future__ import annotations

from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    MaizuoError,
    ServerError,
)

RETRYABLE_CODES = frozenset({7, 10})
JITTER = 0.25
"""Up to this fraction of each delay is taken off at random, so clients do not retry in step."""


def is_retryable(error: MaizuoError, *, idempotent: bool) -> bool:
    """Whether the call that failed with ``error`` may be sent again."""
    if isinstance(error, APIConnectionError):
        return idempotent or not error.request_sent
    if not idempotent:
        return False
    if isinstance(error, APIStatusError):
        return error.status_code >= 500
    if isinstance(error, APIError):
        return isinstance(error, ServerError) or error.code in RETRYABLE_CODES
    return False


def backoff_delay(retry: int, *, base: float, cap: float, random_fraction: float) -> float:
    """Seconds to wait before retry number ``retry`` (1, 2, …): exponential, capped, jittered.

    ``random_fraction`` is a number in [0, 1) the caller draws.
    """
    return min(cap, base * 2.0 ** (retry - 1)) * (1 - JITTER * random_fraction)
