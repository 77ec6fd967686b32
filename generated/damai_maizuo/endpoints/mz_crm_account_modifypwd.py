"""``client.mz.crm.account.modifypwd(...)``: 麦座会员账户修改密码

The models and calls of the TOP method ``alibaba.damai.mz.crm.account.modifypwd``.
Generated from the spec; do not edit by hand.
"""

from pydantic import Field

from .._models import RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import BusinessResultInfo, OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "MzCrmAccountModifypwdParams",
    "MzCrmAccountModifypwdResponse",
    "ResultData",
]


class MzCrmAccountModifypwdParams(RequestModel):
    """alibaba.damai.mz.crm.account.modifypwd 的业务参数"""

    old_password: str = Field(examples=["******"])
    """账户原始支付密码"""

    new_password: str = Field(examples=["******"])
    """账户新支付密码(6-20位且必须数字、大写字母、小写字母、符号中包含两种)"""

    customr_id: str = Field(examples=["2324232"])
    """麦座会员ID"""

    verify_code: str = Field(examples=["43574343"])
    """修改密码短信验证码"""


class ResultData(ResponseModel):
    """请求结果"""

    msg: str | None = Field(default=None, examples=["修改密码成功"])
    """提示信息"""

    code: str | None = Field(default=None, examples=["200"])
    """状态码 非200为失败"""

    success: bool | None = Field(default=None, examples=[True])
    """true=接口正常 false=接口调用失败"""


class MzCrmAccountModifypwdResponse(ResponseModel):
    """MzCrmAccountModifypwdResponse"""

    result: ResultData | None = None
    """请求结果"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_CRM_ACCOUNT_MODIFYPWD = OperationInfo(
    method="alibaba.damai.mz.crm.account.modifypwd",
    response_key="alibaba_damai_mz_crm_account_modifypwd_response",
    idempotent=False,
    business_result=BusinessResultInfo(
        path=("result",),
        success="success",
        code="code",
        message="msg",
    ),
)


def modifypwd(
    self: SyncAPIResource,
    *,
    old_password: str,
    new_password: str,
    customr_id: str,
    verify_code: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzCrmAccountModifypwdResponse:
    """麦座会员账户修改密码

    TOP method ``alibaba.damai.mz.crm.account.modifypwd``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        old_password: 账户原始支付密码
        new_password: 账户新支付密码(6-20位且必须数字、大写字母、小写字母、符号中包含两种)
        customr_id: 麦座会员ID
        verify_code: 修改密码短信验证码

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_CRM_ACCOUNT_MODIFYPWD,
        MzCrmAccountModifypwdParams,
        {
            "old_password": old_password,
            "new_password": new_password,
            "customr_id": customr_id,
            "verify_code": verify_code,
        },
        MzCrmAccountModifypwdResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_modifypwd(
    self: AsyncAPIResource,
    *,
    old_password: str,
    new_password: str,
    customr_id: str,
    verify_code: str,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzCrmAccountModifypwdResponse:
    """麦座会员账户修改密码

    TOP method ``alibaba.damai.mz.crm.account.modifypwd``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        old_password: 账户原始支付密码
        new_password: 账户新支付密码(6-20位且必须数字、大写字母、小写字母、符号中包含两种)
        customr_id: 麦座会员ID
        verify_code: 修改密码短信验证码

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        BusinessError: the service answered that the operation did not succeed.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_CRM_ACCOUNT_MODIFYPWD,
        MzCrmAccountModifypwdParams,
        {
            "old_password": old_password,
            "new_password": new_password,
            "customr_id": customr_id,
            "verify_code": verify_code,
        },
        MzCrmAccountModifypwdResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
