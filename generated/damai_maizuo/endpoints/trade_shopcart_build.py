"""``client.trade.shopcart.build(...)``: 创建购物车

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.trade.shopcart.build``.
Generated from the spec; do not edit by hand.
"""

from collections.abc import Mapping
from typing import ClassVar, Literal, NotRequired, TypedDict

from pydantic import Field

from .._models import LabeledIntEnum, RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "OrderReceiveParam",
    "OrderReceiveParamDict",
    "ReceiveType",
    "ShoppingCartGoodsParam",
    "ShoppingCartGoodsParamDict",
    "ShoppingCartParam",
    "ShoppingCartParamDict",
    "TicketType",
    "TradeShopcartBuildParams",
    "TradeShopcartBuildResponse",
]


class ReceiveType(LabeledIntEnum):
    """收货类型,0=不确定,1=上门自取,2=现场取票,3=配送,4=大麦配送"""

    VALUE_0 = 0
    """不确定"""
    VALUE_1 = 1
    """上门自取"""
    VALUE_2 = 2
    """现场取票"""
    VALUE_3 = 3
    """配送"""
    VALUE_4 = 4
    """大麦配送"""

    __labels__: ClassVar[Mapping[int, str]] = {
        0: "不确定",
        1: "上门自取",
        2: "现场取票",
        3: "配送",
        4: "大麦配送",
    }


class TicketType(LabeledIntEnum):
    """票品类型,0=不确定、1=纸质票、2=身份证票、3=短信票、4=邮件、5=身份证票&短信票、6=联票卡、7=有纸化二维码、8=无纸化二维码"""

    VALUE_0 = 0
    """不确定"""
    VALUE_1 = 1
    """纸质票"""
    VALUE_2 = 2
    """身份证票"""
    VALUE_3 = 3
    """短信票"""
    VALUE_4 = 4
    """邮件"""
    VALUE_5 = 5
    """身份证票&短信票"""
    VALUE_6 = 6
    """联票卡"""
    VALUE_7 = 7
    """有纸化二维码"""
    VALUE_8 = 8
    """无纸化二维码"""

    __labels__: ClassVar[Mapping[int, str]] = {
        0: "不确定",
        1: "纸质票",
        2: "身份证票",
        3: "短信票",
        4: "邮件",
        5: "身份证票&短信票",
        6: "联票卡",
        7: "有纸化二维码",
        8: "无纸化二维码",
    }


class ShoppingCartGoodsParam(RequestModel):
    """ShoppingCartGoodsParam"""

    price_id: str | None = Field(default=None, examples=["10011001"])
    """票档ID"""

    goods_count: int | None = Field(default=None, examples=[10])
    """商品数量"""

    goods_id_list: list[str] | None = Field(default=None, examples=[["10011001", "13423113"]])
    """有座商品ID列表,当有座时必填"""

    need_coupon_recommend: bool | None = Field(default=None, examples=[False])
    """是否需要套票推荐,默认不需要"""


class ShoppingCartGoodsParamDict(TypedDict):
    """A plain-dict form of :class:`ShoppingCartGoodsParam`; keys are the names on the wire."""

    price_id: NotRequired[str]
    """票档ID"""

    goods_count: NotRequired[int]
    """商品数量"""

    goods_id_list: NotRequired[list[str]]
    """有座商品ID列表,当有座时必填"""

    need_coupon_recommend: NotRequired[bool]
    """是否需要套票推荐,默认不需要"""


class OrderReceiveParam(RequestModel):
    """订单收货人信息"""

    receive_type: ReceiveType | None = Field(default=None, examples=[0])
    """收货类型,0=不确定,1=上门自取,2=现场取票,3=配送,4=大麦配送"""

    ticket_type: TicketType | None = Field(default=None, examples=[0])
    """票品类型,0=不确定、1=纸质票、2=身份证票、3=短信票、4=邮件、5=身份证票&短信票、6=联票卡、7=有纸化二维码、8=无纸化二维码"""

    address_id: str | None = Field(default=None, examples=["523523"])
    """收货人地址ID"""

    receive_name: str | None = Field(default=None, examples=["赢川"])
    """收货人姓名"""


