"""``client.mz.order.render(...)``: 确认订单页渲染API

The models and calls of the TOP method ``alibaba.damai.mz.order.render``.
Generated from the spec; do not edit by hand.
"""

from typing import NotRequired, TypedDict

from pydantic import Field

from .._models import RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "MzOrderRenderParams",
    "MzOrderRenderResponse",
    "OrderRenderParam",
    "OrderRenderParamDict",
    "RenderGoods4c",
    "RenderGoods4cDict",
]


class RenderGoods4c(RequestModel):
    """RenderGoods4c"""

    seat_id: str | None = Field(default=None, examples=["93848215304"])
    """座位id;有座下单必传"""

    price_id: str = Field(examples=["937491013"])
    """单票票档id"""

    event_id: str | None = Field(default=None, examples=["7461828315230"])
    """场次id"""


class RenderGoods4cDict(TypedDict):
    """A plain-dict form of :class:`RenderGoods4c`; keys are the names on the wire."""

    seat_id: NotRequired[str]
    """座位id;有座下单必传"""

    price_id: str
    """单票票档id"""

    event_id: NotRequired[str]
    """场次id"""


class OrderRenderParam(RequestModel):
    """确认订单页渲染入参"""

    render_goods_list: list[RenderGoods4c]
    """购买的商品信息(单票维度);一单最多20张票;无座或有座下单此项必填;所购买商品的所属场次取票方式、实名制限购方式必须一致(交集);"""

    order_promotion_rule_id: str | None = Field(default=None, examples=["19273"])
    """选中的订单优惠规则id;可空;不传时API会返回购买的商品可以使用的订单优惠列表"""

    mz_user_id: str | None = Field(default=None, examples=["8293090023"])
    """麦座用户id;必传;"""

    coupon_code: str | None = Field(default=None, examples=["ua3sk83781h13"])
    """选中的优惠码;可空;不传时API会返回购买的商品可以使用的优惠码优惠"""

    order_promotion_id: str | None = Field(default=None, examples=["289397471201"])
    """选中的订单优惠id;可空;不传时此API会返回购买的商品可以使用的订单优惠列表"""

    address_id: str | None = Field(default=None, examples=["14131367"])
    """收货地址id;expressUseBoolean=true时,非空;收货人以收货地址id对应的收货信息为准;"""

    express_pay_type: int | None = Field(default=None, examples=[1])
    """运费支付类型;1=在线支付;expressUseBoolean=true时,非空;"""

    express_use_boolean: bool | None = Field(default=None, examples=[True])


class OrderRenderParamDict(TypedDict):
    """A plain-dict form of :class:`OrderRenderParam`; keys are the names on the wire."""

    render_goods_list: list[RenderGoods4cDict]
    """购买的商品信息(单票维度);一单最多20张票;无座或有座下单此项必填;所购买商品的所属场次取票方式、实名制限购方式必须一致(交集);"""

    order_promotion_rule_id: NotRequired[str]
    """选中的订单优惠规则id;可空;不传时API会返回购买的商品可以使用的订单优惠列表"""

    mz_user_id: NotRequired[str]
    """麦座用户id;必传;"""

    coupon_code: NotRequired[str]
    """选中的优惠码;可空;不传时API会返回购买的商品可以使用的优惠码优惠"""

    order_promotion_id: NotRequired[str]
    """选中的订单优惠id;可空;不传时此API会返回购买的商品可以使用的订单优惠列表"""

    address_id: NotRequired[str]
    """收货地址id;expressUseBoolean=true时,非空;收货人以收货地址id对应的收货信息为准;"""

    express_pay_type: NotRequired[int]
    """运费支付类型;1=在线支付;expressUseBoolean=true时,非空;"""

    express_use_boolean: NotRequired[bool]


class MzOrderRenderParams(RequestModel):
    """alibaba.damai.mz.order.render 的业务参数"""

    param: OrderRenderParam
    """确认订单页渲染入参"""


class MzOrderRenderResponse(ResponseModel):
    """MzOrderRenderResponse"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_ORDER_RENDER = OperationInfo(
    method="alibaba.damai.mz.order.render",
    response_key="alibaba_damai_mz_order_render_response",
    idempotent=False,
)


def render(
    self: SyncAPIResource,
    *,
    param: OrderRenderParam | OrderRenderParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzOrderRenderResponse:
    """确认订单页渲染API

    麦座-自建电商网站-确认订单页渲染API; 1、购物车页、确认订单页 可调用此接口计算商品价格、运费价格、返回可使用的订单优惠、优惠码优惠。 2、注意:礼品卡只允许全额抵扣;不能只使用单张礼品卡的一部分余额;

    TOP method ``alibaba.damai.mz.order.render``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 确认订单页渲染入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_ORDER_RENDER,
        MzOrderRenderParams,
        {"param": param},
        MzOrderRenderResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_render(
    self: AsyncAPIResource,
    *,
    param: OrderRenderParam | OrderRenderParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzOrderRenderResponse:
    """确认订单页渲染API

    麦座-自建电商网站-确认订单页渲染API; 1、购物车页、确认订单页 可调用此接口计算商品价格、运费价格、返回可使用的订单优惠、优惠码优惠。 2、注意:礼品卡只允许全额抵扣;不能只使用单张礼品卡的一部分余额;

    TOP method ``alibaba.damai.mz.order.render``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 确认订单页渲染入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_ORDER_RENDER,
        MzOrderRenderParams,
        {"param": param},
        MzOrderRenderResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
