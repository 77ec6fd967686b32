"""Resources under ``client.order``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from .._base_client import AsyncAPIResource, SyncAPIResource
from ..endpoints import order_submit

__all__ = [
    "AsyncOrderResource",
    "OrderResource",
]


class OrderResource(SyncAPIResource):
    """``client.order``"""

    submit = order_submit.submit


class AsyncOrderResource(AsyncAPIResource):
    """``client.order`` (async)"""

    submit = order_submit.async_submit
