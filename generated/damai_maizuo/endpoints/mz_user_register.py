"""``client.mz.user.register(...)``: 会员注册(支持实名制)

The models and calls of the TOP method ``alibaba.damai.mz.user.register``.
Generated from the spec; do not edit by hand.
"""

from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from .._models import LabeledIntEnum, RequestModel, ResponseModel
from .._options import NOT_GIVEN, CallTimeout, ExtraParams, NotGiven
from .._protocol import OperationInfo
from .._resource import AsyncAPIResource, SyncAPIResource

__all__ = [
    "CardType",
    "MzUserRegisterParams",
    "MzUserRegisterResponse",
    "RealNameCertificationType",
    "Sex",
]


class CardType(LabeledIntEnum):
    """证件类型(暂只支持身份证类型):1=身份证号,2=护照,3=港澳通行证,4=台胞证"""

    VALUE_1 = 1
    """身份证号"""
    VALUE_2 = 2
    """护照"""
    VALUE_3 = 3
    """港澳通行证"""
    VALUE_4 = 4
    """台胞证"""

    __labels__: ClassVar[Mapping[int, str]] = {
        1: "身份证号",
        2: "护照",
        3: "港澳通行证",
        4: "台胞证",
    }


class RealNameCertificationType(LabeledIntEnum):
    """实名认证类型: 1=已实名认证,2=未实名认证"""

    VALUE_1 = 1
    """已实名认证"""
    VALUE_2 = 2
    """未实名认证"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "已实名认证", 2: "未实名认证"}


class Sex(LabeledIntEnum):
    """性别:1=男,2=女,0=保密"""

    VALUE_1 = 1
    """男"""
    VALUE_2 = 2
    """女"""
    VALUE_0 = 0
    """保密"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "男", 2: "女", 0: "保密"}


class MzUserRegisterParams(RequestModel):
    """alibaba.damai.mz.user.register 的业务参数"""

    third_user_id: str | None = Field(default=None, max_length=64, examples=["3719391771"])
    """外部系统会员id,例如微信openid"""

    birthday: str | None = Field(default=None, max_length=10, examples=["1988-09-09"])
    """会员生日,格式:yyyy-MM-dd"""

    last_name: str | None = Field(default=None, max_length=50)
    """真实姓名,姓"""

    card_type: CardType | None = Field(default=None, examples=[1])
    """证件类型(暂只支持身份证类型):1=身份证号,2=护照,3=港澳通行证,4=台胞证"""

    address: str | None = Field(default=None, max_length=100, examples=["XXX大街XX号"])
    """用户街道详细地址"""

    nick_name: str | None = Field(default=None, max_length=50, examples=["西山晴雪"])
    """昵称"""

    sex: Sex | None = Field(default=None, examples=[1])
    """性别:1=男,2=女,0=保密"""

    card_no: str | None = Field(default=None, max_length=50, examples=["110100198909091234"])
    """证件号码(暂只支持身份证类型号码)"""

    mobile_phone: str | None = Field(default=None, max_length=11, examples=["15801234567"])
    """手机号,手机号和邮箱二选一,作为会员登录名"""

    first_name: str | None = Field(default=None, max_length=50, examples=["晴雪"])
    """真实姓名,名"""

    login_password: str = Field(max_length=20, examples=["QWA1q2w3e4r"])
    """登录密码, 6-20位包含数字字母;不能含有特殊字符,如空格或“-!@#$%^&*”等"""

    real_name_certification_type: RealNameCertificationType | None = Field(
        default=None, examples=[1]
    )
    """实名认证类型: 1=已实名认证,2=未实名认证"""

    email: str | None = Field(default=None, max_length=50, examples=["xxx@sina.com"])
    """用户邮箱,手机号和邮箱二选一,作为会员登录名"""

    province_code: int | None = Field(default=None, le=999999, examples=[110000])
    """省份代码;中国民政部行政区划代码"""

    province_name: str | None = Field(default=None, examples=["北京"])
    """省份名称"""

    city_code: int | None = Field(default=None, le=999999, examples=[110100])
    """城市代码;中国民政部行政区划代码"""

    city_name: str | None = Field(default=None, examples=["北京市"])
    """城市名称"""

    area_code: int | None = Field(default=None, le=999999, examples=[110105])
    """县/区代码;中国民政部行政区划代码"""


class MzUserRegisterResponse(ResponseModel):
    """MzUserRegisterResponse"""

    request_id: str | None = None
    """网关分配的请求 ID"""


MZ_USER_REGISTER = OperationInfo(
    method="alibaba.damai.mz.user.register",
    response_key="alibaba_damai_mz_user_register_response",
    idempotent=False,
)


