"""``client.eticket.qrcode(...)``: 票凭证API

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.eticket.qrcode``.
Generated from the spec; do not edit by hand.
"""

from collections.abc import Mapping
from typing import ClassVar, Literal, NotRequired, TypedDict

from pydantic import Field

from .._models import LabeledIntEnum, OpenIntEnum, RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import BusinessResultInfo, OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "DynamicQrCodeParam",
    "DynamicQrCodeParamDict",
    "DynamicQrCodeVo",
    "EticketQrcodeParams",
    "EticketQrcodeResponse",
    "LangType",
    "QrCodeType",
    "ResultData",
]


class LangType(LabeledIntEnum):
    """语言类型:1=中文,2=英文"""

    VALUE_1 = 1
    """中文"""
    VALUE_2 = 2
    """英文"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "中文", 2: "英文"}


class QrCodeType(LabeledIntEnum):
    """票类型:1=静态,2=动态,3=换票码,4=身份证电子票"""

    VALUE_1 = 1
    """静态"""
    VALUE_2 = 2
    """动态"""
    VALUE_3 = 3
    """换票码"""
    VALUE_4 = 4
    """身份证电子票"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "静态", 2: "动态", 3: "换票码", 4: "身份证电子票"}


class DynamicQrCodeParam(RequestModel):
    """票凭证参数对象"""

    order_id: str | None = Field(default=None, examples=["1000101121"])
    """订单ID"""

    user_id: int | None = Field(default=None, examples=[200121001])
    """会员ID"""

    event_id: str = Field(examples=["731021112"])
    """场次ID"""

    ticket_code_id: str = Field(examples=["4111231001"])
    """票ID;从订单详情api获取"""

    lang_type: LangType | None = Field(default=None, examples=[1])
    """语言类型:1=中文,2=英文"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["AxcXYJ72Idfk1231+mCzqSXZLWtCnikX/VnjI="]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["8SWB5xLq54Tn623qFzG+2u39r5xP5icqyWfwZ0zA="]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None, repr=False, examples=["xCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5icqyWfwZ0zA"]
    )
    """渠道签名,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    user_token: str | None = Field(
        default=None, examples=["St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5icqyWfwZ0zA="]
    )
    """用户登录标识"""

    __client_params__: ClassVar[Mapping[str, bool]] = {
        "tenant_token": True,
        "ptnr_token": True,
        "channel_token": True,
    }


class DynamicQrCodeParamDict(TypedDict):
    """A plain-dict form of :class:`DynamicQrCodeParam`; keys are the names on the wire."""

    order_id: NotRequired[str]
    """订单ID"""

    user_id: NotRequired[int]
    """会员ID"""

    event_id: str
    """场次ID"""

    ticket_code_id: str
    """票ID;从订单详情api获取"""

    lang_type: NotRequired[LangType | Literal[1, 2]]
    """语言类型:1=中文,2=英文"""

    tenant_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    ptnr_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    channel_token: NotRequired[str]
    """渠道签名,向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    user_token: NotRequired[str]
    """用户登录标识"""


class EticketQrcodeParams(RequestModel):
    """alibaba.damai.maizuo.openapi.eticket.qrcode 的业务参数"""

    dynamic_q_r_code_param: DynamicQrCodeParam
    """票凭证参数对象"""


class DynamicQrCodeVo(ResponseModel):
    """返回数据"""

    dynamic_q_r_code: str | None = Field(
        default=None, examples=["32A1xcXYJ72Idfk1231+mCzqSXZLWtCnikX/VnjI="]
    )
    """动态二维码;一票一码;"""

    qr_code_type: OpenIntEnum[QrCodeType] | None = Field(default=None, examples=[1])
    """票类型:1=静态,2=动态,3=换票码,4=身份证电子票"""

    ticket_validate_state_desc: str | None = Field(default=None, examples=["未使用"])
    """验票状态:1=未使用、2=已验票、3=已换票、4=已退票,5=已作废,6=无效票"""


class ResultData(ResponseModel):
    """统一返回值对象"""

    success: bool | None = Field(default=None, examples=[False])
    """是否成功"""

    result_code: int | None = Field(default=None, examples=[10])
    """状态码"""

    result_msg: str | None = Field(default=None, examples=["成功"])
    """提示信息"""

    dynamic_q_r_code_vo: DynamicQrCodeVo | None = None
    """返回数据"""


class EticketQrcodeResponse(ResponseModel):
    """EticketQrcodeResponse"""

    result_data: ResultData | None = None
    """统一返回值对象"""

    request_id: str | None = None
    """网关分配的请求 ID"""


ETICKET_QRCODE = OperationInfo(
    method="alibaba.damai.maizuo.openapi.eticket.qrcode",
    response_key="alibaba_damai_maizuo_openapi_eticket_qrcode_response",
    idempotent=False,
    business_result=BusinessResultInfo(
        path=("result_data",),
        success="success",
        code="result_code",
        message="result_msg",
    ),
)


def qrcode(
    self: SyncAPIResource,
    *,
    dynamic_q_r_code_param: DynamicQrCodeParam | DynamicQrCodeParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> EticketQrcodeResponse:
    """票凭证API

    获取取票凭证(二维码、换票码、身份证取票等)

    TOP method ``alibaba.damai.maizuo.openapi.eticket.qrcode``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        dynamic_q_r_code_param: 票凭证参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        ETICKET_QRCODE,
        EticketQrcodeParams,
        {"dynamic_q_r_code_param": dynamic_q_r_code_param},
        EticketQrcodeResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_qrcode(
    self: AsyncAPIResource,
    *,
    dynamic_q_r_code_param: DynamicQrCodeParam | DynamicQrCodeParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> EticketQrcodeResponse:
    """票凭证API

    获取取票凭证(二维码、换票码、身份证取票等)

    TOP method ``alibaba.damai.maizuo.openapi.eticket.qrcode``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        dynamic_q_r_code_param: 票凭证参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        ETICKET_QRCODE,
        EticketQrcodeParams,
        {"dynamic_q_r_code_param": dynamic_q_r_code_param},
        EticketQrcodeResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
