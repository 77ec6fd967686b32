"""Resources under ``client.user``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import user_authcode_send, user_register, user_register_byauthcode

__all__ = [
    "AsyncUserAuthcodeResource",
    "AsyncUserRegisterResource",
    "AsyncUserResource",
    "UserAuthcodeResource",
    "UserRegisterResource",
    "UserResource",
]


class UserResource(SyncAPIResource):
    """``client.user``"""

    @cached_property
    def authcode(self) -> UserAuthcodeResource:
        """``client.user.authcode``"""
        return UserAuthcodeResource(self._client)

    @cached_property
    def register(self) -> UserRegisterResource:
        """``client.user.register``"""
        return UserRegisterResource(self._client)


class UserAuthcodeResource(SyncAPIResource):
    """``client.user.authcode``"""

    if TYPE_CHECKING:
        send = user_authcode_send.send
    else:
        send = lazy_method("user_authcode_send", "send")


class UserRegisterResource(SyncAPIResource):
    """``client.user.register``"""

    if TYPE_CHECKING:
        __call__ = user_register.register
        byauthcode = user_register_byauthcode.byauthcode
    else:
        __call__ = lazy_method("user_register", "register")
        byauthcode = lazy_method("user_register_byauthcode", "byauthcode")


class AsyncUserResource(AsyncAPIResource):
    """``client.user`` (async)"""

    @cached_property
    def authcode(self) -> AsyncUserAuthcodeResource:
        """``client.user.authcode``"""
        return AsyncUserAuthcodeResource(self._client)

    @cached_property
    def register(self) -> AsyncUserRegisterResource:
        """``client.user.register``"""
        return AsyncUserRegisterResource(self._client)


class AsyncUserAuthcodeResource(AsyncAPIResource):
    """``client.user.authcode`` (async)"""

    if TYPE_CHECKING:
        send = user_authcode_send.async_send
    else:
        send = lazy_method("user_authcode_send", "async_send")


class AsyncUserRegisterResource(AsyncAPIResource):
    """``client.user.register`` (async)"""

    if TYPE_CHECKING:
        __call__ = user_register.async_register
        byauthcode = user_register_byauthcode.async_byauthcode
    else:
        __call__ = lazy_method("user_register", "async_register")
        byauthcode = lazy_method("user_register_byauthcode", "async_byauthcode")
