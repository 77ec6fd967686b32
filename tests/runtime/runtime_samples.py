"""Models shaped like the generator's output, for the runtime's tests."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

from pydantic import Field

from generator.runtime._base_client import AsyncAPIClient, SyncAPIClient
from generator.runtime._models import (
    LabeledIntEnum,
    LabeledStrEnum,
    RequestModel,
    ResponseModel,
    TopDateTime,
)
from generator.runtime._protocol import BusinessResultInfo, OperationInfo
from generator.runtime._resource import AsyncAPIResource, SyncAPIResource

APP_KEY = "12345678"
APP_SECRET = "s3cr3t-app-secret-value"
SESSION = "6100e23b-session-token-value"


class CodeType(LabeledIntEnum):
    """验证码类型"""

    __labels__: ClassVar[Mapping[int, str]] = {1: "注册", 2: "修改密码"}
    REGISTER = 1
    CHANGE_PASSWORD = 2


class Channel(LabeledStrEnum):
    __labels__: ClassVar[Mapping[str, str]] = {"app": "应用"}
    APP = "app"
    WEB = "web"


class UserPhoneAuthCodeParam(RequestModel):
    ptnr_token: str
    user_phone: str
    code_type: CodeType
    tenant_token: str
    channel_token: str


class UserAuthcodeSendParams(RequestModel):
    param0: UserPhoneAuthCodeParam


class ResultData(ResponseModel):
    result_msg: str | None = None
    result_code: int | None = None
    success: bool | None = None


class UserAuthcodeSendResponse(ResponseModel):
    result: ResultData | None = None
    request_id: str | None = None


USER_AUTHCODE_SEND = OperationInfo(
    method="alibaba.damai.maizuo.openapi.user.authcode.send",
    response_key="alibaba_damai_maizuo_openapi_user_authcode_send_response",
    idempotent=False,
    business_result=BusinessResultInfo(
        path=("result",), success="success", code="result_code", message="result_msg"
    ),
)

PARAM0 = {
    "ptnr_token": "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+",
    "user_phone": "139xxxx4567",
    "code_type": 1,
    "tenant_token": "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",
    "channel_token": "nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic",
}


# -- a richer, made-up operation: every kind of value ------------------------------------------
class PriceVo(ResponseModel):
    price_id: int | None = None
    price: Decimal | None = None
    name: str | None = None
    start_time: TopDateTime | None = None


class SeatQuery(RequestModel):
    show_id: int
    start_time: TopDateTime | None = None
    channel: Channel | None = None
    tags: list[str] | None = None
    note: str | None = None
    from_: str | None = Field(default=None, alias="from")


class PerformQueryParams(RequestModel):
    query: SeatQuery | None = None
    queries: list[SeatQuery] | None = None
    show_ids: list[int] | None = None
    count: int | None = None
    ratio: float | None = None
    price: Decimal | None = None
    on_sale: bool | None = None
    start: datetime | None = None
    day: date | None = None
    code_type: CodeType | None = None
    channel: Channel | None = None
    keyword: str | None = None
    from_: str | None = Field(default=None, alias="from")


class PerformInfo(ResponseModel):
    perform_id: int | None = None
    price_vo_list: list[PriceVo] | None = None
    tags: list[str] | None = None


class PerformQueryResponse(ResponseModel):
    perform: PerformInfo | None = None
    performs: list[PerformInfo] | None = None
    total: int | None = None
    updated: TopDateTime | None = None
    request_id: str | None = None


PERFORM_QUERY = OperationInfo(
    method="alibaba.damai.maizuo.openapi.perform.query",
    response_key="alibaba_damai_maizuo_openapi_perform_query_response",
    idempotent=True,
)


# -- clients shaped like the generated ones --------------------------------------------------
class UserAuthcodeResource(SyncAPIResource):
    def send(self, *, param0: UserPhoneAuthCodeParam | dict[str, Any]) -> UserAuthcodeSendResponse:
        return self._client._call(
            USER_AUTHCODE_SEND,
            UserAuthcodeSendParams,
            {"param0": param0},
            UserAuthcodeSendResponse,
        )


class UserResource(SyncAPIResource):
    @cached_property
    def authcode(self) -> UserAuthcodeResource:
        return UserAuthcodeResource(self._client)


class PerformResource(SyncAPIResource):
    def query(self, *, count: int | None = None, session_op: bool = False) -> PerformQueryResponse:
        op = PERFORM_QUERY_WITH_SESSION if session_op else PERFORM_QUERY
        return self._client._call(op, PerformQueryParams, {"count": count}, PerformQueryResponse)


class Client(SyncAPIClient):
    _retry_base_delay = 0.001

    @cached_property
    def user(self) -> UserResource:
        return UserResource(self)

    @cached_property
    def perform(self) -> PerformResource:
        return PerformResource(self)


class AsyncUserAuthcodeResource(AsyncAPIResource):
    async def send(
        self, *, param0: UserPhoneAuthCodeParam | dict[str, Any]
    ) -> UserAuthcodeSendResponse:
        return await self._client._call(
            USER_AUTHCODE_SEND,
            UserAuthcodeSendParams,
            {"param0": param0},
            UserAuthcodeSendResponse,
        )


class AsyncUserResource(AsyncAPIResource):
    @cached_property
    def authcode(self) -> AsyncUserAuthcodeResource:
        return AsyncUserAuthcodeResource(self._client)


class AsyncPerformResource(AsyncAPIResource):
    async def query(self, *, count: int | None = None) -> PerformQueryResponse:
        return await self._client._call(
            PERFORM_QUERY, PerformQueryParams, {"count": count}, PerformQueryResponse
        )


class AsyncClient(AsyncAPIClient):
    _retry_base_delay = 0.001

    @cached_property
    def user(self) -> AsyncUserResource:
        return AsyncUserResource(self)

    @cached_property
    def perform(self) -> AsyncPerformResource:
        return AsyncPerformResource(self)


PERFORM_QUERY_WITH_SESSION = OperationInfo(
    method=PERFORM_QUERY.method,
    response_key=PERFORM_QUERY.response_key,
    idempotent=True,
    session="required",
)
