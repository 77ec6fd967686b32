"""Resources under ``client.event``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property

from .._base_client import AsyncAPIResource, SyncAPIResource
from ..endpoints import event_good_list, event_list

__all__ = [
    "AsyncEventGoodResource",
    "AsyncEventResource",
    "EventGoodResource",
    "EventResource",
]


class EventResource(SyncAPIResource):
    """``client.event``"""

    list = event_list.list

    @cached_property
    def good(self) -> EventGoodResource:
        """``client.event.good``"""
        return EventGoodResource(self._client)


class EventGoodResource(SyncAPIResource):
    """``client.event.good``"""

    list = event_good_list.list


class AsyncEventResource(AsyncAPIResource):
    """``client.event`` (async)"""

    list = event_list.async_list

    @cached_property
    def good(self) -> AsyncEventGoodResource:
        """``client.event.good``"""
        return AsyncEventGoodResource(self._client)


class AsyncEventGoodResource(AsyncAPIResource):
    """``client.event.good`` (async)"""

    list = event_good_list.async_list
