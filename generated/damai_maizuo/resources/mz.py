"""Resources under ``client.mz``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import mz_event_list

__all__ = [
    "AsyncMzEventResource",
    "AsyncMzResource",
    "MzEventResource",
    "MzResource",
]


class MzResource(SyncAPIResource):
    """``client.mz``"""

    @cached_property
    def event(self) -> MzEventResource:
        """``client.mz.event``"""
        return MzEventResource(self._client)


class MzEventResource(SyncAPIResource):
    """``client.mz.event``"""

    if TYPE_CHECKING:
        list = mz_event_list.list
    else:
        list = lazy_method("mz_event_list", "list")


class AsyncMzResource(AsyncAPIResource):
    """``client.mz`` (async)"""

    @cached_property
    def event(self) -> AsyncMzEventResource:
        """``client.mz.event``"""
        return AsyncMzEventResource(self._client)


class AsyncMzEventResource(AsyncAPIResource):
    """``client.mz.event`` (async)"""

    if TYPE_CHECKING:
        list = mz_event_list.async_list
    else:
        list = lazy_method("mz_event_list", "async_list")
