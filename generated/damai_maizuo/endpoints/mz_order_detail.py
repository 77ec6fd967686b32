"""``client.mz.order.detail(...)``: 订单详情API

The models and calls of the TOP method ``alibaba.damai.mz.order.detail``.
Generated from the spec; do not edit by hand.
"""

from collections.abc import Mapping
from typing import ClassVar

from pydantic import Field

from .._models import LabeledIntEnum, OpenIntEnum, RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "MzOrderDetailParams",
    "MzOrderDetailResponse",
    "OrderDetailVO",
    "OrderPayState",
    "OrderState",
    "RefundOrderState",
    "ResultData",
]


class OrderPayState(LabeledIntEnum):
    """订单支付状态;1=已支付,2=待支付"""

    VALUE_1 = 1
    """已支付"""
    VALUE_2 = 2
    """待支付"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "已支付", 2: "待支付"}


class OrderState(LabeledIntEnum):
    """订单状态;1=订单未完成,2=订单已完成,3=订单已关闭"""

    VALUE_1 = 1
    """订单未完成"""
    VALUE_2 = 2
    """订单已完成"""
    VALUE_3 = 3
    """订单已关闭"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "订单未完成", 2: "订单已完成", 3: "订单已关闭"}


class RefundOrderState(LabeledIntEnum):
    """订单退单状态;退单状态:1=未退单,2=部分退单,3=已退单,4=退单申请中"""

    VALUE_1 = 1
    """未退单"""
    VALUE_2 = 2
    """部分退单"""
    VALUE_3 = 3
    """已退单"""
    VALUE_4 = 4
    """退单申请中"""

    __labels__: ClassVar[Mapping[int, str]] = {
        1: "未退单",
        2: "部分退单",
        3: "已退单",
        4: "退单申请中",
    }


class MzOrderDetailParams(RequestModel):
    """alibaba.damai.mz.order.detail 的业务参数"""

    mz_order_id: str = Field(max_length=32, examples=["412963624031"])
    """麦座订单id;非空"""

    mz_user_id: str = Field(max_length=32, examples=["7383771901"])
    """麦座用户id;非空"""


class OrderDetailVO(ResponseModel):
    """订单出参"""

    mz_order_id: str | None = Field(default=None, examples=["412963624031"])
    """麦座订单id"""

    mz_user_id: str | None = Field(default=None, examples=["7383771901"])
    """麦座用户id"""

    order_state: OpenIntEnum[OrderState] | None = Field(default=None, examples=[1])
    """订单状态;1=订单未完成,2=订单已完成,3=订单已关闭"""

    order_pay_state: OpenIntEnum[OrderPayState] | None = Field(default=None, examples=[2])
    """订单支付状态;1=已支付,2=待支付"""

    refund_order_state: OpenIntEnum[RefundOrderState] | None = Field(default=None, examples=[1])
    """订单退单状态;退单状态:1=未退单,2=部分退单,3=已退单,4=退单申请中"""

    create_order_time: str | None = Field(default=None, examples=["2019-12-31 11:30:23"])
    """下单时间;精确到秒,格式:yyyy-MM-dd HH:mm:ss"""

    auto_cancel_order_time: str | None = Field(default=None, examples=["2019-12-31 12:01:23"])
    """订单失效时间;麦座超时未支付系统取消订单时间点,精确到秒,格式:yyyy-MM-dd HH:mm:ss"""

    order_receive_money_fen: int | None = Field(default=None, examples=[38000])
    """麦座订单应收金额;商品应收金额+订单运费金额-优惠金额;单位:分;"""

    price_promotion_money_fen: int | None = Field(default=None, examples=[4000])
    """票品优惠金额(套票+票品优惠);单位:分;"""

    order_promotion_money_fen: int | None = Field(default=None, examples=[4000])
    """订单优惠金额;单位:分;"""


class ResultData(ResponseModel):
    """api返回结果"""

    msg: str | None = Field(default=None, examples=["成功"])
    """提示"""

    code: str | None = Field(default=None, examples=["200"])
    """状态码"""

    data: OrderDetailVO | None = None
    """订单出参"""


class MzOrderDetailResponse(ResponseModel):
    """MzOrderDetailResponse"""

    result: ResultData | None = None
    """api返回结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_ORDER_DETAIL = OperationInfo(
    method="alibaba.damai.mz.order.detail",
    response_key="alibaba_damai_mz_order_detail_response",
    idempotent=True,
)


def detail(
    self: SyncAPIResource,
    *,
    mz_order_id: str,
    mz_user_id: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzOrderDetailResponse:
    """订单详情API

    麦座票务平台-自建电商网站-订单详情API; 1、包含具体的票信息,取票人信息、优惠使用信息等。

    TOP method ``alibaba.damai.mz.order.detail``.

    Args:
        mz_order_id: 麦座订单id;非空
        mz_user_id: 麦座用户id;非空

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_ORDER_DETAIL,
        MzOrderDetailParams,
        {"mz_order_id": mz_order_id, "mz_user_id": mz_user_id},
        MzOrderDetailResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_detail(
    self: AsyncAPIResource,
    *,
    mz_order_id: str,
    mz_user_id: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzOrderDetailResponse:
    """订单详情API

    麦座票务平台-自建电商网站-订单详情API; 1、包含具体的票信息,取票人信息、优惠使用信息等。

    TOP method ``alibaba.damai.mz.order.detail``.

    Args:
        mz_order_id: 麦座订单id;非空
        mz_user_id: 麦座用户id;非空

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_ORDER_DETAIL,
        MzOrderDetailParams,
        {"mz_order_id": mz_order_id, "mz_user_id": mz_user_id},
        MzOrderDetailResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
