"""``client.user.register(...)``: 会员注册

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.user.register``.
Generated from the spec; do not edit by hand.
"""

from collections.abc import Mapping
from typing import ClassVar, Literal, NotRequired, TypedDict

from pydantic import Field

from .._models import LabeledIntEnum, RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import BusinessResultInfo, OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "LangType",
    "ResultData",
    "UserRegisterParam",
    "UserRegisterParamDict",
    "UserRegisterParams",
    "UserRegisterResponse",
]


class LangType(LabeledIntEnum):
    """语言类型:1=中文,2=英文"""

    VALUE_1 = 1
    """中文"""
    VALUE_2 = 2
    """英文"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "中文", 2: "英文"}


class UserRegisterParam(RequestModel):
    """会员注册参数对象"""

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["Fbq3A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5icqyWfwZ0zA=="]
    )
    """商户token,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    user_login_password: str = Field(examples=["QWA1q2w3e4r"])
    """会员登录密码,必填"""

    lang_type: LangType | None = Field(default=None, examples=[1])
    """语言类型:1=中文,2=英文"""

    user_phone: str | None = Field(default=None, examples=["139xxxx4567"])
    """会员手机号,手机号和邮箱二选一,作为会员登录名"""

    user_email: str | None = Field(default=None, examples=["xxx@sina.com"])
    """会员邮箱,手机号和邮箱二选一,作为会员登录名"""

    third_user_id: str | None = Field(default=None, examples=["66012345678"])
    """第三方会员ID,选填,第三方会员注册时使用"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["wBrZIAxcXYJ72Idfk1231+mCzqSXZLWtCnikX/VnjI="]
    )
    """租户token,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None,
        repr=False,
        examples=["St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5icqyWfwZ0zA=="],
    )
    """渠道签名,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    __client_params__: ClassVar[Mapping[str, bool]] = {
        "ptnr_token": True,
        "tenant_token": True,
        "channel_token": True,
    }


class UserRegisterParamDict(TypedDict):
    """A plain-dict form of :class:`UserRegisterParam`; keys are the names on the wire."""

    ptnr_token: NotRequired[str]
    """商户token,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    user_login_password: str
    """会员登录密码,必填"""

    lang_type: NotRequired[LangType | Literal[1, 2]]
    """语言类型:1=中文,2=英文"""

    user_phone: NotRequired[str]
    """会员手机号,手机号和邮箱二选一,作为会员登录名"""

    user_email: NotRequired[str]
    """会员邮箱,手机号和邮箱二选一,作为会员登录名"""

    third_user_id: NotRequired[str]
    """第三方会员ID,选填,第三方会员注册时使用"""

    tenant_token: NotRequired[str]
    """租户token,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    channel_token: NotRequired[str]
    """渠道签名,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """


class UserRegisterParams(RequestModel):
    """alibaba.damai.maizuo.openapi.user.register 的业务参数"""

    user_register_param: UserRegisterParam | None = None
    """会员注册参数对象"""


class ResultData(ResponseModel):
    """统一返回值对象"""

    result_msg: str | None = Field(default=None, examples=["xxxxx"])
    """提示信息"""

    data: bool | None = Field(default=None, examples=[False])
    """返回数据"""

    result_code: int | None = Field(default=None, examples=[10])
    """状态码"""

    success: bool | None = Field(default=None, examples=[False])
    """是否成功"""


class UserRegisterResponse(ResponseModel):
    """UserRegisterResponse"""

    result_data: ResultData | None = None
    """统一返回值对象"""

    request_id: str | None = None
    """网关分配的请求 ID"""


USER_REGISTER = OperationInfo(
    method="alibaba.damai.maizuo.openapi.user.register",
    response_key="alibaba_damai_maizuo_openapi_user_register_response",
    idempotent=False,
    business_result=BusinessResultInfo(
        path=("result_data",),
        success="success",
        code="result_code",
        message="result_msg",
    ),
)


def register(
    self: SyncAPIResource,
    *,
    user_register_param: UserRegisterParam | UserRegisterParamDict | None = None,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> UserRegisterResponse:
    """会员注册

    TOP method ``alibaba.damai.maizuo.openapi.user.register``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        user_register_param: 会员注册参数对象 (optional)

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        USER_REGISTER,
        UserRegisterParams,
        {"user_register_param": user_register_param},
        UserRegisterResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_register(
    self: AsyncAPIResource,
    *,
    user_register_param: UserRegisterParam | UserRegisterParamDict | None = None,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> UserRegisterResponse:
    """会员注册

    TOP method ``alibaba.damai.maizuo.openapi.user.register``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        user_register_param: 会员注册参数对象 (optional)

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        USER_REGISTER,
        UserRegisterParams,
        {"user_register_param": user_register_param},
        UserRegisterResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
