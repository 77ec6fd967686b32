"""``client.order.submit(...)``: 订单创建API

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.order.submit``.
Generated from the spec; do not edit by hand.
"""

from typing import NotRequired, TypedDict

from pydantic import Field

from .._models import RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "ChildGroupedShoppingCartGoodsParam",
    "ChildGroupedShoppingCartGoodsParamDict",
    "GroupedShoppingCartGoodsParam",
    "GroupedShoppingCartGoodsParamDict",
    "OrderBearerParam",
    "OrderBearerParamDict",
    "OrderSubmitParams",
    "OrderSubmitResponse",
    "SubmitOrderParam",
    "SubmitOrderParamDict",
]


class ChildGroupedShoppingCartGoodsParam(RequestModel):
    """ChildGroupedShoppingCartGoodsParam"""

    price_id: str | None = Field(default=None, examples=["432131"])
    """票档ID"""

    goods_id: str | None = Field(default=None, examples=["421311"])
    """商品ID"""

    goods_count: int | None = Field(default=None, examples=[1])
    """子商品数量;子商品 数量默认1"""


class ChildGroupedShoppingCartGoodsParamDict(TypedDict):
    """A plain-dict form of :class:`ChildGroupedShoppingCartGoodsParam`; keys are the names on the wire."""

    price_id: NotRequired[str]
    """票档ID"""

    goods_id: NotRequired[str]
    """商品ID"""

    goods_count: NotRequired[int]
    """子商品数量;子商品 数量默认1"""


class GroupedShoppingCartGoodsParam(RequestModel):
    """GroupedShoppingCartGoodsParam"""

    event_id: str | None = Field(default=None, examples=["1802131"])
    """麦座场次ID"""

    price_id: str | None = Field(default=None, examples=["1280121"])
    """票档ID;"""

    goods_id: str | None = Field(default=None, examples=["809921"])
    """商品ID;有座套票时可空,无座时可空;有座单票时必传"""

    goods_count: int | None = Field(default=None, examples=[2131])
    """商品数量;"""

    coupon_group_id: str | None = Field(default=None, examples=["231213"])
    """套票组ID;一般为固定套票组id"""

    child_list: list[ChildGroupedShoppingCartGoodsParam] | None = None
    """组合之后的子票档列表"""


class GroupedShoppingCartGoodsParamDict(TypedDict):
    """A plain-dict form of :class:`GroupedShoppingCartGoodsParam`; keys are the names on the wire."""

    event_id: NotRequired[str]
    """麦座场次ID"""

    price_id: NotRequired[str]
    """票档ID;"""

    goods_id: NotRequired[str]
    """商品ID;有座套票时可空,无座时可空;有座单票时必传"""

    goods_count: NotRequired[int]
    """商品数量;"""

    coupon_group_id: NotRequired[str]
    """套票组ID;一般为固定套票组id"""

    child_list: NotRequired[list[ChildGroupedShoppingCartGoodsParamDict]]
    """组合之后的子票档列表"""


class OrderBearerParam(RequestModel):
    """订单观演人信息;一单一证限制时必传,一个订单对应一条记录;"""

    bearer_id: str | None = Field(default=None, examples=["653231"])
    """观演人ID"""

    receivable_money: str | None = Field(default=None, examples=["180"])
    """要验证的应收金额,如果不一致,则提交订单失败;单位:元"""

    remark: str | None = Field(default=None, examples=["金牌"])
    """订单备注"""

    shopping_cart_id: str | None = Field(default=None, examples=["3213131"])
    """当前购物车ID,服务器后台随机生成"""

    user_id: str | None = Field(default=None, examples=["5775654"])
    """会员ID"""

    quick_buy: bool | None = Field(default=None, examples=[False])
    """是否是快速购买:true=快速购买,false=购物车购买,如果"""


class OrderBearerParamDict(TypedDict):
    """A plain-dict form of :class:`OrderBearerParam`; keys are the names on the wire."""

    bearer_id: NotRequired[str]
    """观演人ID"""

    receivable_money: NotRequired[str]
    """要验证的应收金额,如果不一致,则提交订单失败;单位:元"""

    remark: NotRequired[str]
    """订单备注"""

    shopping_cart_id: NotRequired[str]
    """当前购物车ID,服务器后台随机生成"""

    user_id: NotRequired[str]
    """会员ID"""

    quick_buy: NotRequired[bool]
    """是否是快速购买:true=快速购买,false=购物车购买,如果"""


class SubmitOrderParam(RequestModel):
    """提交订单参数对象"""

    cart_goods_param_list: list[GroupedShoppingCartGoodsParam] | None = None
    """套票分组后的商品列表"""

    order_bearer_param: OrderBearerParam | None = None
    """订单观演人信息;一单一证限制时必传,一个订单对应一条记录;"""


class SubmitOrderParamDict(TypedDict):
    """A plain-dict form of :class:`SubmitOrderParam`; keys are the names on the wire."""

    cart_goods_param_list: NotRequired[list[GroupedShoppingCartGoodsParamDict]]
    """套票分组后的商品列表"""

    order_bearer_param: NotRequired[OrderBearerParamDict]
    """订单观演人信息;一单一证限制时必传,一个订单对应一条记录;"""


class OrderSubmitParams(RequestModel):
    """alibaba.damai.maizuo.openapi.order.submit 的业务参数"""

    grouped_submit_order_param: SubmitOrderParam
    """提交订单参数对象"""


class OrderSubmitResponse(ResponseModel):
    """OrderSubmitResponse"""

    request_id: str | None = None
    """网关分配的请求 ID"""


ORDER_SUBMIT = OperationInfo(
    method="alibaba.damai.maizuo.openapi.order.submit",
    response_key="alibaba_damai_maizuo_openapi_order_submit_response",
    idempotent=False,
)


def submit(
    self: SyncAPIResource,
    *,
    grouped_submit_order_param: SubmitOrderParam | SubmitOrderParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> OrderSubmitResponse:
    """订单创建API

    麦座票务平台-自建电商网站-订单创建API;

    TOP method ``alibaba.damai.maizuo.openapi.order.submit``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        grouped_submit_order_param: 提交订单参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        ORDER_SUBMIT,
        OrderSubmitParams,
        {"grouped_submit_order_param": grouped_submit_order_param},
        OrderSubmitResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_submit(
    self: AsyncAPIResource,
    *,
    grouped_submit_order_param: SubmitOrderParam | SubmitOrderParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> OrderSubmitResponse:
    """订单创建API

    麦座票务平台-自建电商网站-订单创建API;

    TOP method ``alibaba.damai.maizuo.openapi.order.submit``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        grouped_submit_order_param: 提交订单参数对象

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        ORDER_SUBMIT,
        OrderSubmitParams,
        {"grouped_submit_order_param": grouped_submit_order_param},
        OrderSubmitResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
