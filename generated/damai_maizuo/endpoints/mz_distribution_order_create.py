"""``client.mz.distribution.order.create(...)``: 创建订单API

The models and calls of the TOP method ``alibaba.damai.mz.distribution.order.create``.
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
    "CardType",
    "Goods",
    "GoodsDict",
    "MzDistributionOrderCreateParams",
    "MzDistributionOrderCreateResponse",
    "OrderCreateParam",
    "OrderCreateParamDict",
]


class CardType(LabeledIntEnum):
    """一票一证 证件类型;1=身份证,2=护照,3=港澳通行证,4=台湾居民来往大陆通行证,5=中华人民共和国台湾居民居住证,6=香港特别行政区护照,7=澳门特别行政区护照,8=士兵/军官证;所购买商品 实名制类型为一票一证限制时,必传"""

    VALUE_1 = 1
    """身份证"""
    VALUE_2 = 2
    """护照"""
    VALUE_3 = 3
    """港澳通行证"""
    VALUE_4 = 4
    """台湾居民来往大陆通行证"""
    VALUE_5 = 5
    """中华人民共和国台湾居民居住证"""
    VALUE_6 = 6
    """香港特别行政区护照"""
    VALUE_7 = 7
    """澳门特别行政区护照"""
    VALUE_8 = 8
    """士兵/军官证"""

    __labels__: ClassVar[Mapping[int, str]] = {
        1: "身份证",
        2: "护照",
        3: "港澳通行证",
        4: "台湾居民来往大陆通行证",
        5: "中华人民共和国台湾居民居住证",
        6: "香港特别行政区护照",
        7: "澳门特别行政区护照",
        8: "士兵/军官证",
    }


class Goods(RequestModel):
    """Goods"""

    seat_id: str | None = Field(default=None, examples=["91273971413"])
    """座位id;有座自助选座下单必传"""

    price_id: str = Field(examples=["44281279312"])
    """单票票档id;非空"""

    real_name: str | None = Field(default=None, examples=["李清雪"])
    """一票一证 真实姓名;所购买商品 实名制类型为一票一证限制时,必传"""

    card_type: CardType | None = Field(default=None, examples=[1])
    """一票一证 证件类型;1=身份证,2=护照,3=港澳通行证,4=台湾居民来往大陆通行证,5=中华人民共和国台湾居民居住证,6=香港特别行政区护照,7=澳门特别行政区护照,8=士兵/军官证;所购买商品 实名制类型为一票一证限制时,必传"""

    seat_group_id: str | None = Field(default=None, examples=["314971937912"])
    """座位组合id;固定座位组合时,例如 1排1座与1排2座 为一个固定座位组合;同一座位组合中的座位必须同时购买,座位为固定座位组合时必传;"""

    package_price_id: str | None = Field(default=None, examples=["123197442112"])
    """套票票档id;套票时必传"""

    card_no: str | None = Field(default=None, examples=["110xxxx1873"])
    """一票一证 证件号;所购买"""


class GoodsDict(TypedDict):
    """A plain-dict form of :class:`Goods`; keys are the names on the wire."""

    seat_id: NotRequired[str]
    """座位id;有座自助选座下单必传"""

    price_id: str
    """单票票档id;非空"""

    real_name: NotRequired[str]
    """一票一证 真实姓名;所购买商品 实名制类型为一票一证限制时,必传"""

    card_type: NotRequired[CardType | Literal[1, 2, 3, 4, 5, 6, 7, 8]]
    """一票一证 证件类型;1=身份证,2=护照,3=港澳通行证,4=台湾居民来往大陆通行证,5=中华人民共和国台湾居民居住证,6=香港特别行政区护照,7=澳门特别行政区护照,8=士兵/军官证;所购买商品 实名制类型为一票一证限制时,必传"""

    seat_group_id: NotRequired[str]
    """座位组合id;固定座位组合时,例如 1排1座与1排2座 为一个固定座位组合;同一座位组合中的座位必须同时购买,座位为固定座位组合时必传;"""

    package_price_id: NotRequired[str]
    """套票票档id;套票时必传"""

    card_no: NotRequired[str]
    """一票一证 证件号;所购买"""


class OrderCreateParam(RequestModel):
    """创建订单入参"""

    event_id: str = Field(examples=["1380002011588"])
    """麦座场次id"""

    contact_name: str = Field(examples=["李清雪"])
    """联系人/购票人姓名;非空"""

    goods_list: list[Goods]
    """购买的商品信息(单票维度)一单最多6张票;无座或有座下单此项必填"""


class OrderCreateParamDict(TypedDict):
    """A plain-dict form of :class:`OrderCreateParam`; keys are the names on the wire."""

    event_id: str
    """麦座场次id"""

    contact_name: str
    """联系人/购票人姓名;非空"""

    goods_list: list[GoodsDict]
    """购买的商品信息(单票维度)一单最多6张票;无座或有座下单此项必填"""


class MzDistributionOrderCreateParams(RequestModel):
    """alibaba.damai.mz.distribution.order.create 的业务参数"""

    param: OrderCreateParam
    """创建订单入参"""


class MzDistributionOrderCreateResponse(ResponseModel):
    """MzDistributionOrderCreateResponse"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_DISTRIBUTION_ORDER_CREATE = OperationInfo(
    method="alibaba.damai.mz.distribution.order.create",
    response_key="alibaba_damai_mz_distribution_order_create_response",
    idempotent=False,
)


def create(
    self: SyncAPIResource,
    *,
    param: OrderCreateParam | OrderCreateParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzDistributionOrderCreateResponse:
    """创建订单API

    麦座-平台分销-创建订单API; 1、麦座订单成单分为两步操作,分别为“创建订单”、“确认订单”。 按顺序调用两个API即可最终完成订单成单功能。 2、调用此API成功后,订单状态为“待支付”,下一步可调用“确认订单API”完成成单。

    TOP method ``alibaba.damai.mz.distribution.order.create``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 创建订单入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_DISTRIBUTION_ORDER_CREATE,
        MzDistributionOrderCreateParams,
        {"param": param},
        MzDistributionOrderCreateResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_create(
    self: AsyncAPIResource,
    *,
    param: OrderCreateParam | OrderCreateParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzDistributionOrderCreateResponse:
    """创建订单API

    麦座-平台分销-创建订单API; 1、麦座订单成单分为两步操作,分别为“创建订单”、“确认订单”。 按顺序调用两个API即可最终完成订单成单功能。 2、调用此API成功后,订单状态为“待支付”,下一步可调用“确认订单API”完成成单。

    TOP method ``alibaba.damai.mz.distribution.order.create``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 创建订单入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_DISTRIBUTION_ORDER_CREATE,
        MzDistributionOrderCreateParams,
        {"param": param},
        MzDistributionOrderCreateResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
