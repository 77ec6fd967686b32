"""The system-parameter checks, in the order the real gateway makes them.

21/22 method, 28/29 app_key, 30/31 timestamp, 32/33 v, 23 format, 24/25 sign and sign_method,
then 26/27 session where the operation needs one (or when an optional one is sent).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..top import API_VERSION, FORMATS, GMT8, MAX_CLOCK_SKEW, SIGN_METHODS, TIMESTAMP_FORMAT
from .codes import GatewayError, preview
from .endpoints import Endpoint
from .signature import sign_matches

_TOP_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", re.ASCII)
_EPOCH_MILLIS = re.compile(r"\d{1,15}", re.ASCII)


@dataclass(frozen=True)
class Credentials:
    """The one app the mock knows, and the session it accepts for that app's user."""

    app_key: str
    app_secret: str
    session: str

    def __post_init__(self) -> None:
        for name in ("app_key", "app_secret", "session"):
            if not getattr(self, name):
                raise ValueError(f"the mock gateway needs a non-empty {name}")

    def __repr__(self) -> str:
        return f"Credentials(app_key={self.app_key!r}, app_secret=***, session=***)"


def parse_timestamp(text: str) -> float | None:
    """Seconds since the epoch of a TOP timestamp: ``yyyy-MM-dd HH:mm:ss`` in GMT+8, or epoch
    milliseconds; None when it is neither."""
    if _EPOCH_MILLIS.fullmatch(text):
        return int(text) / 1000
    if not _TOP_TIME.fullmatch(text):
        return None
    try:
        when = datetime.strptime(text, TIMESTAMP_FORMAT)
    except ValueError:
        return None
    return when.replace(tzinfo=GMT8).timestamp()


def check_system(
    params: Mapping[str, str],
    endpoints: Mapping[str, Endpoint],
    credentials: Credentials,
    now: float,
) -> Endpoint:
    """The endpoint ``params`` call, or the first failed check as a :class:`GatewayError`.

    An empty value counts as absent, as it does for the real gateway's SDKs.
    """
    method = params.get("method")
    if not method:
        raise GatewayError(21, "缺少 method 参数 / the method parameter is missing")
    endpoint = endpoints.get(method)
    if endpoint is None:
        raise GatewayError(
            22, f"方法 {preview(method)} 不存在 / no method {preview(method)} is served here"
        )
    app_key = params.get("app_key")
    if not app_key:
        raise GatewayError(28, "缺少 app_key 参数 / the app_key parameter is missing")
    if app_key != credentials.app_key:
        raise GatewayError(29, "app_key 不存在 / no app has this app_key")
    _check_timestamp(params.get("timestamp"), now)
    version = params.get("v")
    if not version:
        raise GatewayError(32, "缺少 v 参数 / the v parameter is missing")
    if version != API_VERSION:
        raise GatewayError(33, f"v 须为 2.0,收到 {preview(version)} / v must be 2.0")
    if (params.get("format") or "xml") not in FORMATS:
        raise GatewayError(23, "format 须为 json 或 xml / format must be json or xml")
    _check_sign(params, credentials.app_secret)
    _check_session(endpoint, params.get("session"), credentials.session)
    return endpoint


def _check_timestamp(timestamp: str | None, now: float) -> None:
    if not timestamp:
        raise GatewayError(30, "缺少 timestamp 参数 / the timestamp parameter is missing")
    when = parse_timestamp(timestamp)
    if when is None:
        raise GatewayError(
            31,
            "timestamp 须为 GMT+8 的 yyyy-MM-dd HH:mm:ss 或毫秒时间戳 / timestamp must be "
            "yyyy-MM-dd HH:mm:ss in GMT+8 or epoch milliseconds",
        )
    skew = when - now
    if abs(skew) > MAX_CLOCK_SKEW:
        raise GatewayError(
            31,
            f"timestamp 与网关时间相差 {skew:+.0f} 秒,超过 10 分钟 / timestamp is {skew:+.0f} s "
            "away from the gateway's clock; at most 600 s allowed (GMT+8 expected)",
        )


def _check_sign(params: Mapping[str, str], secret: str) -> None:
    sign = params.get("sign")
    if not sign:
        raise GatewayError(24, "缺少 sign 参数 / the sign parameter is missing")
    sign_method = params.get("sign_method", "")
    if sign_method not in SIGN_METHODS:
        raise GatewayError(
            25,
            "sign_method 须为 md5、hmac 或 hmac-sha256 / sign_method must be md5, hmac or "
            "hmac-sha256",
        )
    if not sign_matches(params, secret, sign_method, sign):
        raise GatewayError(
            25,
            f"签名不匹配 / the signature does not match (sign_method {sign_method}; parameters "
            "with an empty value are not signed)",
        )


def _check_session(endpoint: Endpoint, session: str | None, accepted: str) -> None:
    if not session:
        if endpoint.session == "required":
            raise GatewayError(26, "此接口需要用户授权 session / this API needs the user's session")
        return
    if endpoint.session != "none" and session != accepted:
        raise GatewayError(27, "session 无效或已过期 / the session is invalid or expired")
