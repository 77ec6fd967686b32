"""``client.mz.b.ptnr.order.tickets(...)``: 麦座商户订单票信息

The models and calls of the TOP method ``alibaba.damai.mz.b.ptnr.order.tickets``.
Generated from the spec; do not edit by hand.
"""

from typing import TypedDict

from pydantic import Field

from .._models import RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "Eticket",
    "MzBPtnrOrderTicketsParams",
    "MzBPtnrOrderTicketsResponse",
    "OpenTradeOrderParam",
    "OpenTradeOrderParamDict",
    "ResultData",
]


class OpenTradeOrderParam(RequestModel):
    """查询参数"""

    order_id: int = Field(examples=[10010011588])
    """正式订单ID"""


class OpenTradeOrderParamDict(TypedDict):
    """A plain-dict form of :class:`OpenTradeOrderParam`; keys are the names on the wire."""

    order_id: int
    """正式订单ID"""


class MzBPtnrOrderTicketsParams(RequestModel):
    """alibaba.damai.mz.b.ptnr.order.tickets 的业务参数"""

    param: OpenTradeOrderParam
    """查询参数"""


class Eticket(ResponseModel):
    """Eticket"""

    mz_order_id: str | None = Field(default=None, examples=["100010011588"])
    """订单ID"""

    ticket_code_no: str | None = Field(default=None, examples=["34325984"])
    """票号"""

    ticket_code_state: int | None = Field(default=None, examples=[2])
    """票状态 2=正常票 3退票作废"""

    has_seat: bool | None = Field(default=None, examples=[True])
    """是否有座;true=有座,false=无座"""

    project_id: str | None = Field(default=None, examples=["100010011588"])
    """项目ID"""

    project_name: str | None = Field(default=None, examples=["麦座演示项目"])
    """项目名称"""

    event_id: str | None = Field(default=None, examples=["100010011588"])
    """场次ID"""

    event_name: str | None = Field(default=None, examples=["蓝方VS红方"])
    """场次名称"""

    event_start_time: str | None = Field(default=None, examples=["2021-10-01 19:30:00"])
    """场次开始时间"""

    venue_name: str | None = Field(default=None, examples=["麦座场馆名称"])
    """场馆名称"""

    price_id: str | None = Field(default=None, examples=["100010011588"])
    """票价ID"""

    price_name: str | None = Field(default=None, examples=["A档"])
    """票价名称"""

    price_money_fen: int | None = Field(default=None, examples=[10000])
    """票价原始价格(单位:分)"""

    seat_id: str | None = Field(default=None, examples=["1001"])
    """座位ID"""

    floor_name: str | None = Field(default=None, examples=["一楼"])
    """楼层名称"""

    stand_name: str | None = Field(default=None, examples=["一区"])
    """区域名称"""

    row_name: str | None = Field(default=None, examples=["一排"])
    """排名称"""


class ResultData(ResponseModel):
    """订单票结果"""

    msg: str | None = Field(default=None, examples=["查询成功"])
    """描述"""

    code: str | None = Field(default=None, examples=["200"])
    """结果码"""

    data: list[Eticket] | None = None
    """查询结果"""


class MzBPtnrOrderTicketsResponse(ResponseModel):
    """MzBPtnrOrderTicketsResponse"""

    result: ResultData | None = None
    """订单票结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_B_PTNR_ORDER_TICKETS = OperationInfo(
    method="alibaba.damai.mz.b.ptnr.order.tickets",
    response_key="alibaba_damai_mz_b_ptnr_order_tickets_response",
    idempotent=False,
)


def tickets(
    self: SyncAPIResource,
    *,
    param: OpenTradeOrderParam | OpenTradeOrderParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzBPtnrOrderTicketsResponse:
    """麦座商户订单票信息

    TOP method ``alibaba.damai.mz.b.ptnr.order.tickets``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 查询参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_B_PTNR_ORDER_TICKETS,
        MzBPtnrOrderTicketsParams,
        {"param": param},
        MzBPtnrOrderTicketsResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_tickets(
    self: AsyncAPIResource,
    *,
    param: OpenTradeOrderParam | OpenTradeOrderParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzBPtnrOrderTicketsResponse:
    """麦座商户订单票信息

    TOP method ``alibaba.damai.mz.b.ptnr.order.tickets``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        param: 查询参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_B_PTNR_ORDER_TICKETS,
        MzBPtnrOrderTicketsParams,
        {"param": param},
        MzBPtnrOrderTicketsResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
