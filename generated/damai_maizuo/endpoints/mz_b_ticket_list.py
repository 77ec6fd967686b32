"""``client.mz.b.ticket.list(...)``: 门店票凭证列表API

The models and calls of the TOP method ``alibaba.damai.mz.b.ticket.list``.
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
    "DeliveryType",
    "EticketVO",
    "MzBTicketListParams",
    "MzBTicketListResponse",
    "ResultData",
]


class DeliveryType(LabeledIntEnum):
    """取票类型;2=身份证自助换票(换纸质票),3=取票码自助换票(换纸质票),4=二维码自助换票(换纸质票),6=二维码电子票(无纸质票)"""

    VALUE_2 = 2
    """身份证自助换票(换纸质票)"""
    VALUE_3 = 3
    """取票码自助换票(换纸质票)"""
    VALUE_4 = 4
    """二维码自助换票(换纸质票)"""
    VALUE_6 = 6
    """二维码电子票(无纸质票)"""

    __labels__: ClassVar[Mapping[int, str]] = {
        2: "身份证自助换票(换纸质票)",
        3: "取票码自助换票(换纸质票)",
        4: "二维码自助换票(换纸质票)",
        6: "二维码电子票(无纸质票)",
    }


class MzBTicketListParams(RequestModel):
    """alibaba.damai.mz.b.ticket.list 的业务参数"""

    mz_order_id: str = Field(examples=["77490100015203"])
    """麦座订单id;非空"""


class EticketVO(ResponseModel):
    """EticketVO"""

    qr_original_code: str | None = Field(default=None, examples=["126adbsafhafb1414ndh"])
    """二维码原始值;可根据此值生成静态二维码;deliveryType=4或6时非空"""

    exchange_code: str | None = Field(default=None, examples=["32575741"])
    """取票码;数字串或数字+字母组合串;一个订单只有一个取票码;deliveryType=3时非空"""

    delivery_type: OpenIntEnum[DeliveryType] | None = Field(default=None, examples=[3])
    """取票类型;2=身份证自助换票(换纸质票),3=取票码自助换票(换纸质票),4=二维码自助换票(换纸质票),6=二维码电子票(无纸质票)"""

    seat_name: str | None = Field(default=None, examples=["1号"])
    """座位号名称;有座时非空,无座时为空"""

    row_name: str | None = Field(default=None, examples=["1排"])
    """排名称;有座时非空,无座时为空"""

    stand_name: str | None = Field(default=None, examples=["1层"])
    """看台名称;有座时非空,无座时为空"""

    floor_name: str | None = Field(default=None, examples=["1楼"])
    """楼层名称;有座时非空,无座时为空"""

    seat_id: str | None = Field(default=None, examples=["1234"])
    """麦座座位id;有座时非空"""

    price_money_fen: int | None = Field(default=None, examples=[100])
    """单票票档原价;单位:分"""

    price_name: str | None = Field(default=None, examples=["普通票"])
    """票档名称"""

    price_id: str | None = Field(default=None, examples=["898001015203"])
    """麦座单票票档id"""

    venue_name: str | None = Field(default=None, examples=["测试场馆"])
    """场馆名称"""

    event_start_time: str | None = Field(default=None, examples=["2022-08-01 01:00"])
    """场次演出开始时间;精确到分,格式"""


class ResultData(ResponseModel):
    """api返回结果"""

    msg: str | None = Field(default=None, examples=["成功"])
    """提示"""

    code: str | None = Field(default=None, examples=["200"])
    """状态码"""

    data_list: list[EticketVO] | None = None
    """票凭证(电子票)列表出参"""


class MzBTicketListResponse(ResponseModel):
    """MzBTicketListResponse"""

    result: ResultData | None = None
    """api返回结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_B_TICKET_LIST = OperationInfo(
    method="alibaba.damai.mz.b.ticket.list",
    response_key="alibaba_damai_mz_b_ticket_list_response",
    idempotent=True,
)


def list(
    self: SyncAPIResource,
    *,
    mz_order_id: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzBTicketListResponse:
    """门店票凭证列表API

    麦座-自建电商网站-票凭证列表API; 1、调用“确认订单API” 成功后,可调用此接口获取票凭证;

    TOP method ``alibaba.damai.mz.b.ticket.list``.

    Args:
        mz_order_id: 麦座订单id;非空

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_B_TICKET_LIST,
        MzBTicketListParams,
        {"mz_order_id": mz_order_id},
        MzBTicketListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_list(
    self: AsyncAPIResource,
    *,
    mz_order_id: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzBTicketListResponse:
    """门店票凭证列表API

    麦座-自建电商网站-票凭证列表API; 1、调用“确认订单API” 成功后,可调用此接口获取票凭证;

    TOP method ``alibaba.damai.mz.b.ticket.list``.

    Args:
        mz_order_id: 麦座订单id;非空

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_B_TICKET_LIST,
        MzBTicketListParams,
        {"mz_order_id": mz_order_id},
        MzBTicketListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
