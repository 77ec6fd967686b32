"""``client.trade.pay.result.callback(...)``: 支付结果回调

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.trade.pay.result.callback``.
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
    "CartGoodsVo",
    "LangType",
    "PayParam",
    "PayParamDict",
    "ResultData",
    "ShoppingCartVo",
    "TradePayResultCallbackParams",
    "TradePayResultCallbackResponse",
]


class LangType(LabeledIntEnum):
    """语言类型:1=中文,2=英文"""

    VALUE_1 = 1
    """中文"""
    VALUE_2 = 2
    """英文"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "中文", 2: "英文"}


class PayParam(RequestModel):
    """支付回调参数对象"""

    user_id: str | None = Field(default=None, examples=["989311211"])
    """会员ID"""

    order_id: str = Field(examples=["2313113"])
    """订单ID"""

    pay_money: str = Field(examples=["18000"])
    """支付金额"""

    pay_type_id: str = Field(examples=["32189101"])
    """支付类型ID"""

    user_account_pay_password: str | None = Field(default=None, examples=["jijjhia121"])
    """会员账户支付密码"""

    pay_no: str | None = Field(default=None, examples=["wx8923981200012"])
    """支付序列号"""

    pay_desc: str | None = Field(default=None, examples=["支付宝支付"])
    """支付说明"""

    lang_type: LangType | None = Field(default=None, examples=[1])
    """语言类型:1=中文,2=英文"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["wBrZIAxcXYJ72Idfk1231+mCzqSXZLWtC"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["Fbq3A9UJj/8SWB5xLq54Tn623qFzG+2u39"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None, repr=False, examples=["St5dnxCv1KtwpNaDzuE459yus3m"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    user_token: str | None = Field(default=None, examples=["3213121"])
    """userId"""

    __client_params__: ClassVar[Mapping[str, bool]] = {
        "tenant_token": True,
        "ptnr_token": True,
        "channel_token": True,
    }


class PayParamDict(TypedDict):
    """A plain-dict form of :class:`PayParam`; keys are the names on the wire."""

    user_id: NotRequired[str]
    """会员ID"""

    order_id: str
    """订单ID"""

    pay_money: str
    """支付金额"""

    pay_type_id: str
    """支付类型ID"""

    user_account_pay_password: NotRequired[str]
    """会员账户支付密码"""

    pay_no: NotRequired[str]
    """支付序列号"""

    pay_desc: NotRequired[str]
    """支付说明"""

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
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    user_token: NotRequired[str]
    """userId"""


class TradePayResultCallbackParams(RequestModel):
    """alibaba.damai.maizuo.openapi.trade.pay.result.callback 的业务参数"""

    pay_param: PayParam
    """支付回调参数对象"""


class CartGoodsVo(ResponseModel):
    """CartGoodsVo"""


class ShoppingCartVo(ResponseModel):
    """返回数据"""

    shopping_cart_id: str | None = Field(default=None, examples=["32138011"])
    """当前购物车ID,服务器后台随机生成"""

    order_id: str | None = Field(default=None, examples=["321897931110"])
    """如果已成订单,返回订单ID"""

    cart_goods_list: list[CartGoodsVo] | None = None


class ResultData(ResponseModel):
    """统一返回值对象"""

    success: bool | None = Field(default=None, examples=[True])
    """是否成功"""

    result_code: int | None = Field(default=None, examples=[200])
    """状态码"""

    result_msg: str | None = Field(default=None, examples=["成功"])
    """提示信息"""

    shopping_cart_vo: ShoppingCartVo | None = None
    """返回数据"""


class TradePayResultCallbackResponse(ResponseModel):
    """TradePayResultCallbackResponse"""

    result_data: ResultData | None = None
    """统一返回值对象"""

    request_id: str | None = None
    """网关分配的请求 ID"""


TRADE_PAY_RESULT_CALLBACK = OperationInfo(
    method="alibaba.damai.maizuo.openapi.trade.pay.result.callback",
    response_key="alibaba_damai_maizuo_openapi_trade_pay_result_callback_response",
    idempotent=False,
    business_result=BusinessResultInfo(
        path=("result_data",),
        success="success",
        code="result_code",
        message="result_msg",
    ),
)


def callback(
    self: SyncAPIResource,
    *,
    pay_param: PayParam | PayParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> TradePayResultCallbackResponse:
    """支付结果回调

    第三方支付系统将用户的支付结果同步通知到麦座系统。

    TOP method ``alibaba.damai.maizuo.openapi.trade.pay.result.callback``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        pay_param: 支付回调参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        TRADE_PAY_RESULT_CALLBACK,
        TradePayResultCallbackParams,
        {"pay_param": pay_param},
        TradePayResultCallbackResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_callback(
    self: AsyncAPIResource,
    *,
    pay_param: PayParam | PayParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> TradePayResultCallbackResponse:
    """支付结果回调

    第三方支付系统将用户的支付结果同步通知到麦座系统。

    TOP method ``alibaba.damai.maizuo.openapi.trade.pay.result.callback``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        pay_param: 支付回调参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        TRADE_PAY_RESULT_CALLBACK,
        TradePayResultCallbackParams,
        {"pay_param": pay_param},
        TradePayResultCallbackResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
