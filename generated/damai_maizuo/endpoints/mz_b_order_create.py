"""``client.mz.b.order.create(...)``: 门店创建订单API

The models and calls of the TOP method ``alibaba.damai.mz.b.order.create``.
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
    "DeliveryType",
    "Goods",
    "GoodsDict",
    "MzBOrderCreateParams",
    "MzBOrderCreateResponse",
    "OrderCreateParam",
    "OrderCreateParamDict",
]


class DeliveryType(LabeledIntEnum):
    """取票类型;3=取票码自助换票(换纸质票),4=二维码自助换票(换纸质票),11=打纸质票;"""

    VALUE_3 = 3
    """取票码自助换票(换纸质票)"""
    VALUE_4 = 4
    """二维码自助换票(换纸质票)"""
    VALUE_11 = 11
    """打纸质票"""

    __labels__: ClassVar[Mapping[int, str]] = {
        3: "取票码自助换票(换纸质票)",
        4: "二维码自助换票(换纸质票)",
        11: "打纸质票",
    }


class Goods(RequestModel):
    """Goods"""

    seat_id: str | None = Field(default=None, examples=["91273971413"])
    """座位id;有座自助选座下单必传"""

    price_id: str = Field(examples=["44281279312"])
    """单票票档id;非空"""

    event_id: str | None = Field(default=None, examples=["8273719231"])
    """场次id;注意:一票一证时必填;"""

    delivery_type: DeliveryType = Field(examples=[11])
    """取票类型;3=取票码自助换票(换纸质票),4=二维码自助换票(换纸质票),11=打纸质票;"""

    remark: str | None = Field(default=None, examples=["xxxx"])
    """订单备注"""

    collector_phone: str = Field(examples=["15812340123"])
    """取票人手机号,11位;非空"""


class GoodsDict(TypedDict):
    """A plain-dict form of :class:`Goods`; keys are the names on the wire."""

    seat_id: NotRequired[str]
    """座位id;有座自助选座下单必传"""

    price_id: str
    """单票票档id;非空"""

    event_id: NotRequired[str]
    """场次id;注意:一票一证时必填;"""

    delivery_type: DeliveryType | Literal[3, 4, 11]
    """取票类型;3=取票码自助换票(换纸质票),4=二维码自助换票(换纸质票),11=打纸质票;"""

    remark: NotRequired[str]
    """订单备注"""

    collector_phone: str
    """取票人手机号,11位;非空"""


class OrderCreateParam(RequestModel):
    """创建订单入参"""

    goods_list: list[Goods]
    """购买的商品信息(单票维度);无座或有座下单此项必填;所购买商品的所属场次取票方式、实名制限购方式必须一致(交集);"""

    external_order_no: str | None = Field(default=None, examples=["786631200921"])
    """外部order号"""

    collector_card_type: int | None = Field(default=None, examples=[1])
    """取票人证件类型;购买商品为一单一证时,必传;1=身份证"""

    collector_card_no: str | None = Field(default=None, examples=["11012281827736721"])
    """取票人证件号; 购买商品为一单一证时,必传"""

    order_receive_money_fen: int = Field(examples=[18000])
    """麦座订单应收金额;"""


class OrderCreateParamDict(TypedDict):
    """A plain-dict form of :class:`OrderCreateParam`; keys are the names on the wire."""

    goods_list: list[GoodsDict]
    """购买的商品信息(单票维度);无座或有座下单此项必填;所购买商品的所属场次取票方式、实名制限购方式必须一致(交集);"""

    external_order_no: NotRequired[str]
    """外部order号"""

    collector_card_type: NotRequired[int]
    """取票人证件类型;购买商品为一单一证时,必传;1=身份证"""

    collector_card_no: NotRequired[str]
    """取票人证件号; 购买商品为一单一证时,必传"""

    order_receive_money_fen: int
    """麦座订单应收金额;"""


class MzBOrderCreateParams(RequestModel):
    """alibaba.damai.mz.b.order.create 的业务参数"""

    param: OrderCreateParam
    """创建订单入参"""


class MzBOrderCreateResponse(ResponseModel):
    """MzBOrderCreateResponse"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_B_ORDER_CREATE = OperationInfo(
    method="alibaba.damai.mz.b.order.create",
    response_key="alibaba_damai_mz_b_order_create_response",
    idempotent=False,
)


def create(
    self: SyncAPIResource,
    *,
    param: OrderCreateParam | OrderCreateParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzBOrderCreateResponse:
    """门店创建订单API

    麦座-门店-创建订单API; 1、麦座订单成单分为两步操作(特殊票、0元票或订单应收为0除外),分别为“创建订单”、“确认订单售出”。 按顺序调用两个API即可最终完成订单成单功能。 2、调用此API成功后,订单状态为“待支付”,下一步可调用“确认订单API”完成成单。 3、备注:“确认订单API”需传支付类型id。 4、备注:特殊票下单订单应收需传0元。

    TOP method ``alibaba.damai.mz.b.order.create``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 创建订单入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_B_ORDER_CREATE,
        MzBOrderCreateParams,
        {"param": param},
        MzBOrderCreateResponse,
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
) -> MzBOrderCreateResponse:
    """门店创建订单API

    麦座-门店-创建订单API; 1、麦座订单成单分为两步操作(特殊票、0元票或订单应收为0除外),分别为“创建订单”、“确认订单售出”。 按顺序调用两个API即可最终完成订单成单功能。 2、调用此API成功后,订单状态为“待支付”,下一步可调用“确认订单API”完成成单。 3、备注:“确认订单API”需传支付类型id。 4、备注:特殊票下单订单应收需传0元。

    TOP method ``alibaba.damai.mz.b.order.create``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 创建订单入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_B_ORDER_CREATE,
        MzBOrderCreateParams,
        {"param": param},
        MzBOrderCreateResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
