"""``client.event.good.list(...)``: 场次商品列表查询

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.event.good.list``.
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
    "ChannelAuthorizeState",
    "ChildPriceVo",
    "EventGoodListParams",
    "EventGoodListResponse",
    "EventGoodsVo",
    "EventParam",
    "EventParamDict",
    "LangType",
    "PriceVo",
    "ResultData",
]


class ChannelAuthorizeState(LabeledIntEnum):
    """渠道授权状态:1=已授权,2=未授权"""

    VALUE_1 = 1
    """已授权"""
    VALUE_2 = 2
    """未授权"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "已授权", 2: "未授权"}


class LangType(LabeledIntEnum):
    """语言类型:1=中文,2=英文"""

    VALUE_1 = 1
    """中文"""
    VALUE_2 = 2
    """英文"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "中文", 2: "英文"}


class EventParam(RequestModel):
    """查询场次参数"""

    event_id: str = Field(examples=["80280111"])
    """场次ID"""

    lang_type: LangType | None = Field(default=None, examples=[1])
    """语言类型:1=中文,2=英文"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["BrZIAxcXYJ72Idfk1231+mCzqSXZLWtCni"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None, repr=False, examples=["St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+"]
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


class EventParamDict(TypedDict):
    """A plain-dict form of :class:`EventParam`; keys are the names on the wire."""

    event_id: str
    """场次ID"""

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


class EventGoodListParams(RequestModel):
    """alibaba.damai.maizuo.openapi.event.good.list 的业务参数"""

    event_param: EventParam
    """查询场次参数"""


class ChildPriceVo(ResponseModel):
    """ChildPriceVo"""

    channel_authorize_state: OpenIntEnum[ChannelAuthorizeState] | None = Field(
        default=None, examples=[1]
    )
    """渠道授权状态:1=已授权,2=未授权"""

    margin_count: int | None = Field(default=None, examples=[13231])
    """剩余库存数量"""

    sale_count: int | None = Field(default=None, examples=[2112])
    """已销售库存数量"""

    goods_count: int | None = Field(default=None, examples=[2123])
    """商品数量"""


class PriceVo(ResponseModel):
    """PriceVo"""

    child_list: list[ChildPriceVo] | None = None
    """子票档信息"""

    price: str | None = Field(default=None, examples=["18000"])
    """票档价格"""

    price_name: str | None = Field(default=None, examples=["180元"])
    """票档名称"""

    price_id: str | None = Field(default=None, examples=["3213111"])
    """票档id"""

    price_color: str | None = Field(default=None, examples=["#2112"])
    """票档颜色"""


class EventGoodsVo(ResponseModel):
    """返回数据"""

    event_id: str | None = Field(default=None, examples=["3213111"])
    """场次ID"""

    price_vo_list: list[PriceVo] | None = None
    """该场次下的票档信息,key=票档ID,value=票档信息对象"""


class ResultData(ResponseModel):
    """统一返回值对象"""

    success: bool | None = Field(default=None, examples=[False])
    """是否成功"""

    result_code: int | None = Field(default=None, examples=[10211])
    """状态码"""

    result_msg: str | None = Field(default=None, examples=["失败"])
    """提示信息"""

    event_goods_vo: EventGoodsVo | None = None
    """返回数据"""


class EventGoodListResponse(ResponseModel):
    """EventGoodListResponse"""

    result_data: ResultData | None = None
    """统一返回值对象"""

    request_id: str | None = None
    """网关分配的请求 ID"""


EVENT_GOOD_LIST = OperationInfo(
    method="alibaba.damai.maizuo.openapi.event.good.list",
    response_key="alibaba_damai_maizuo_openapi_event_good_list_response",
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
    event_param: EventParam | EventParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> EventGoodListResponse:
    """场次商品列表查询

    获取该场次下的所有商品信息,包含票档信息和座位信息 用途:有座项目选座使用

    TOP method ``alibaba.damai.maizuo.openapi.event.good.list``.

    Args:
        event_param: 查询场次参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        EVENT_GOOD_LIST,
        EventGoodListParams,
        {"event_param": event_param},
        EventGoodListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_list(
    self: AsyncAPIResource,
    *,
    event_param: EventParam | EventParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> EventGoodListResponse:
    """场次商品列表查询

    获取该场次下的所有商品信息,包含票档信息和座位信息 用途:有座项目选座使用

    TOP method ``alibaba.damai.maizuo.openapi.event.good.list``.

    Args:
        event_param: 查询场次参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        EVENT_GOOD_LIST,
        EventGoodListParams,
        {"event_param": event_param},
        EventGoodListResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
