"""Resources under ``client.trade``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import trade_pay_result_callback, trade_shopcart_build

__all__ = [
    "AsyncTradePayResource",
    "AsyncTradePayResultResource",
    "AsyncTradeResource",
    "AsyncTradeShopcartResource",
    "TradePayResource",
    "TradePayResultResource",
    "TradeResource",
    "TradeShopcartResource",
]


class TradeResource(SyncAPIResource):
    """``client.trade``"""

    @cached_property
    def pay(self) -> TradePayResource:
        """``client.trade.pay``"""
        return TradePayResource(self._client)

    @cached_property
    def shopcart(self) -> TradeShopcartResource:
        """``client.trade.shopcart``"""
        return TradeShopcartResource(self._client)


class TradePayResource(SyncAPIResource):
    """``client.trade.pay``"""

    @cached_property
    def result(self) -> TradePayResultResource:
        """``client.trade.pay.result``"""
        return TradePayResultResource(self._client)


class TradePayResultResource(SyncAPIResource):
    """``client.trade.pay.result``"""

    if TYPE_CHECKING:
        callback = trade_pay_result_callback.callback
    else:
        callback = lazy_method("trade_pay_result_callback", "callback")


class TradeShopcartResource(SyncAPIResource):
    """``client.trade.shopcart``"""

    if TYPE_CHECKING:
        build = trade_shopcart_build.build
    else:
        build = lazy_method("trade_shopcart_build", "build")


class AsyncTradeResource(AsyncAPIResource):
    """``client.trade`` (async)"""

    @cached_property
    def pay(self) -> AsyncTradePayResource:
        """``client.trade.pay``"""
        return AsyncTradePayResource(self._client)

    @cached_property
    def shopcart(self) -> AsyncTradeShopcartResource:
        """``client.trade.shopcart``"""
        return AsyncTradeShopcartResource(self._client)


class AsyncTradePayResource(AsyncAPIResource):
    """``client.trade.pay`` (async)"""

    @cached_property
    def result(self) -> AsyncTradePayResultResource:
        """``client.trade.pay.result``"""
        return AsyncTradePayResultResource(self._client)


class AsyncTradePayResultResource(AsyncAPIResource):
    """``client.trade.pay.result`` (async)"""

    if TYPE_CHECKING:
        callback = trade_pay_result_callback.async_callback
    else:
        callback = lazy_method("trade_pay_result_callback", "async_callback")


class AsyncTradeShopcartResource(AsyncAPIResource):
    """``client.trade.shopcart`` (async)"""

    if TYPE_CHECKING:
        build = trade_shopcart_build.async_build
    else:
        build = lazy_method("trade_shopcart_build", "async_build")
