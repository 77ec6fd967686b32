"""Resources under ``client.user``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property

from .._base_client import AsyncAPIResource, SyncAPIResource
from ..endpoints import user_authcode_send

__all__ = [
    "AsyncUserAuthcodeResource",
    "AsyncUserResource",
    "UserAuthcodeResource",
    "UserResource",
]


class UserResource(SyncAPIResource):
    """``client.user``"""

    @cached_property
    def authcode(self) -> UserAuthcodeResource:
        """``client.user.authcode``"""
        return UserAuthcodeResource(self._client)


class UserAuthcodeResource(SyncAPIResource):
    """``client.user.authcode``"""

    send = user_authcode_send.send


class AsyncUserResource(AsyncAPIResource):
    """``client.user`` (async)"""

    @cached_property
    def authcode(self) -> AsyncUserAuthcodeResource:
        """``client.user.authcode``"""
        return AsyncUserAuthcodeResource(self._client)


class AsyncUserAuthcodeResource(AsyncAPIResource):
    """``client.user.authcode`` (async)"""

    send = user_authcode_send.async_send
