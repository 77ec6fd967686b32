"""When a failed call may be sent again, and how long to wait first. Pure functions.

A call is repeated only when that cannot do harm twice: a request that surely never left
(connection refused, connect timeout) or that the gateway refused before the service
(:data:`NEVER_REACHED_CODES`) always may be; a request that may have reached the service only
when the operation is idempotent, and then only for faults that can pass (a read timeout, a
broken connection, HTTP 429 and 5xx, a server error, codes 7 and 10).
"""

from __future__ import annotations

from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    MaizuoError,
    RateLimitError,
    ServerError,
)

RETRYABLE_CODES = frozenset({7, 10})
NEVER_REACHED_CODES = frozenset({4, 5, 6, 7, 8})
"""The gateway's call-limit refusals (4 User Call Limited, 5 Session Call Limited, 6 Partner
Call Limited, 7 App Call Limited, 8 App Call Exceeds Limited Frequency), which prove the call
never reached the service, so even a call that is not idempotent may be sent again after one.

The evidence, TOP's published error-code documentation: the errors a call can meet arise at
three layers, "在访问淘宝服务器,TOP接入平台,淘宝后端业务服务器这三个层次上" (the HTTP server,
the TOP access platform, the back-end business servers), platform-level errors being those of
the TOP access platform (http://doc.alidayu.com/docs/doc.htm?articleId=101645&docType=1&treeId=1);
and "错误码小于100(不包含15,40,41错误码)的调用错误,这种错误一般是由于用户的请求不符合各种基本
校验而引起的 ... 首先检查应用的权限、频率等情况" (codes below 100 but 15, 40 and 41 come from
the platform's basic checks of the request, permissions and frequency among them; the platform
error-code page as quoted at http://blog.unvs.cn/archives/taobao-oauth-top-error-code.html).
Codes 4–8 are those frequency checks. Only they are listed: the other basic-check failures are
not worth sending again, and where the evidence is not this clear (code 10 "Service Currently
Unavailable", ``isp.*`` sub-codes "由于服务端异常引起" — a fault of the service, which may have
acted) a call that is not idempotent is never resent. A call-limit code with an ``isp.*``
sub-code is a :class:`~.errors.ServerError`, not a :class:`~.errors.RateLimitError`, and is not
counted here."""
JITTER = 0.25
"""Up to this fraction of each delay is taken off at random, so clients do not retry in step."""


def is_retryable(error: MaizuoError, *, idempotent: bool) -> bool:
    """Whether the call that failed with ``error`` may be sent again."""
    if isinstance(error, APIConnectionError):
        return idempotent or not error.request_sent
    if isinstance(error, RateLimitError) and error.code in NEVER_REACHED_CODES:
        return True
    if not idempotent:
        return False
    if isinstance(error, APIStatusError):
        return error.status_code >= 500 or error.status_code == 429
    if isinstance(error, APIError):
        return isinstance(error, ServerError) or error.code in RETRYABLE_CODES
    return False


def backoff_delay(retry: int, *, base: float, cap: float, random_fraction: float) -> float:
    """Seconds to wait before retry number ``retry`` (1, 2, …): exponential, capped, jittered.

    ``random_fraction`` is a number in [0, 1) the caller draws.
    """
    return min(cap, base * 2.0 ** (retry - 1)) * (1 - JITTER * random_fraction)
