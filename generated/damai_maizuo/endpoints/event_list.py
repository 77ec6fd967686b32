"""``client.event.list(...)``: 场次列表API

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.event.list``.
Generated from the spec; do not edit by hand.
"""

from collections.abc import Mapping
from typing import ClassVar, Literal, NotRequired, TypedDict

from pydantic import Field

from .._models import LabeledIntEnum, OpenIntEnum, RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import BusinessResultInfo, OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "EventListParams",
    "EventListResponse",
    "EventSaleState",
    "EventVo",
    "LangType",
    "ProjectParam",
    "ProjectParamDict",
    "ResultData",
]


class EventSaleState(LabeledIntEnum):
    """场次销售状态:1=待销售;2=销售中;3=销售结束"""

    VALUE_1 = 1
    """待销售"""
    VALUE_2 = 2
    """销售中"""
    VALUE_3 = 3
    """销售结束"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "待销售", 2: "销售中", 3: "销售结束"}


class LangType(LabeledIntEnum):
    """语言类型:1=中文,2=英文"""

    VALUE_1 = 1
    """中文"""
    VALUE_2 = 2
    """英文"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "中文", 2: "英文"}


class ProjectParam(RequestModel):
    """查询项目参数"""

    project_id: str = Field(examples=["31211123111"])
    """项目ID"""

    lang_type: LangType | None = Field(default=None, examples=[1])
    """语言类型:1=中文,2=英文"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["wBrZIAxcXYJ72Idfk1231+mCzqSX"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["Fbq3A9UJj/8SWB5xLq54Tn623qFzG+2u39r5x"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None, repr=False, examples=["St5dnxCv1KtwpNaDzuE459yus3m6F7F"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """

    __client_params__: ClassVar[Mapping[str, bool]] = {
        "tenant_token": True,
        "ptnr_token": True,
        "channel_token": True,
    }


class ProjectParamDict(TypedDict):
    """A plain-dict form of :class:`ProjectParam`; keys are the names on the wire."""

    project_id: str
    """项目ID"""

    lang_type: NotRequired[LangType | Literal[1, 2]]
    """语言类型:1=中文,2=英文"""

    tenant_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    ptnr_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    channel_token: NotRequired[str]
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(channel_token=...)`` or ``DAMAI_MAIZUO_CHANNEL_TOKEN``.
    """


class EventListParams(RequestModel):
    """alibaba.damai.maizuo.openapi.event.list 的业务参数"""

    project_param: ProjectParam
    """查询项目参数"""


class EventVo(ResponseModel):
    """EventVo"""

    event_id: str | None = Field(default=None, examples=["3123131"])
    """场次ID"""

    event_name: str | None = Field(default=None, examples=["2019-10-31 星期四 20:00"])
    """场次名称"""

    project_id: str | None = Field(default=None, examples=["413211241"])
    """项目ID"""

    project_name: str | None = Field(
        default=None, examples=["【北京站】开心麻花经典爆笑舞台剧《乌龙山伯爵》"]
    )
    """项目名称"""

    event_show_start_time: str | None = Field(default=None, examples=["2020-12-09 18:30"])
    """场次演出开始时间,精确到分,格式:yyyy-MM-dd HH:mm"""

    event_show_end_time: str | None = Field(default=None, examples=["2020-12-09 20:30"])
    """场次演出结束时间,精确到分,格式:yyyy-MM-dd HH:mm"""

    event_sale_state: OpenIntEnum[EventSaleState] | None = Field(default=None, examples=[1])
    """场次销售状态:1=待销售;2=销售中;3=销售结束"""

    site_id: str | None = Field(default=None, examples=["31121"])
    """场馆ID"""

    site_name: str | None = Field(default=None, examples=["北京体育馆"])
    """场馆名称"""


class ResultData(ResponseModel):
    """统一返回值对象"""

    success: bool | None = Field(default=None, examples=[False])
    """是否成功"""

    result_code: int | None = Field(default=None, examples=[10])
    """状态码"""

    result_msg: str | None = Field(default=None, examples=["xxxxx"])
    """提示信息"""

    event_vo_list: list[EventVo] | None = None
    """返回数据"""


class EventListResponse(ResponseModel):
    """EventListResponse"""

    result_data: ResultData | None = None
    """统一返回值对象"""

    request_id: str | None = None
    """网关分配的请求 ID"""


EVENT_LIST = OperationInfo(
    method="alibaba.damai.maizuo.openapi.event.list",
    response_key="alibaba_damai_maizuo_openapi_event_list_response",
    idempotent=True,
    business_result=BusinessResultInfo(
        path=("result_data",),
        success="success",
        code="result_code",
        message="result_msg",
    ),
)


def list(
    self: SyncAPIResource,
    *,
    project_param: ProjectParam | ProjectParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> EventListResponse:
    """场次列表API

    获取单个项目下的场次列表;

    TOP method ``alibaba.damai.maizuo.openapi.event.list``.

    Args:
        project_param: 查询项目参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        EVENT_LIST,
        EventListParams,
        {"project_param": project_param},
        EventListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_list(
    self: AsyncAPIResource,
    *,
    project_param: ProjectParam | ProjectParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> EventListResponse:
    """场次列表API

    获取单个项目下的场次列表;

    TOP method ``alibaba.damai.maizuo.openapi.event.list``.

    Args:
        project_param: 查询项目参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        EVENT_LIST,
        EventListParams,
        {"project_param": project_param},
        EventListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
