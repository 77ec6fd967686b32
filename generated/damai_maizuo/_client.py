"""``Client`` and ``AsyncClient``: the protocol runtime plus one attribute per resource.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Self, Unpack

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from ._client_params import ClientParam
from ._options import NOT_GIVEN, ClientOptionChanges, ClientOptions, NotGiven

if TYPE_CHECKING:
    from .resources.eticket import AsyncEticketResource, EticketResource
    from .resources.event import AsyncEventResource, EventResource
    from .resources.mz import AsyncMzResource, MzResource
    from .resources.order import AsyncOrderResource, OrderResource
    from .resources.project import AsyncProjectResource, ProjectResource
    from .resources.trade import AsyncTradeResource, TradeResource
    from .resources.user import AsyncUserResource, UserResource

__all__ = ["AsyncClient", "Client"]

CLIENT_PARAMS = (
    ClientParam("ptnr_token", env="DAMAI_MAIZUO_PTNR_TOKEN", secret=True),
    ClientParam("tenant_token", env="DAMAI_MAIZUO_TENANT_TOKEN", secret=True),
    ClientParam("channel_token", env="DAMAI_MAIZUO_CHANNEL_TOKEN", secret=True),
)
"""The client parameters of the spec: each a keyword argument of the clients, read from its
environment variable when not given, and filled into every request field of its name that a
call leaves unset."""


class Client(SyncAPIClient):
    """Synchronous client of 大麦·麦座开放接口 (Damai Maizuo open API).

    Credentials come from the arguments or from the environment variables
    ``DAMAI_MAIZUO_APP_KEY`` and ``DAMAI_MAIZUO_APP_SECRET``; see the README for every option.

    Client parameters, filled into the request fields of their name a call leaves
    unset:

    - ``ptnr_token`` (or ``DAMAI_MAIZUO_PTNR_TOKEN``):
      合作方令牌(ptnr_token),向 API 服务提供商获取
    - ``tenant_token`` (or ``DAMAI_MAIZUO_TENANT_TOKEN``):
      租户令牌(tenant_token),向 API 服务提供商获取
    - ``channel_token`` (or ``DAMAI_MAIZUO_CHANNEL_TOKEN``):
      渠道令牌(channel_token),向 API 服务提供商获取
    """

    _client_params = CLIENT_PARAMS

    def __init__(
        self,
        *,
        ptnr_token: str | None = None,
        tenant_token: str | None = None,
        channel_token: str | None = None,
        **options: Unpack[ClientOptions[httpx.Client]],
    ) -> None:
        """The client parameters by name, the other options as the runtime takes them.

        Both spelled out (the options as a ``TypedDict`` the runtime keeps equal to its own
        constructor), so that a type checker refuses a misspelled name as the runtime does.
        """
        super().__init__(
            ptnr_token=ptnr_token,
            tenant_token=tenant_token,
            channel_token=channel_token,
            **options,
        )

    def with_options(  # type: ignore[override]  # the spec's client parameters, not any name
        self,
        *,
        ptnr_token: str | NotGiven | None = NOT_GIVEN,
        tenant_token: str | NotGiven | None = NOT_GIVEN,
        channel_token: str | NotGiven | None = NOT_GIVEN,
        **changes: Unpack[ClientOptionChanges[httpx.Client]],
    ) -> Self:
        """A client of the same class with some options or client parameters changed,
        sharing this one's connection pool (unless ``http_client`` is given)."""
        return super().with_options(
            ptnr_token=ptnr_token,
            tenant_token=tenant_token,
            channel_token=channel_token,
            **changes,
        )

    @cached_property
    def eticket(self) -> EticketResource:
        """``client.eticket``"""
        from .resources.eticket import EticketResource

        return EticketResource(self)

    @cached_property
    def event(self) -> EventResource:
        """``client.event``"""
        from .resources.event import EventResource

        return EventResource(self)

    @cached_property
    def mz(self) -> MzResource:
        """``client.mz``"""
        from .resources.mz import MzResource

        return MzResource(self)

    @cached_property
    def order(self) -> OrderResource:
        """``client.order``"""
        from .resources.order import OrderResource

        return OrderResource(self)

    @cached_property
    def project(self) -> ProjectResource:
        """``client.project``"""
        from .resources.project import ProjectResource

        return ProjectResource(self)

    @cached_property
    def trade(self) -> TradeResource:
        """``client.trade``"""
        from .resources.trade import TradeResource

        return TradeResource(self)

    @cached_property
    def user(self) -> UserResource:
        """``client.user``"""
        from .resources.user import UserResource

        return UserResource(self)


