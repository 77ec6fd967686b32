"""The SDK's exceptions as the docs, the README and the site describe them: when each is raised
and whether a failed call is retried, which depends on whether the endpoint is idempotent (the
rule of the runtime's ``_retry`` module, which ``tests/docs/test_readme.py`` holds it to)."""

from __future__ import annotations

from dataclasses import dataclass

from ..ir import Operation


@dataclass(frozen=True)
class ErrorKind:
    name: str
    when: str
    idempotent: str
    """Whether it is retried for an idempotent endpoint."""
    not_idempotent: str
    """Whether it is retried for one that is not."""


ERRORS = (
    ErrorKind("ParameterError", "a parameter fails validation; nothing is sent", "no", "no"),
    ErrorKind(
        "BusinessError",
        "the service answered that the operation did not succeed (result_code, result_msg)",
        "no",
        "no",
    ),
    ErrorKind(
        "AuthenticationError", "TOP codes 24–29: signature, app key or session rejected", "no", "no"
    ),
    ErrorKind("PermissionDeniedError", "TOP codes 11–13", "no", "no"),
    ErrorKind(
        "RateLimitError",
        "TOP codes 4–8, refused before the service; retry_after: the ban's seconds",
        "yes",
        "yes",
    ),
    ErrorKind(
        "InvalidRequestError", "TOP codes 9, 21–23, 30–34, 40–47, and isv.* sub-codes", "no", "no"
    ),
    ErrorKind("ServerError", "TOP code 10 and isp.* sub-codes", "yes", "no"),
    ErrorKind(
        "APIStatusError",
        "the gateway answered with an HTTP status other than 200",
        "429 and 5xx",
        "no",
    ),
    ErrorKind("ResponseDecodeError", "the reply could not be read", "no", "no"),
    ErrorKind(
        "UnconfirmedResultError",
        "the reply came without the result object or success flag: the operation may or may not"
        " have taken place; check its state before trying again",
        "no",
        "no",
    ),
    ErrorKind(
        "APITimeoutError",
        "a connect, write, read or pool timeout expired",
        "yes",
        "only when request_sent is False",
    ),
    ErrorKind(
        "APIConnectionError",
        "the gateway could not be reached, or the connection broke before a full reply",
        "yes",
        "only when request_sent is False",
    ),
)
"""The SDK's exceptions, and which are retried (as the runtime's ``_retry`` decides)."""


_BUSINESS = frozenset({"BusinessError", "UnconfirmedResultError"})
"""Raised only by an endpoint that reports its own success (``x-top-business-result``)."""


@dataclass(frozen=True)
class ErrorRow:
    name: str
    when: str
    retried: str


def error_rows(op: Operation) -> list[ErrorRow]:
    """The exceptions a call of ``op`` can raise, and whether each is retried for it."""
    return [
        ErrorRow(e.name, e.when, e.idempotent if op.idempotent else e.not_idempotent)
        for e in ERRORS
        if e.name not in _BUSINESS or op.business_result is not None
    ]
