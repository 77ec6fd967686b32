"""``client.mz.order.create(...)``: 创建订单API

The models and calls of the TOP method ``alibaba.damai.mz.order.create``.
Generated from the spec; do not edit by hand.
"""

from typing import NotRequired, TypedDict

from pydantic import Field

from .._models import RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "GoodIdentity4c",
    "GoodIdentity4cDict",
    "Goods",
    "GoodsDict",
    "MzOrderCreateParams",
    "MzOrderCreateResponse",
    "OrderCreateParam",
    "OrderCreateParamDict",
]


class GoodIdentity4c(RequestModel):
    """GoodIdentity4c"""


class GoodIdentity4cDict(TypedDict):
    """A plain-dict form of :class:`GoodIdentity4c`; keys are the names on the wire."""


class Goods(RequestModel):
    """Goods"""

    card_no: str | None = Field(default=None, examples=["1107618827341283"])
    """一票一证 证件号;所购买商品 实名制类型为一票一证限制时,必传"""

    seat_id: str | None = Field(default=None, examples=["91273971413"])
    """座位id;有座自助选座下单必传"""

    price_id: str = Field(examples=["44281279312"])
    """单票票档id;非空"""

    event_id: str | None = Field(default=None, examples=["8273719231"])
    """场次id;注意:一票一证时必填;"""

    real_name: str | None = Field(default=None, examples=["李清雪"])
    """一票一证 真实姓名;所购买商品 实名制类型为一票一证限制时,必传"""

    card_type: int | None = Field(default=None, examples=[1])
    """一票一证 证件类型;1=身份证;"""

    lock_id: str | None = Field(default=None, examples=["82877218910013"])
    """麦座座位锁id;可空;用于先锁座位再下单"""

    good_identity_list: list[GoodIdentity4c] | None = None
    """当票档是无座自由组合套票且场次一票一证时,此参数必传。票档下的证件信息 1个套票下"""


class GoodsDict(TypedDict):
    """A plain-dict form of :class:`Goods`; keys are the names on the wire."""

    card_no: NotRequired[str]
    """一票一证 证件号;所购买商品 实名制类型为一票一证限制时,必传"""

    seat_id: NotRequired[str]
    """座位id;有座自助选座下单必传"""

    price_id: str
    """单票票档id;非空"""

    event_id: NotRequired[str]
    """场次id;注意:一票一证时必填;"""

    real_name: NotRequired[str]
    """一票一证 真实姓名;所购买商品 实名制类型为一票一证限制时,必传"""

    card_type: NotRequired[int]
    """一票一证 证件类型;1=身份证;"""

    lock_id: NotRequired[str]
    """麦座座位锁id;可空;用于先锁座位再下单"""

    good_identity_list: NotRequired[list[GoodIdentity4cDict]]
    """当票档是无座自由组合套票且场次一票一证时,此参数必传。票档下的证件信息 1个套票下"""


class OrderCreateParam(RequestModel):
    """创建订单入参"""

    order_payment_money_fen: int | None = Field(default=None, examples=[16000])
    """消费者实付金额 单位:分"""

    goods_list: list[Goods]
    """购买的商品信息(单票维度);无座或有座下单此项必填;所购买商品的所属场次取票方式、实名制限购方式必须一致(交集);"""


class OrderCreateParamDict(TypedDict):
    """A plain-dict form of :class:`OrderCreateParam`; keys are the names on the wire."""

    order_payment_money_fen: NotRequired[int]
    """消费者实付金额 单位:分"""

    goods_list: list[GoodsDict]
    """购买的商品信息(单票维度);无座或有座下单此项必填;所购买商品的所属场次取票方式、实名制限购方式必须一致(交集);"""


class MzOrderCreateParams(RequestModel):
    """alibaba.damai.mz.order.create 的业务参数"""

    param: OrderCreateParam
    """创建订单入参"""


class MzOrderCreateResponse(ResponseModel):
    """MzOrderCreateResponse"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_ORDER_CREATE = OperationInfo(
    method="alibaba.damai.mz.order.create",
    response_key="alibaba_damai_mz_order_create_response",
    idempotent=False,
)


def create(
    self: SyncAPIResource,
    *,
    param: OrderCreateParam | OrderCreateParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzOrderCreateResponse:
    """创建订单API

    麦座-自建电商网站-创建订单API; 1、麦座订单成单分为两步操作,分别为“创建订单”、“确认订单售出”。 按顺序调用两个API即可最终完成订单成单功能。 2、调用此API成功后,订单状态为“待支付”,下一步可调用“确认订单API”完成成单。 3、备注:“确认订单API”需传支付类型id。 4、注意:礼品卡只允许全额抵扣;不能只使用单张礼品卡的一部分余额;

    TOP method ``alibaba.damai.mz.order.create``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 创建订单入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_ORDER_CREATE,
        MzOrderCreateParams,
        {"param": param},
        MzOrderCreateResponse,
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
) -> MzOrderCreateResponse:
    """创建订单API

    麦座-自建电商网站-创建订单API; 1、麦座订单成单分为两步操作,分别为“创建订单”、“确认订单售出”。 按顺序调用两个API即可最终完成订单成单功能。 2、调用此API成功后,订单状态为“待支付”,下一步可调用“确认订单API”完成成单。 3、备注:“确认订单API”需传支付类型id。 4、注意:礼品卡只允许全额抵扣;不能只使用单张礼品卡的一部分余额;

    TOP method ``alibaba.damai.mz.order.create``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 创建订单入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_ORDER_CREATE,
        MzOrderCreateParams,
        {"param": param},
        MzOrderCreateResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