class AsyncClient(AsyncAPIClient):
    """Asynchronous client of 大麦·麦座开放接口 (Damai Maizuo open API).

    Credentials come from the arguments or from the environment variables
    ``DAMAI_MAIZUO_APP_KEY`` and ``DAMAI_MAIZUO_APP_SECRET``; see the README for every option.

    Client parameters, filled into the request fields of their name a call leaves
    unset:

    - ``ptnr_token`` (or ``DAMAI_MAIZUO_PTNR_TOKEN``):
      合作方令牌(ptnr_token),向 API 服务提供商获取
    - ``tenant_token`` (or ``DAMAI_MAIZUO_TENANT_TOKEN``):
      租户令牌(tenant_token),向 API 服务提供商获取
    - ``channel_token`` (or ``DAMAI_MAIZUO_CHANNEL_TOKEN``):
      渠道令牌(channel_token),向 API 服务提供商获取
    """

    _client_params = CLIENT_PARAMS

    def __init__(
        self,
        *,
        ptnr_token: str | None = None,
        tenant_token: str | None = None,
        channel_token: str | None = None,
        **options: Unpack[ClientOptions[httpx.AsyncClient]],
    ) -> None:
        """The client parameters by name, the other options as the runtime takes them.

        Both spelled out (the options as a ``TypedDict`` the runtime keeps equal to its own
        constructor), so that a type checker refuses a misspelled name as the runtime does.
        """
        super().__init__(
            ptnr_token=ptnr_token,
            tenant_token=tenant_token,
            channel_token=channel_token,
            **options,
        )

    def with_options(  # type: ignore[override]  # the spec's client parameters, not any name
        self,
        *,
        ptnr_token: str | NotGiven | None = NOT_GIVEN,
        tenant_token: str | NotGiven | None = NOT_GIVEN,
        channel_token: str | NotGiven | None = NOT_GIVEN,
        **changes: Unpack[ClientOptionChanges[httpx.AsyncClient]],
    ) -> Self:
        """A client of the same class with some options or client parameters changed,
        sharing this one's connection pool (unless ``http_client`` is given)."""
        return super().with_options(
            ptnr_token=ptnr_token,
            tenant_token=tenant_token,
            channel_token=channel_token,
            **changes,
        )

    @cached_property
    def eticket(self) -> AsyncEticketResource:
        """``client.eticket``"""
        from .resources.eticket import AsyncEticketResource

        return AsyncEticketResource(self)

    @cached_property
    def event(self) -> AsyncEventResource:
        """``client.event``"""
        from .resources.event import AsyncEventResource

        return AsyncEventResource(self)

    @cached_property
    def mz(self) -> AsyncMzResource:
        """``client.mz``"""
        from .resources.mz import AsyncMzResource

        return AsyncMzResource(self)

    @cached_property
    def order(self) -> AsyncOrderResource:
        """``client.order``"""
        from .resources.order import AsyncOrderResource

        return AsyncOrderResource(self)

    @cached_property
    def project(self) -> AsyncProjectResource:
        """``client.project``"""
        from .resources.project import AsyncProjectResource

        return AsyncProjectResource(self)

    @cached_property
    def trade(self) -> AsyncTradeResource:
        """``client.trade``"""
        from .resources.trade import AsyncTradeResource

        return AsyncTradeResource(self)

    @cached_property
    def user(self) -> AsyncUserResource:
        """``client.user``"""
        from .resources.user import AsyncUserResource

        return AsyncUserResource(self)
