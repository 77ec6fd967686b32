"""``client.mz.project.detail(...)``: 项目详情API

The models and calls of the TOP method ``alibaba.damai.mz.project.detail``.
Generated from the spec; do not edit by hand.
"""

from pydantic import Field

from .._models import RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "MzProjectDetailParams",
    "MzProjectDetailResponse",
    "ProjectDetailVO",
    "Projectwatchingnotice",
    "ResultData",
]


class MzProjectDetailParams(RequestModel):
    """alibaba.damai.mz.project.detail 的业务参数"""

    project_id: str = Field(max_length=20, examples=["1273693615230"])
    """麦座项目id"""


class Projectwatchingnotice(ResponseModel):
    """观演须知;可空"""

    prohibit_goods_tips: str | None = Field(default=None, examples=["禁止携带专业录像设备、饮料"])
    """禁止携带的物品说明; prohibitGoodsTips:"禁止携带专业录像设备、饮料\""""

    deposit_tips: str | None = Field(default=None, examples=["无寄存处"])
    """寄存说明; depositTips,例::"无寄存处\""""

    children_entry_tips: str | None = Field(default=None, examples=["儿童一律凭票入场"])
    """儿童入场提示; childrenEntryTips,例::"儿童一律凭票入场\""""

    entry_time_tips: str | None = Field(default=None, examples=["提前30分钟"])
    """入场时间; entryTimeTips,例::"提前xx分钟\""""

    show_length_tips: str | None = Field(default=None, examples=["最少90分钟"])
    """演出时长;showLengthTips,例:"最少xx分钟\""""

    project_introduce: str | None = Field(
        default=None,
        examples=[
            "《乌龙山伯爵》因一张支票引出了许多笑料迭出的偶发事件,大起大落的剧情让观众看的津津有味。剧中谢蟹与恶霸科长的银行PK一幕中,破产科长又是在衣架上上吊、又是吞枪自杀的表演十分滑稽。正当观众被逗得大笑时,科长却将手枪对准了谢蟹,突然的逆转让台下观众屏息凝神,生怕错过一个画面。"
        ],
    )
    """项目简介;格式:富文本;可空"""

    project_img_url: str | None = Field(default=None, examples=["http://xxx.jpg"])
    """项目海报图片地址;可空"""

    second_class_id: str | None = None


class ProjectDetailVO(ResponseModel):
    """返回数据"""

    project_watching_notice: Projectwatchingnotice | None = None
    """观演须知;可空"""


class ResultData(ResponseModel):
    """返回结果"""

    msg: str | None = Field(default=None, examples=["成功"])
    """提示"""

    code: str | None = Field(default=None, examples=["200"])
    """状态码"""

    data: ProjectDetailVO | None = None
    """返回数据"""


class MzProjectDetailResponse(ResponseModel):
    """MzProjectDetailResponse"""

    result: ResultData | None = None
    """返回结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_PROJECT_DETAIL = OperationInfo(
    method="alibaba.damai.mz.project.detail",
    response_key="alibaba_damai_mz_project_detail_response",
    idempotent=True,
)


def detail(
    self: SyncAPIResource,
    *,
    project_id: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzProjectDetailResponse:
    """项目详情API

    麦座票务平台-自建电商网站-项目详情API;

    TOP method ``alibaba.damai.mz.project.detail``.

    Args:
        project_id: 麦座项目id

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_PROJECT_DETAIL,
        MzProjectDetailParams,
        {"project_id": project_id},
        MzProjectDetailResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_detail(
    self: AsyncAPIResource,
    *,
    project_id: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzProjectDetailResponse:
    """项目详情API

    麦座票务平台-自建电商网站-项目详情API;

    TOP method ``alibaba.damai.mz.project.detail``.

    Args:
        project_id: 麦座项目id

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_PROJECT_DETAIL,
        MzProjectDetailParams,
        {"project_id": project_id},
        MzProjectDetailResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
