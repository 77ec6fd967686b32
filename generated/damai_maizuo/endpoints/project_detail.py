"""``client.project.detail(...)``: 项目信息查询

The models and calls of the TOP method ``alibaba.damai.maizuo.openapi.project.detail``.
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
    "LangType",
    "ProjectDetailParams",
    "ProjectDetailResponse",
    "ProjectParam",
    "ProjectParamDict",
    "ProjectSaleState",
    "ProjectSeatType",
    "ProjectVo",
    "ResultData",
]


class LangType(LabeledIntEnum):
    """语言类型:1=中文,2=英文"""

    VALUE_1 = 1
    """中文"""
    VALUE_2 = 2
    """英文"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "中文", 2: "英文"}


class ProjectSaleState(LabeledIntEnum):
    """项目销售状态:1=待销售;2=销售中;3=销售结束"""

    VALUE_1 = 1
    """待销售"""
    VALUE_2 = 2
    """销售中"""
    VALUE_3 = 3
    """销售结束"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "待销售", 2: "销售中", 3: "销售结束"}


class ProjectSeatType(LabeledIntEnum):
    """项目座位类型 1=有座、2=无座"""

    VALUE_1 = 1
    """有座"""
    VALUE_2 = 2
    """无座"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "有座", 2: "无座"}


class ProjectParam(RequestModel):
    """查询项目参数"""

    project_id: str | None = Field(default=None, examples=["32321311"])
    """项目ID"""

    lang_type: LangType | None = Field(default=None, examples=[1])
    """语言类型:1=中文,2=英文"""

    tenant_token: str | None = Field(
        default=None, repr=False, examples=["BrZIAxcXYJ72Idfk1231+mCzqSXZLWtCnikX/"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(tenant_token=...)`` or ``DAMAI_MAIZUO_TENANT_TOKEN``.
    """

    ptnr_token: str | None = Field(
        default=None, repr=False, examples=["v1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5icqyW"]
    )
    """向api服务提供商获取

    Left unset, the client fills it in from
    ``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``.
    """

    channel_token: str | None = Field(
        default=None, repr=False, examples=["St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5x"]
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

    project_id: NotRequired[str]
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


class ProjectDetailParams(RequestModel):
    """alibaba.damai.maizuo.openapi.project.detail 的业务参数"""

    project_param: ProjectParam
    """查询项目参数"""


class ProjectVo(ResponseModel):
    """返回数据"""

    project_id: str | None = Field(default=None, examples=["32131121"])
    """项目ID"""

    project_name: str | None = Field(default=None, examples=["周杰伦演唱会"])
    """项目名称"""

    project_start_time: str | None = Field(default=None, examples=["20190413 11:11:11"])
    """项目开始时间,精确到分,格式:yyyy-MM-dd HH:mm"""

    project_end_time: str | None = Field(default=None, examples=["20190413 11:11:11"])
    """项目结束时间,精确到分,格式:yyyy-MM-dd HH:mm"""

    project_seat_type: OpenIntEnum[ProjectSeatType] | None = Field(default=None, examples=[1])
    """项目座位类型 1=有座、2=无座"""

    project_sale_state: OpenIntEnum[ProjectSaleState] | None = Field(default=None, examples=[1])
    """项目销售状态:1=待销售;2=销售中;3=销售结束"""

    project_type_id: str | None = Field(default=None, examples=["32131112"])
    """项目分类ID"""

    project_img_url: str | None = Field(default=None, examples=["http:www.maitix.com/img.jpg"])
    """项目图片地址"""

    project_detail: str | None = None


class ResultData(ResponseModel):
    """统一返回值对象"""

    success: bool | None = Field(default=None, examples=[True])
    """是否成功"""

    result_code: int | None = Field(default=None, examples=[20])
    """状态码"""

    result_msg: str | None = Field(default=None, examples=["成功"])
    """提示信息"""

    project_vo: ProjectVo | None = None
    """返回数据"""


class ProjectDetailResponse(ResponseModel):
    """ProjectDetailResponse"""

    result_data: ResultData | None = None
    """统一返回值对象"""

    request_id: str | None = None
    """网关分配的请求 ID"""


PROJECT_DETAIL = OperationInfo(
    method="alibaba.damai.maizuo.openapi.project.detail",
    response_key="alibaba_damai_maizuo_openapi_project_detail_response",
    idempotent=True,
    business_result=BusinessResultInfo(
        path=("result_data",),
        success="success",
        code="result_code",
        message="result_msg",
    ),
)


def detail(
    self: SyncAPIResource,
    *,
    project_param: ProjectParam | ProjectParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> ProjectDetailResponse:
    """项目信息查询

    获取单个项目信息,返回值包含项目下场次信息列表

    TOP method ``alibaba.damai.maizuo.openapi.project.detail``.

    Args:
        project_param: 查询项目参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        PROJECT_DETAIL,
        ProjectDetailParams,
        {"project_param": project_param},
        ProjectDetailResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_detail(
    self: AsyncAPIResource,
    *,
    project_param: ProjectParam | ProjectParamDict,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> ProjectDetailResponse:
    """项目信息查询

    获取单个项目信息,返回值包含项目下场次信息列表

    TOP method ``alibaba.damai.maizuo.openapi.project.detail``.

    Args:
        project_param: 查询项目参数

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        PROJECT_DETAIL,
        ProjectDetailParams,
        {"project_param": project_param},
        ProjectDetailResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
