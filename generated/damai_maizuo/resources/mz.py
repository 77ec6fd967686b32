"""Resources under ``client.mz``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import (
        mz_b_order_create,
        mz_b_ptnr_order_tickets,
        mz_b_ticket_list,
        mz_crm_account_modifypwd,
        mz_distribution_order_create,
        mz_event_list,
        mz_order_create,
        mz_order_detail,
        mz_order_render,
        mz_project_detail,
        mz_seat_list,
        mz_seat_state_list,
        mz_user_register,
    )

__all__ = [
    "AsyncMzBOrderResource",
    "AsyncMzBPtnrOrderResource",
    "AsyncMzBPtnrResource",
    "AsyncMzBResource",
    "AsyncMzBTicketResource",
    "AsyncMzCrmAccountResource",
    "AsyncMzCrmResource",
    "AsyncMzDistributionOrderResource",
    "AsyncMzDistributionResource",
    "AsyncMzEventResource",
    "AsyncMzOrderResource",
    "AsyncMzProjectResource",
    "AsyncMzResource",
    "AsyncMzSeatResource",
    "AsyncMzSeatStateResource",
    "AsyncMzUserResource",
    "MzBOrderResource",
    "MzBPtnrOrderResource",
    "MzBPtnrResource",
    "MzBResource",
    "MzBTicketResource",
    "MzCrmAccountResource",
    "MzCrmResource",
    "MzDistributionOrderResource",
    "MzDistributionResource",
    "MzEventResource",
    "MzOrderResource",
    "MzProjectResource",
    "MzResource",
    "MzSeatResource",
    "MzSeatStateResource",
    "MzUserResource",
]


class MzResource(SyncAPIResource):
    """``client.mz``"""

    @cached_property
    def b(self) -> MzBResource:
        """``client.mz.b``"""
        return MzBResource(self._client)

    @cached_property
    def crm(self) -> MzCrmResource:
        """``client.mz.crm``"""
        return MzCrmResource(self._client)

    @cached_property
    def distribution(self) -> MzDistributionResource:
        """``client.mz.distribution``"""
        return MzDistributionResource(self._client)

    @cached_property
    def event(self) -> MzEventResource:
        """``client.mz.event``"""
        return MzEventResource(self._client)

    @cached_property
    def order(self) -> MzOrderResource:
        """``client.mz.order``"""
        return MzOrderResource(self._client)

    @cached_property
    def project(self) -> MzProjectResource:
        """``client.mz.project``"""
        return MzProjectResource(self._client)

    @cached_property
    def seat(self) -> MzSeatResource:
        """``client.mz.seat``"""
        return MzSeatResource(self._client)

    @cached_property
    def user(self) -> MzUserResource:
        """``client.mz.user``"""
        return MzUserResource(self._client)


class MzBResource(SyncAPIResource):
    """``client.mz.b``"""

    @cached_property
    def order(self) -> MzBOrderResource:
        """``client.mz.b.order``"""
        return MzBOrderResource(self._client)

    @cached_property
    def ptnr(self) -> MzBPtnrResource:
        """``client.mz.b.ptnr``"""
        return MzBPtnrResource(self._client)

    @cached_property
    def ticket(self) -> MzBTicketResource:
        """``client.mz.b.ticket``"""
        return MzBTicketResource(self._client)


class MzBOrderResource(SyncAPIResource):
    """``client.mz.b.order``"""

    if TYPE_CHECKING:
        create = mz_b_order_create.create
    else:
        create = lazy_method("mz_b_order_create", "create")


class MzBPtnrResource(SyncAPIResource):
    """``client.mz.b.ptnr``"""

    @cached_property
    def order(self) -> MzBPtnrOrderResource:
        """``client.mz.b.ptnr.order``"""
        return MzBPtnrOrderResource(self._client)


class MzBPtnrOrderResource(SyncAPIResource):
    """``client.mz.b.ptnr.order``"""

    if TYPE_CHECKING:
        tickets = mz_b_ptnr_order_tickets.tickets
    else:
        tickets = lazy_method("mz_b_ptnr_order_tickets", "tickets")


class MzBTicketResource(SyncAPIResource):
    """``client.mz.b.ticket``"""

    if TYPE_CHECKING:
        list = mz_b_ticket_list.list
    else:
        list = lazy_method("mz_b_ticket_list", "list")


class MzCrmResource(SyncAPIResource):
    """``client.mz.crm``"""

    @cached_property
    def account(self) -> MzCrmAccountResource:
        """``client.mz.crm.account``"""
        return MzCrmAccountResource(self._client)


class MzCrmAccountResource(SyncAPIResource):
    """``client.mz.crm.account``"""

    if TYPE_CHECKING:
        modifypwd = mz_crm_account_modifypwd.modifypwd
    else:
        modifypwd = lazy_method("mz_crm_account_modifypwd", "modifypwd")


class MzDistributionResource(SyncAPIResource):
    """``client.mz.distribution``"""

    @cached_property
    def order(self) -> MzDistributionOrderResource:
        """``client.mz.distribution.order``"""
        return MzDistributionOrderResource(self._client)


class MzDistributionOrderResource(SyncAPIResource):
    """``client.mz.distribution.order``"""

    if TYPE_CHECKING:
        create = mz_distribution_order_create.create
    else:
        create = lazy_method("mz_distribution_order_create", "create")


class MzEventResource(SyncAPIResource):
    """``client.mz.event``"""

    if TYPE_CHECKING:
        list = mz_event_list.list
    else:
        list = lazy_method("mz_event_list", "list")


class MzOrderResource(SyncAPIResource):
    """``client.mz.order``"""

    if TYPE_CHECKING:
        create = mz_order_create.create
        detail = mz_order_detail.detail
        render = mz_order_render.render
    else:
        create = lazy_method("mz_order_create", "create")
        detail = lazy_method("mz_order_detail", "detail")
        render = lazy_method("mz_order_render", "render")


class MzProjectResource(SyncAPIResource):
    """``client.mz.project``"""

    if TYPE_CHECKING:
        detail = mz_project_detail.detail
    else:
        detail = lazy_method("mz_project_detail", "detail")


class MzSeatResource(SyncAPIResource):
    """``client.mz.seat``"""

    if TYPE_CHECKING:
        list = mz_seat_list.list
    else:
        list = lazy_method("mz_seat_list", "list")

    @cached_property
    def state(self) -> MzSeatStateResource:
        """``client.mz.seat.state``"""
        return MzSeatStateResource(self._client)


class MzSeatStateResource(SyncAPIResource):
    """``client.mz.seat.state``"""

    if TYPE_CHECKING:
        list = mz_seat_state_list.list
    else:
        list = lazy_method("mz_seat_state_list", "list")


class MzUserResource(SyncAPIResource):
    """``client.mz.user``"""

    if TYPE_CHECKING:
        register = mz_user_register.register
    else:
        register = lazy_method("mz_user_register", "register")


class AsyncMzResource(AsyncAPIResource):
    """``client.mz`` (async)"""

    @cached_property
    def b(self) -> AsyncMzBResource:
        """``client.mz.b``"""
        return AsyncMzBResource(self._client)

    @cached_property
    def crm(self) -> AsyncMzCrmResource:
        """``client.mz.crm``"""
        return AsyncMzCrmResource(self._client)

    @cached_property
    def distribution(self) -> AsyncMzDistributionResource:
        """``client.mz.distribution``"""
        return AsyncMzDistributionResource(self._client)

    @cached_property
    def event(self) -> AsyncMzEventResource:
        """``client.mz.event``"""
        return AsyncMzEventResource(self._client)

    @cached_property
    def order(self) -> AsyncMzOrderResource:
        """``client.mz.order``"""
        return AsyncMzOrderResource(self._client)

    @cached_property
    def project(self) -> AsyncMzProjectResource:
        """``client.mz.project``"""
        return AsyncMzProjectResource(self._client)

    @cached_property
    def seat(self) -> AsyncMzSeatResource:
        """``client.mz.seat``"""
        return AsyncMzSeatResource(self._client)

    @cached_property
    def user(self) -> AsyncMzUserResource:
        """``client.mz.user``"""
        return AsyncMzUserResource(self._client)


class AsyncMzBResource(AsyncAPIResource):
    """``client.mz.b`` (async)"""

    @cached_property
    def order(self) -> AsyncMzBOrderResource:
        """``client.mz.b.order``"""
        return AsyncMzBOrderResource(self._client)

    @cached_property
    def ptnr(self) -> AsyncMzBPtnrResource:
        """``client.mz.b.ptnr``"""
        return AsyncMzBPtnrResource(self._client)

    @cached_property
    def ticket(self) -> AsyncMzBTicketResource:
        """``client.mz.b.ticket``"""
        return AsyncMzBTicketResource(self._client)


class AsyncMzBOrderResource(AsyncAPIResource):
    """``client.mz.b.order`` (async)"""

    if TYPE_CHECKING:
        create = mz_b_order_create.async_create
    else:
        create = lazy_method("mz_b_order_create", "async_create")


class AsyncMzBPtnrResource(AsyncAPIResource):
    """``client.mz.b.ptnr`` (async)"""

    @cached_property
    def order(self) -> AsyncMzBPtnrOrderResource:
        """``client.mz.b.ptnr.order``"""
        return AsyncMzBPtnrOrderResource(self._client)


class AsyncMzBPtnrOrderResource(AsyncAPIResource):
    """``client.mz.b.ptnr.order`` (async)"""

    if TYPE_CHECKING:
        tickets = mz_b_ptnr_order_tickets.async_tickets
    else:
        tickets = lazy_method("mz_b_ptnr_order_tickets", "async_tickets")


class AsyncMzBTicketResource(AsyncAPIResource):
    """``client.mz.b.ticket`` (async)"""

    if TYPE_CHECKING:
        list = mz_b_ticket_list.async_list
    else:
        list = lazy_method("mz_b_ticket_list", "async_list")


class AsyncMzCrmResource(AsyncAPIResource):
    """``client.mz.crm`` (async)"""

    @cached_property
    def account(self) -> AsyncMzCrmAccountResource:
        """``client.mz.crm.account``"""
        return AsyncMzCrmAccountResource(self._client)


class AsyncMzCrmAccountResource(AsyncAPIResource):
    """``client.mz.crm.account`` (async)"""

    if TYPE_CHECKING:
        modifypwd = mz_crm_account_modifypwd.async_modifypwd
    else:
        modifypwd = lazy_method("mz_crm_account_modifypwd", "async_modifypwd")


class AsyncMzDistributionResource(AsyncAPIResource):
    """``client.mz.distribution`` (async)"""

    @cached_property
    def order(self) -> AsyncMzDistributionOrderResource:
        """``client.mz.distribution.order``"""
        return AsyncMzDistributionOrderResource(self._client)


class AsyncMzDistributionOrderResource(AsyncAPIResource):
    """``client.mz.distribution.order`` (async)"""

    if TYPE_CHECKING:
        create = mz_distribution_order_create.async_create
    else:
        create = lazy_method("mz_distribution_order_create", "async_create")


class AsyncMzEventResource(AsyncAPIResource):
    """``client.mz.event`` (async)"""

    if TYPE_CHECKING:
        list = mz_event_list.async_list
    else:
        list = lazy_method("mz_event_list", "async_list")


class AsyncMzOrderResource(AsyncAPIResource):
    """``client.mz.order`` (async)"""

    if TYPE_CHECKING:
        create = mz_order_create.async_create
        detail = mz_order_detail.async_detail
        render = mz_order_render.async_render
    else:
        create = lazy_method("mz_order_create", "async_create")
        detail = lazy_method("mz_order_detail", "async_detail")
        render = lazy_method("mz_order_render", "async_render")


class AsyncMzProjectResource(AsyncAPIResource):
    """``client.mz.project`` (async)"""

    if TYPE_CHECKING:
        detail = mz_project_detail.async_detail
    else:
        detail = lazy_method("mz_project_detail", "async_detail")


class AsyncMzSeatResource(AsyncAPIResource):
    """``client.mz.seat`` (async)"""

    if TYPE_CHECKING:
        list = mz_seat_list.async_list
    else:
        list = lazy_method("mz_seat_list", "async_list")

    @cached_property
    def state(self) -> AsyncMzSeatStateResource:
        """``client.mz.seat.state``"""
        return AsyncMzSeatStateResource(self._client)


class AsyncMzSeatStateResource(AsyncAPIResource):
    """``client.mz.seat.state`` (async)"""

    if TYPE_CHECKING:
        list = mz_seat_state_list.async_list
    else:
        list = lazy_method("mz_seat_state_list", "async_list")


class AsyncMzUserResource(AsyncAPIResource):
    """``client.mz.user`` (async)"""

    if TYPE_CHECKING:
        register = mz_user_register.async_register
    else:
        register = lazy_method("mz_user_register", "async_register")
