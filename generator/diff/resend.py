"""An endpoint's ``x-top-idempotent`` flipped: whether the SDK may now send a call twice.

``true`` lets the SDK resend a call after a read timeout, an HTTP 5xx or an ``isp.*`` error,
when the first attempt may have reached the service. For a call that creates an order or moves
money, one resend too many is a second order or a second charge, so there the change is
breaking: it fails ``--fail-on breaking`` until a reviewer accepts it with a reason.
"""

from __future__ import annotations

from ..ir import Operation

MONEY_WORDS = frozenset({"order", "orders", "trade", "pay", "payment", "refund"})
"""Words of a TOP method that name orders or payments."""
READ_WORDS = frozenset(
    {"get", "query", "list", "search", "detail", "details", "info", "count", "status", "check"}
)
"""Last words of a TOP method that only read."""


def moves_money(operation: Operation) -> bool:
    """Does the call create an order or a payment (``order.submit``, ``trade.pay.result.callback``
    as opposed to ``order.detail.get``)? Judged by the words of its TOP method."""
    words = operation.top_method.replace("_", ".").lower().split(".")
    return bool(MONEY_WORDS.intersection(words)) and words[-1] not in READ_WORDS


def idempotent_rule(new: Operation) -> tuple[str, str]:
    """The rule id and detail of a changed ``x-top-idempotent``, ``new`` being the endpoint after."""
    if not new.idempotent:
        return (
            "endpoint-no-longer-idempotent",
            "true → false: no longer resent once a request may have reached the service",
        )
    if moves_money(new):
        return (
            "endpoint-money-call-may-be-sent-twice",
            f"false → true: client.{new.call_path}() creates an order or a payment, and a "
            "timed-out or failed call may now be sent again: a second order or charge",
        )
    return (
        "endpoint-may-be-sent-twice",
        "false → true: a timed-out or failed call may now be sent again",
    )
