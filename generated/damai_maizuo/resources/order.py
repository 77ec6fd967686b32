"""Resources under ``client.order``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import order_submit

__all__ = [
    "AsyncOrderResource",
    "OrderResource",
]


class OrderResource(SyncAPIResource):
    """``client.order``"""

    if TYPE_CHECKING:
        submit = order_submit.submit
    else:
        submit = lazy_method("order_submit", "submit")


class AsyncOrderResource(AsyncAPIResource):
    """``client.order`` (async)"""

    if TYPE_CHECKING:
        submit = order_submit.async_submit
    else:
        submit = lazy_method("order_submit", "async_submit")
