"""Resources under ``client.event``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import event_good_list, event_list

__all__ = [
    "AsyncEventGoodResource",
    "AsyncEventResource",
    "EventGoodResource",
    "EventResource",
]


class EventResource(SyncAPIResource):
    """``client.event``"""

    if TYPE_CHECKING:
        list = event_list.list
    else:
        list = lazy_method("event_list", "list")

    @cached_property
    def good(self) -> EventGoodResource:
        """``client.event.good``"""
        return EventGoodResource(self._client)


class EventGoodResource(SyncAPIResource):
    """``client.event.good``"""

    if TYPE_CHECKING:
        list = event_good_list.list
    else:
        list = lazy_method("event_good_list", "list")


class AsyncEventResource(AsyncAPIResource):
    """``client.event`` (async)"""

    if TYPE_CHECKING:
        list = event_list.async_list
    else:
        list = lazy_method("event_list", "async_list")

    @cached_property
    def good(self) -> AsyncEventGoodResource:
        """``client.event.good``"""
        return AsyncEventGoodResource(self._client)


class AsyncEventGoodResource(AsyncAPIResource):
    """``client.event.good`` (async)"""

    if TYPE_CHECKING:
        list = event_good_list.async_list
    else:
        list = lazy_method("event_good_list", "async_list")