def register(
    self: SyncAPIResource,
    *,
    third_user_id: str | None = None,
    birthday: str | None = None,
    last_name: str | None = None,
    card_type: CardType | Literal[1, 2, 3, 4] | None = None,
    address: str | None = None,
    nick_name: str | None = None,
    sex: Sex | Literal[1, 2, 0] | None = None,
    card_no: str | None = None,
    mobile_phone: str | None = None,
    first_name: str | None = None,
    login_password: str,
    real_name_certification_type: RealNameCertificationType | Literal[1, 2] | None = None,
    email: str | None = None,
    province_code: int | None = None,
    province_name: str | None = None,
    city_code: int | None = None,
    city_name: str | None = None,
    area_code: int | None = None,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzUserRegisterResponse:
    """会员注册(支持实名制)

    大麦麦座用户注册api 实名可选

    TOP method ``alibaba.damai.mz.user.register``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        third_user_id: 外部系统会员id,例如微信openid (optional)
        birthday: 会员生日,格式:yyyy-MM-dd (optional)
        last_name: 真实姓名,姓 (optional)
        card_type: 证件类型(暂只支持身份证类型):1=身份证号,2=护照,3=港澳通行证,4=台胞证 (optional)
        address: 用户街道详细地址 (optional)
        nick_name: 昵称 (optional)
        sex: 性别:1=男,2=女,0=保密 (optional)
        card_no: 证件号码(暂只支持身份证类型号码) (optional)
        mobile_phone: 手机号,手机号和邮箱二选一,作为会员登录名 (optional)
        first_name: 真实姓名,名 (optional)
        login_password: 登录密码, 6-20位包含数字字母;不能含有特殊字符,如空格或“-!@#$%^&*”等
        real_name_certification_type: 实名认证类型: 1=已实名认证,2=未实名认证 (optional)
        email: 用户邮箱,手机号和邮箱二选一,作为会员登录名 (optional)
        province_code: 省份代码;中国民政部行政区划代码 (optional)
        province_name: 省份名称 (optional)
        city_code: 城市代码;中国民政部行政区划代码 (optional)
        city_name: 城市名称 (optional)
        area_code: 县/区代码;中国民政部行政区划代码 (optional)

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return self._client._call(
        MZ_USER_REGISTER,
        MzUserRegisterParams,
        {
            "third_user_id": third_user_id,
            "birthday": birthday,
            "last_name": last_name,
            "card_type": card_type,
            "address": address,
            "nick_name": nick_name,
            "sex": sex,
            "card_no": card_no,
            "mobile_phone": mobile_phone,
            "first_name": first_name,
            "login_password": login_password,
            "real_name_certification_type": real_name_certification_type,
            "email": email,
            "province_code": province_code,
            "province_name": province_name,
            "city_code": city_code,
            "city_name": city_name,
            "area_code": area_code,
        },
        MzUserRegisterResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )


async def async_register(
    self: AsyncAPIResource,
    *,
    third_user_id: str | None = None,
    birthday: str | None = None,
    last_name: str | None = None,
    card_type: CardType | Literal[1, 2, 3, 4] | None = None,
    address: str | None = None,
    nick_name: str | None = None,
    sex: Sex | Literal[1, 2, 0] | None = None,
    card_no: str | None = None,
    mobile_phone: str | None = None,
    first_name: str | None = None,
    login_password: str,
    real_name_certification_type: RealNameCertificationType | Literal[1, 2] | None = None,
    email: str | None = None,
    province_code: int | None = None,
    province_name: str | None = None,
    city_code: int | None = None,
    city_name: str | None = None,
    area_code: int | None = None,
    timeout: CallTimeout | NotGiven = NOT_GIVEN,
    max_retries: int | NotGiven = NOT_GIVEN,
    extra_params: ExtraParams = None,
) -> MzUserRegisterResponse:
    """会员注册(支持实名制)

    大麦麦座用户注册api 实名可选

    TOP method ``alibaba.damai.mz.user.register``.
    Not idempotent: once the request may have reached the service it is never resent.

    Args:
        third_user_id: 外部系统会员id,例如微信openid (optional)
        birthday: 会员生日,格式:yyyy-MM-dd (optional)
        last_name: 真实姓名,姓 (optional)
        card_type: 证件类型(暂只支持身份证类型):1=身份证号,2=护照,3=港澳通行证,4=台胞证 (optional)
        address: 用户街道详细地址 (optional)
        nick_name: 昵称 (optional)
        sex: 性别:1=男,2=女,0=保密 (optional)
        card_no: 证件号码(暂只支持身份证类型号码) (optional)
        mobile_phone: 手机号,手机号和邮箱二选一,作为会员登录名 (optional)
        first_name: 真实姓名,名 (optional)
        login_password: 登录密码, 6-20位包含数字字母;不能含有特殊字符,如空格或“-!@#$%^&*”等
        real_name_certification_type: 实名认证类型: 1=已实名认证,2=未实名认证 (optional)
        email: 用户邮箱,手机号和邮箱二选一,作为会员登录名 (optional)
        province_code: 省份代码;中国民政部行政区划代码 (optional)
        province_name: 省份名称 (optional)
        city_code: 城市代码;中国民政部行政区划代码 (optional)
        city_name: 城市名称 (optional)
        area_code: 县/区代码;中国民政部行政区划代码 (optional)

    Raises:
        ParameterError: a parameter fails validation; nothing was sent.
        APIError: the gateway refused the call (a subclass tells why).
        APIConnectionError: the gateway could not be reached or did not answer in time.
    """
    return await self._client._call(
        MZ_USER_REGISTER,
        MzUserRegisterParams,
        {
            "third_user_id": third_user_id,
            "birthday": birthday,
            "last_name": last_name,
            "card_type": card_type,
            "address": address,
            "nick_name": nick_name,
            "sex": sex,
            "card_no": card_no,
            "mobile_phone": mobile_phone,
            "first_name": first_name,
            "login_password": login_password,
            "real_name_certification_type": real_name_certification_type,
            "email": email,
            "province_code": province_code,
            "province_name": province_name,
            "city_code": city_code,
            "city_name": city_name,
            "area_code": area_code,
        },
        MzUserRegisterResponse,
        timeout=timeout,
        max_retries=max_retries,
        extra_params=extra_params,
    )