class OrderReceiveParamDict(TypedDict):
    """A plain-dict form of :class:`OrderReceiveParam`; keys are the names on the wire."""

    receive_type: NotRequired[ReceiveType | Literal[0, 1, 2, 3, 4]]
    """收货类型,0=不确定,1=上门自取,2=现场取票,3=配送,4=大麦配送"""

    ticket_type: NotRequired[TicketType | Literal[0, 1, 2, 3, 4, 5, 6, 7, 8]]
    """票品类型,0=不确定、1=纸质票、2=身份证票、3=短信票、4=邮件、5=身份证票&短信票、6=联票卡、7=有纸化二维码、8=无纸化二维码"""

    address_id: NotRequired[str]
    """收货人地址ID"""

    receive_name: NotRequired[str]
    """收货人姓名"""


class ShoppingCartParam(RequestModel):
    """购物车参数对象"""

    cart_goods_param_list: list[ShoppingCartGoodsParam]
    """购物车商品列表"""

    shopping_cart_id: str | None = Field(default=None, examples=["79379111"])
    """当前购物车ID,服务器后台随机生成"""

    user_id: str | None = Field(default=None, examples=["13423112"])
    """会员ID"""

    quick_buy: bool | None = Field(default=None, examples=[False])
    """是否是快速购买:true=快速购买,false=购物车购买,如果选择限购商品,只能传递true"""

    order_receive_param: OrderReceiveParam | None = None
    """订单收货人信息"""


class ShoppingCartParamDict(TypedDict):
    """A plain-dict form of :class:`ShoppingCartParam`; keys are the names on the wire."""

    cart_goods_param_list: list[ShoppingCartGoodsParamDict]
    """购物车商品列表"""

    shopping_cart_id: NotRequired[str]
    """当前购物车ID,服务器后台随机生成"""

    user_id: NotRequired[str]
    """会员ID"""

    quick_buy: NotRequired[bool]
    """是否是快速购买:true=快速购买,false=购物车购买,如果选择限购商品,只能传递true"""

    order_receive_param: NotRequired[OrderReceiveParamDict]
    """订单收货人信息"""


class TradeShopcartBuildParams(RequestModel):
    """alibaba.damai.maizuo.openapi.trade.shopcart.build 的业务参数"""

    shopping_cart_param: ShoppingCartParam
    """购物车参数对象"""


class TradeShopcartBuildResponse(ResponseModel):
    """TradeShopcartBuildResponse"""

    request_id: str | None = None
    """网关分配的请求 ID"""


TRADE_SHOPCART_BUILD = OperationInfo(
    method="alibaba.damai.maizuo.openapi.trade.shopcart.build",
    response_key="alibaba_damai_maizuo_openapi_trade_shopcart_build_response",
    idempotent=False,
)


def build(
    self: SyncAPIResource,
    *,
    shopping_cart_param: ShoppingCartParam | ShoppingCartParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> TradeShopcartBuildResponse:
    """创建购物车

    初始化购物车 根据用户选择的商品,初始化购物车数据。 完成套票分组、套票推荐,计算各种优惠、积分、优惠码。 用于购物车列表,初始展示购物车商品。每当有购物车商品变更时,都要调用此方法。

    TOP method ``alibaba.damai.maizuo.openapi.trade.shopcart.build``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        shopping_cart_param: 购物车参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        TRADE_SHOPCART_BUILD,
        TradeShopcartBuildParams,
        {"shopping_cart_param": shopping_cart_param},
        TradeShopcartBuildResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_build(
    self: AsyncAPIResource,
    *,
    shopping_cart_param: ShoppingCartParam | ShoppingCartParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> TradeShopcartBuildResponse:
    """创建购物车

    初始化购物车 根据用户选择的商品,初始化购物车数据。 完成套票分组、套票推荐,计算各种优惠、积分、优惠码。 用于购物车列表,初始展示购物车商品。每当有购物车商品变更时,都要调用此方法。

    TOP method ``alibaba.damai.maizuo.openapi.trade.shopcart.build``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        shopping_cart_param: 购物车参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        TRADE_SHOPCART_BUILD,
        TradeShopcartBuildParams,
        {"shopping_cart_param": shopping_cart_param},
        TradeShopcartBuildResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
