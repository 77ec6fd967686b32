"""``client.mz.event.list(...)``: 场次列表API

The models and calls of the TOP method ``alibaba.damai.mz.event.list``.
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
    "EventListParam",
    "EventListParamDict",
    "EventVO",
    "ExchangePlace",
    "MzEventListParams",
    "MzEventListResponse",
    "PlaceTypeList",
    "RealNameBuyLimitType",
    "ResultData",
    "WorkTime",
]


class PlaceTypeList(LabeledIntEnum):
    """PlaceTypeList"""

    VALUE_1 = 1
    """人工服务"""
    VALUE_2 = 2
    """自助取票机"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "人工服务", 2: "自助取票机"}


class RealNameBuyLimitType(LabeledIntEnum):
    """实名制购买类型;1=一单一证,2=一票一证"""

    VALUE_1 = 1
    """一单一证"""
    VALUE_2 = 2
    """一票一证"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "一单一证", 2: "一票一证"}


class EventListParam(RequestModel):
    """场次列表入参"""

    project_id: str = Field(examples=["6134001011588"])
    """麦座项目id"""

    event_id_list: list[str] | None = Field(
        default=None, examples=[["717691815230", "2836818415130"]]
    )
    """麦座场次ids;可查询一个项目下单个或几个场次的数据;限制<=20个"""


class EventListParamDict(TypedDict):
    """A plain-dict form of :class:`EventListParam`; keys are the names on the wire."""

    project_id: str
    """麦座项目id"""

    event_id_list: NotRequired[list[str]]
    """麦座场次ids;可查询一个项目下单个或几个场次的数据;限制<=20个"""


class MzEventListParams(RequestModel):
    """alibaba.damai.mz.event.list 的业务参数"""

    param: EventListParam
    """场次列表入参"""


class WorkTime(ResponseModel):
    """WorkTime"""

    work_end_time: str | None = Field(default=None, examples=["18:00"])
    """工作时间,结束时间 格式:HH:mm;当work_date_type=1时非"""


class ExchangePlace(ResponseModel):
    """ExchangePlace"""

    address: str | None = Field(default=None, examples=["北京市朝阳区xxx大街xx号北京世纪剧院"])
    """取票点详细地址"""

    longitude: str | None = Field(default=None, examples=["116.413384"])
    """经度,高德地图坐标"""

    latitude: str | None = Field(default=None, examples=["39.910925"])
    """纬度,高德地图坐标"""

    place_type_list: list[OpenIntEnum[PlaceTypeList]] | None = Field(
        default=None, examples=[[1, 2]]
    )
    """取票点类型list,1=人工服务,2=自助取票机;可既是1又是2"""

    work_time_list: list[WorkTime] | None = None
    """工作时间list;例:周一到周五 早上10点到晚上21点;周六周日 早上8点到晚上22点"""


class EventVO(ResponseModel):
    """EventVO"""

    real_name_buy_limit_type: OpenIntEnum[RealNameBuyLimitType] | None = Field(
        default=None, examples=[1]
    )
    """实名制购买类型;1=一单一证,2=一票一证"""

    real_name_buy_limit_boolean: bool | None = Field(default=None, examples=[True])
    """是否需要实名制购买;true=是,false=否"""

    exchange_place_list: list[ExchangePlace] | None = None
    """当前场次取票点信息"""


class ResultData(ResponseModel):
    """返回结果"""

    msg: str | None = Field(default=None, examples=["查询成功"])
    """提示信息"""

    data_list: list[EventVO] | None = None
    """返回列表数据"""


class MzEventListResponse(ResponseModel):
    """MzEventListResponse"""

    result: ResultData | None = None
    """返回结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_EVENT_LIST = OperationInfo(
    method="alibaba.damai.mz.event.list",
    response_key="alibaba_damai_mz_event_list_response",
    idempotent=True,
)


def list(
    self: SyncAPIResource,
    *,
    param: EventListParam | EventListParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzEventListResponse:
    """场次列表API

    麦座票务平台-自建电商网站-场次列表API; 1、可按项目查询,或按项目及场次ids查询几个或单个场次的信息。 2、场次信息包含场次详情、票档信息、取票点、取票方式等信息。 3、只返回可售的场次; 4、有座项目,不同项目不同场次可能共用一个座位底图,可通venueBasemapVersionId判断;

    TOP method ``alibaba.damai.mz.event.list``.

    Args:
        param: 场次列表入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_EVENT_LIST,
        MzEventListParams,
        {"param": param},
        MzEventListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_list(
    self: AsyncAPIResource,
    *,
    param: EventListParam | EventListParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzEventListResponse:
    """场次列表API

    麦座票务平台-自建电商网站-场次列表API; 1、可按项目查询,或按项目及场次ids查询几个或单个场次的信息。 2、场次信息包含场次详情、票档信息、取票点、取票方式等信息。 3、只返回可售的场次; 4、有座项目,不同项目不同场次可能共用一个座位底图,可通venueBasemapVersionId判断;

    TOP method ``alibaba.damai.mz.event.list``.

    Args:
        param: 场次列表入参

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_EVENT_LIST,
        MzEventListParams,
        {"param": param},
        MzEventListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
