"""What the protocol needs to know of one TOP method: one :class:`OperationInfo` per endpoint.

The rule it carries: a method's successful reply sits under its response key, the method name
with a leading ``taobao.`` dropped and dots made underscores, then ``_response``
(``alibaba.damai.maizuo.openapi.user.authcode.send`` →
``alibaba_damai_maizuo_openapi_user_authcode_send_response``); a refusal under ``error_response``.
The generated endpoint modules hold one constant each; :func:`response_key` serves a method the
spec does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ERROR_KEY", "BusinessResultInfo", "OperationInfo", "response_key"]

ERROR_KEY = "error_response"


def response_key(method: str) -> str:
    """The success envelope's key of the TOP method ``method``."""
    return method.removeprefix("taobao.").replace(".", "_") + "_response"


@dataclass(frozen=True)
class BusinessResultInfo:
    """Where a reply says whether the operation succeeded (the spec's ``x-top-business-result``)."""

    path: tuple[str, ...]
    """Wire names from the response object to the result object; empty for the object itself."""
    success: str
    code: str | None
    message: str | None


@dataclass(frozen=True)
class OperationInfo:
    """What the protocol needs to know of one TOP method; one constant per endpoint."""

    method: str
    """The TOP method name (``alibaba.damai.maizuo.openapi.user.authcode.send``)."""
    response_key: str
    """The success envelope's key (``alibaba_damai_maizuo_openapi_user_authcode_send_response``)."""
    idempotent: bool
    """Whether sending the call twice is harmless, so it may be retried after it was sent."""
    business_result: BusinessResultInfo | None = None
    session: str = "none"
    """``none``, ``optional`` or ``required``: whether the API needs a user session."""
