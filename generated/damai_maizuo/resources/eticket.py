"""Resources under ``client.eticket``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import eticket_qrcode

__all__ = [
    "AsyncEticketResource",
    "EticketResource",
]


class EticketResource(SyncAPIResource):
    """``client.eticket``"""

    if TYPE_CHECKING:
        qrcode = eticket_qrcode.qrcode
    else:
        qrcode = lazy_method("eticket_qrcode", "qrcode")


class AsyncEticketResource(AsyncAPIResource):
    """``client.eticket`` (async)"""

    if TYPE_CHECKING:
        qrcode = eticket_qrcode.async_qrcode
    else:
        qrcode = lazy_method("eticket_qrcode", "async_qrcode")
