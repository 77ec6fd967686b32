"""``client.mz.seat.state.list(...)``: 选座项目-座位状态API

The models and calls of the TOP method ``alibaba.damai.mz.seat.state.list``.
Generated from the spec; do not edit by hand.
"""

from collections.abc import Mapping
from typing import ClassVar, NotRequired, TypedDict

from pydantic import Field

from .._models import LabeledIntEnum, OpenIntEnum, RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "MzSeatStateListParams",
    "MzSeatStateListResponse",
    "ResultData",
    "SeatLockInfo",
    "SeatLockState",
    "SeatState",
    "SeatStateInfoVO",
    "SeatStateListParam",
    "SeatStateListParamDict",
    "SeatStateVO",
]


class SeatLockState(LabeledIntEnum):
    """座位锁票状态;1=已锁票,2=未锁票;"""

    VALUE_1 = 1
    """已锁票"""
    VALUE_2 = 2
    """未锁票"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "已锁票", 2: "未锁票"}


class SeatState(LabeledIntEnum):
    """座位状态;1=可售,2=不可售"""

    VALUE_1 = 1
    """可售"""
    VALUE_2 = 2
    """不可售"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "可售", 2: "不可售"}


class SeatStateListParam(RequestModel):
    """座位状态列表入参"""

    event_id: str = Field(examples=["1380002011588"])
    """麦座场次id;不能只传场次id获取座位状态列表"""

    stand_id: str | None = Field(default=None, examples=["344912340023"])
    """看台id;可通过(场次id+看台id)获取座位状态列表"""

    seat_id_list: list[str] | None = Field(default=None, examples=[["7937126381", "68312356632"]])
    """座位ids;传座位ids时可不传standId,一般获取少量座位状态时使用;数量<=20"""


class SeatStateListParamDict(TypedDict):
    """A plain-dict form of :class:`SeatStateListParam`; keys are the names on the wire."""

    event_id: str
    """麦座场次id;不能只传场次id获取座位状态列表"""

    stand_id: NotRequired[str]
    """看台id;可通过(场次id+看台id)获取座位状态列表"""

    seat_id_list: NotRequired[list[str]]
    """座位ids;传座位ids时可不传standId,一般获取少量座位状态时使用;数量<=20"""


class MzSeatStateListParams(RequestModel):
    """alibaba.damai.mz.seat.state.list 的业务参数"""

    param: SeatStateListParam
    """座位状态列表入参"""


class SeatLockInfo(ResponseModel):
    """座位锁座信息;座位锁票状态=1=已锁票 时此对象不为空;"""

    operator_name: str | None = Field(default=None, examples=["xiaoli"])
    """操作员名称"""

    lock_end_time: str | None = Field(default=None, examples=["yyyy-MM-dd HH:mm"])
    """锁票截止时间;格式:yyyy-MM-dd HH:mm;可空,为null或空时说明锁票长期有效;"""

    lock_start_time: str | None = Field(default=None, examples=["yyyy-MM-dd HH:mm"])
    """锁票开始时"""


class SeatStateVO(ResponseModel):
    """SeatStateVO"""

    seat_state: OpenIntEnum[SeatState] | None = Field(default=None, examples=[1])
    """座位状态;1=可售,2=不可售"""

    seat_id: str | None = Field(default=None, examples=["2983199231"])
    """座位id"""

    seat_lock_state: OpenIntEnum[SeatLockState] | None = Field(default=None, examples=[1])
    """座位锁票状态;1=已锁票,2=未锁票;"""

    seat_lock_info: SeatLockInfo | None = None
    """座位锁座信息;座位锁票状态=1=已锁票 时此对象不为空;"""


class SeatStateInfoVO(ResponseModel):
    """座位状态信息"""

    event_id: str | None = Field(default=None, examples=["1380002011588"])
    """场次id"""

    seat_state_list: list[SeatStateVO] | None = None
    """座位状态信息列表"""


class ResultData(ResponseModel):
    """api返回结果"""

    msg: str | None = Field(default=None, examples=["成功"])
    """提示"""

    code: str | None = Field(default=None, examples=["200"])
    """状态码"""

    data: SeatStateInfoVO | None = None
    """座位状态信息"""


class MzSeatStateListResponse(ResponseModel):
    """MzSeatStateListResponse"""

    result: ResultData | None = None
    """api返回结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_SEAT_STATE_LIST = OperationInfo(
    method="alibaba.damai.mz.seat.state.list",
    response_key="alibaba_damai_mz_seat_state_list_response",
    idempotent=True,
)


def list(
    self: SyncAPIResource,
    *,
    param: SeatStateListParam | SeatStateListParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzSeatStateListResponse:
    """选座项目-座位状态API

    选座项目-座位状态API; 1、项目为选座项目时,根据(场次id+看台id)或(场次id+座位ids)获取 座位状态列表; 2、此为高性能API,用户下单或点选某个座位时,可以根据(场次id+座位ids)调用此API获取实时座位状态,提高下单成功率。

    TOP method ``alibaba.damai.mz.seat.state.list``.

    Args:
        param: 座位状态列表入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_SEAT_STATE_LIST,
        MzSeatStateListParams,
        {"param": param},
        MzSeatStateListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_list(
    self: AsyncAPIResource,
    *,
    param: SeatStateListParam | SeatStateListParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzSeatStateListResponse:
    """选座项目-座位状态API

    选座项目-座位状态API; 1、项目为选座项目时,根据(场次id+看台id)或(场次id+座位ids)获取 座位状态列表; 2、此为高性能API,用户下单或点选某个座位时,可以根据(场次id+座位ids)调用此API获取实时座位状态,提高下单成功率。

    TOP method ``alibaba.damai.mz.seat.state.list``.

    Args:
        param: 座位状态列表入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_SEAT_STATE_LIST,
        MzSeatStateListParams,
        {"param": param},
        MzSeatStateListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
