"""``Client`` and ``AsyncClient``: the protocol runtime plus one attribute per resource.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ._base_client import AsyncAPIClient, SyncAPIClient

if TYPE_CHECKING:
    from .resources.user import AsyncUserResource, UserResource

__all__ = ["AsyncClient", "Client"]


class Client(SyncAPIClient):
    """Synchronous client of 大麦·麦座开放接口 (Damai Maizuo open API).

    Credentials come from the arguments or from the environment variables ``DAMAI_MAIZUO_APP_KEY`` and ``DAMAI_MAIZUO_APP_SECRET``; see the README for every option.
    """

    @cached_property
    def user(self) -> UserResource:
        """``client.user``"""
        from .resources.user import UserResource

        return UserResource(self)


class AsyncClient(AsyncAPIClient):
    """Asynchronous client of 大麦·麦座开放接口 (Damai Maizuo open API).

    Credentials come from the arguments or from the environment variables ``DAMAI_MAIZUO_APP_KEY`` and ``DAMAI_MAIZUO_APP_SECRET``; see the README for every option.
    """

    @cached_property
    def user(self) -> AsyncUserResource:
        """``client.user``"""
        from .resources.user import AsyncUserResource

        return AsyncUserResource(self)
