"""``client.user.register.byauthcode(...)``: 用户注册-验证码方式

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.user.register.byauthcode``.
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
    "CodeType",
    "ResultData",
    "UserRegisterByAuthCodeParam",
    "UserRegisterByAuthCodeParamDict",
    "UserRegisterByauthcodeParams",
    "UserRegisterByauthcodeResponse",
    "UserRegisterVo",
]


class CodeType(LabeledIntEnum):
    """验证码类型,1=注册,2=修改密码"""

    VALUE_1 = 1
    """注册"""
    VALUE_2 = 2
    """修改密码"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "注册", 2: "修改密码"}


class UserRegisterByAuthCodeParam(RequestModel):
    """会员注册by验证码参数对象"""

    auth_code: str = Field(examples=["726311"])
    """手机验证码"""

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    user_login_password: str = Field(examples=["QWA1q2w3e4r"])
    """会员登录密码,必填"""

    user_phone: str = Field(examples=["139xxxx4567"])
    """会员手机号,作为会员登录名"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5icq"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None, repr=False, examples=["XYJ72Idfk1231+mCzqSXZLWtCnikX/Vn"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    code_type: CodeType = Field(examples=[1])
    """验证码类型,1=注册,2=修改密码"""

    __client_params__: ClassVar[Mapping[str, bool]] = {
        "ptnr_token": True,
        "tenant_token": True,
        "channel_token": True,
    }


class UserRegisterByAuthCodeParamDict(TypedDict):
    """A plain-dict form of :class:`UserRegisterByAuthCodeParam`; keys are the names on the wire."""

    auth_code: str
    """手机验证码"""

    ptnr_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    user_login_password: str
    """会员登录密码,必填"""

    user_phone: str
    """会员手机号,作为会员登录名"""

    tenant_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    channel_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    code_type: CodeType | Literal[1, 2]
    """验证码类型,1=注册,2=修改密码"""


class UserRegisterByauthcodeParams(RequestModel):
    """alibaba.damai.maizuo.openapi.user.register.byauthcode 的业务参数"""

    param0: UserRegisterByAuthCodeParam
    """会员注册by验证码参数对象"""


class UserRegisterVo(ResponseModel):
    """请求结果数据"""

    user_token: str | None = Field(default=None, examples=["J72Idfk1231+mCzqSXZLWt"])
    """用户登录token"""

    user_icon: str | None = Field(default=None, examples=["http://www.maitix/xxx/x.jpg"])
    """用户头像url"""

    user_phone: str | None = Field(default=None, examples=["136xxxx1234"])
    """会员手机号"""

    user_name: str | None = Field(default=None, examples=["赢x"])
    """会员名称"""

    user_id: str | None = Field(default=None, examples=["2313112"])
    """会员ID"""


class ResultData(ResponseModel):
    """请求结果"""

    result_msg: str | None = Field(default=None, examples=["成功"])
    """请求结果描述"""

    data: UserRegisterVo | None = None
    """请求结果数据"""

    result_code: int | None = Field(default=None, examples=[201])
    """请求结果状态码"""

    success: bool | None = Field(default=None, examples=[False])
    """请求结果是否成功"""


class UserRegisterByauthcodeResponse(ResponseModel):
    """UserRegisterByauthcodeResponse"""

    result: ResultData | None = None
    """请求结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


USER_REGISTER_BYAUTHCODE = OperationInfo(
    method="alibaba.damai.maizuo.openapi.user.register.byauthcode",
    response_key="alibaba_damai_maizuo_openapi_user_register_byauthcode_response",
    idempotent=False,
    business_result=BusinessResultInfo(
        path=("result",),
        success="success",
        code="result_code",
        message="result_msg",
    ),
)


def byauthcode(
    self: SyncAPIResource,
    *,
    param0: UserRegisterByAuthCodeParam | UserRegisterByAuthCodeParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> UserRegisterByauthcodeResponse:
    """用户注册-验证码方式

    TOP method ``alibaba.damai.maizuo.openapi.user.register.byauthcode``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param0: 会员注册by验证码参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        USER_REGISTER_BYAUTHCODE,
        UserRegisterByauthcodeParams,
        {"param0": param0},
        UserRegisterByauthcodeResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_byauthcode(
    self: AsyncAPIResource,
    *,
    param0: UserRegisterByAuthCodeParam | UserRegisterByAuthCodeParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> UserRegisterByauthcodeResponse:
    """用户注册-验证码方式

    TOP method ``alibaba.damai.maizuo.openapi.user.register.byauthcode``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param0: 会员注册by验证码参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        USER_REGISTER_BYAUTHCODE,
        UserRegisterByauthcodeParams,
        {"param0": param0},
        UserRegisterByauthcodeResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
