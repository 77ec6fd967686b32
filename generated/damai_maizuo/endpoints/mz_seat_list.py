"""``client.mz.seat.list(...)``: 选座项目-座位列表API

The models and calls of the TOP method ``alibaba.damai.mz.seat.list``.
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
    "MzSeatListParams",
    "MzSeatListResponse",
    "ResultData",
    "SeatInfoVO",
    "SeatState",
    "SeatVO",
]


class SeatState(LabeledIntEnum):
    """座位状态;1=可售,2=不可售"""

    VALUE_1 = 1
    """可售"""
    VALUE_2 = 2
    """不可售"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "可售", 2: "不可售"}


class MzSeatListParams(RequestModel):
    """alibaba.damai.mz.seat.list 的业务参数"""

    event_id: str = Field(examples=["1380002011588"])
    """麦座场次id"""

    stand_id: str | None = Field(default=None, examples=["6672720012"])
    """看台id;场次关联场馆为大场馆时必选,大场馆必须通过(场次+看台)获取座位商品列表"""


class SeatVO(ResponseModel):
    """SeatVO"""

    seat_id: str | None = Field(default=None, examples=["121418831233"])
    """座位id"""

    price_id: str | None = Field(default=None, examples=["3288377313"])
    """单票票档id"""

    seat_group_id: str | None = Field(default=None, examples=["1298381993"])
    """固定座位组合id;例如 1排1座与1排2座 为一个固定座位组合;同一座位组合中的座位必须同时购买"""

    package_price_id: str | None = Field(default=None, examples=["9387461233"])
    """套票票档id;套票时必传"""

    floor_name: str | None = Field(default=None, examples=["一楼"])
    """楼层名称,例:1/一楼"""

    row_name: str | None = Field(default=None, examples=["1排"])
    """排名称,例:1排"""

    seat_name: str | None = Field(default=None, examples=["2号"])
    """座位号名称,例:2号"""

    x: str | None = Field(default=None, examples=["726.938"])
    """横坐标-x,相对于场馆底图左上角的坐标"""

    y: str | None = Field(default=None, examples=["364.233"])
    """纵坐标-y,相对于场馆底图左上角的坐标"""

    seat_state: OpenIntEnum[SeatState] | None = Field(default=None, examples=[1])
    """座位状态;1=可售,2=不可售"""

    stand_name: str | None = Field(default=None, examples=["1区"])
    """看台名称,例:1区"""

    stand_id: str | None = Field(default=None, examples=["40782"])
    """看台id"""


class SeatInfoVO(ResponseModel):
    """座位信息"""

    seat_list: list[SeatVO] | None = None
    """座位列表"""


class ResultData(ResponseModel):
    """api返回结果"""

    msg: str | None = Field(default=None, examples=["成功"])
    """提示"""

    code: str | None = Field(default=None, examples=["200"])
    """状态码"""

    data: SeatInfoVO | None = None
    """座位信息"""


class MzSeatListResponse(ResponseModel):
    """MzSeatListResponse"""

    result: ResultData | None = None
    """api返回结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_SEAT_LIST = OperationInfo(
    method="alibaba.damai.mz.seat.list",
    response_key="alibaba_damai_mz_seat_list_response",
    idempotent=True,
)


def list(
    self: SyncAPIResource,
    *,
    event_id: str,
    stand_id: str | None = None,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzSeatListResponse:
    """选座项目-座位列表API

    麦座票务系统-自建电商网站-选座项目-座位列表API; 1、项目为选座项目时,根据场次id(场次所属场馆信息为非大场馆时)或(场次id+看台id )(场次所属场馆信息为大场馆时)获取该场次下座位列表; 2、可根据场馆svg底图及座位数据实现选座功能。

    TOP method ``alibaba.damai.mz.seat.list``.

    Args:
        event_id: 麦座场次id
        stand_id: 看台id;场次关联场馆为大场馆时必选,大场馆必须通过(场次+看台)获取座位商品列表 (optional)

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_SEAT_LIST,
        MzSeatListParams,
        {"event_id": event_id, "stand_id": stand_id},
        MzSeatListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_list(
    self: AsyncAPIResource,
    *,
    event_id: str,
    stand_id: str | None = None,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzSeatListResponse:
    """选座项目-座位列表API

    麦座票务系统-自建电商网站-选座项目-座位列表API; 1、项目为选座项目时,根据场次id(场次所属场馆信息为非大场馆时)或(场次id+看台id )(场次所属场馆信息为大场馆时)获取该场次下座位列表; 2、可根据场馆svg底图及座位数据实现选座功能。

    TOP method ``alibaba.damai.mz.seat.list``.

    Args:
        event_id: 麦座场次id
        stand_id: 看台id;场次关联场馆为大场馆时必选,大场馆必须通过(场次+看台)获取座位商品列表 (optional)

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_SEAT_LIST,
        MzSeatListParams,
        {"event_id": event_id, "stand_id": stand_id},
        MzSeatListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
