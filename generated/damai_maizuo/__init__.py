"""大麦·麦座开放接口 (Damai Maizuo open API): the Python SDK.

大麦·麦座(Damai Maizuo)票务平台的开放接口,经淘宝开放平台(TOP)网关调用。
每个接口是一个 TOP 方法:请求发往网关地址,方法名放在系统参数 `method` 中,
业务参数以 `application/x-www-form-urlencoded` 表单提交,应答是 TOP 的 JSON/XML 信封。

Start with :class:`Client` (or :class:`AsyncClient`); every endpoint is a method named after
its TOP method, e.g. ``client.eticket.qrcode(...)``.
Generated from the spec; do not edit by hand.
"""

from . import errors
from ._client import AsyncClient, Client
from ._raw import RawResponse
from ._version import __version__
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BusinessError,
    ClientOptionError,
    InvalidRequestError,
    MaizuoError,
    ParameterError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    UnconfirmedResultError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "BusinessError",
    "Client",
    "ClientOptionError",
    "InvalidRequestError",
    "MaizuoError",
    "ParameterError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResponseDecodeError",
    "ServerError",
    "UnconfirmedResultError",
    "__version__",
    "errors",
]
