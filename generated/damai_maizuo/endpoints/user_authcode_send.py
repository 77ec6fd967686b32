"""``client.user.authcode.send(...)``: 发送验证码

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.user.authcode.send``.
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
    "UserAuthcodeSendParams",
    "UserAuthcodeSendResponse",
    "UserPhoneAuthCodeParam",
    "UserPhoneAuthCodeParamDict",
]


class CodeType(LabeledIntEnum):
    """验证码类型,1=注册,2=修改密码"""

    REGISTER = 1
    """注册"""
    CHANGE_PASSWORD = 2
    """修改密码"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "注册", 2: "修改密码"}


class UserPhoneAuthCodeParam(RequestModel):
    """验证码参数对象"""

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["Fbq3A9UJj/8SWB5xLq54Tn623qFzG+"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    user_phone: str = Field(examples=["139xxxx4567"])
    """会员手机号"""

    code_type: CodeType = Field(examples=[1])
    """验证码类型,1=注册,2=修改密码"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None, repr=False, examples=["nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    __client_params__: ClassVar[Mapping[str, bool]] = {
        "ptnr_token": True,
        "tenant_token": True,
        "channel_token": True,
    }


class UserPhoneAuthCodeParamDict(TypedDict):
    """A plain-dict form of :class:`UserPhoneAuthCodeParam`; keys are the names on the wire."""

    ptnr_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    user_phone: str
    """会员手机号"""

    code_type: CodeType | Literal[1, 2]
    """验证码类型,1=注册,2=修改密码"""

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


class UserAuthcodeSendParams(RequestModel):
    """alibaba.damai.maizuo.openapi.user.authcode.send 的业务参数"""

    param0: UserPhoneAuthCodeParam
    """验证码参数对象"""


class ResultData(ResponseModel):
    """请求结果"""

    result_msg: str | None = Field(default=None, examples=["成功"])
    """请求结果提示"""

    result_code: int | None = Field(default=None, examples=[200])
    """请求结果code"""

    success: bool | None = Field(default=None, examples=[True])
    """请求结果是否成功"""


class UserAuthcodeSendResponse(ResponseModel):
    """UserAuthcodeSendResponse"""

    result: ResultData | None = None
    """请求结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


USER_AUTHCODE_SEND = OperationInfo(
    method="alibaba.damai.maizuo.openapi.user.authcode.send",
    response_key="alibaba_damai_maizuo_openapi_user_authcode_send_response",
    idempotent=False,
    business_result=BusinessResultInfo(
        path=("result",),
        success="success",
        code="result_code",
        message="result_msg",
    ),
)


def send(
    self: SyncAPIResource,
    *,
    param0: UserPhoneAuthCodeParam | UserPhoneAuthCodeParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> UserAuthcodeSendResponse:
    """发送验证码

    发送验证码,for 用户注册-验证码方式及重置密码

    TOP method ``alibaba.damai.maizuo.openapi.user.authcode.send``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param0: 验证码参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        USER_AUTHCODE_SEND,
        UserAuthcodeSendParams,
        {"param0": param0},
        UserAuthcodeSendResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_send(
    self: AsyncAPIResource,
    *,
    param0: UserPhoneAuthCodeParam | UserPhoneAuthCodeParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> UserAuthcodeSendResponse:
    """发送验证码

    发送验证码,for 用户注册-验证码方式及重置密码

    TOP method ``alibaba.damai.maizuo.openapi.user.authcode.send``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param0: 验证码参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        USER_AUTHCODE_SEND,
        UserAuthcodeSendParams,
        {"param0": param0},
        UserAuthcodeSendResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
