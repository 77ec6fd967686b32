"""One call, from its first attempt to its outcome, written once for both transports.

:func:`call_flow` is a generator, as httpx's ``Auth.auth_flow`` is: it yields what is to be done
next (:class:`Send` this signed request, :class:`Sleep` this long before the next attempt) and is
sent back the :class:`Reply` of each :class:`Send`, or has the transport's error thrown into it
(an :class:`~.errors.APIConnectionError`, or a :class:`~.errors.ResponseDecodeError` for a reply
too large). So what a call is — sign afresh for each attempt, decode the reply, take the secrets
out of an error, retry only where :mod:`._retry` says it is safe, log one line per call — exists
once, and :func:`run_sync` and :func:`run_async` only carry bytes and sleep.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import anyio
import httpx

from . import _logging
from ._protocol import OperationInfo
from ._retry import is_retryable
from ._signing import PreparedRequest
from .errors import MaizuoError

__all__ = ["Call", "Outcome", "Reply", "Send", "Sleep", "call_flow", "run_async", "run_sync"]

T = TypeVar("T")


@dataclass(frozen=True)
class Reply:
    """A reply as received: its status, headers and whole body (inflated, within the limit)."""

    status_code: int
    headers: Mapping[str, str]
    """Case-insensitive (``httpx.Headers``)."""
    body: bytes


@dataclass(frozen=True)
class Send:
    """Send ``request`` and give back its :class:`Reply` (or throw the transport's error)."""

    request: PreparedRequest
    timeout: httpx.Timeout


@dataclass(frozen=True)
class Sleep:
    """Wait ``seconds`` before the next attempt."""

    seconds: float


Step = Send | Sleep


@dataclass(frozen=True)
class Call(Generic[T]):
    """Everything :func:`call_flow` needs to make one call."""

    op: OperationInfo
    prepare: Callable[[], PreparedRequest]
    """The signed request of one attempt (each attempt is signed anew: a fresh timestamp)."""
    decode: Callable[[Reply], T]
    """The result of a reply, or the exception it stands for."""
    timeout: httpx.Timeout
    max_retries: int
    backoff: Callable[[int], float]
    """The seconds to wait before retry number 1, 2, …"""
    format: str
    max_retry_wait: float = 60.0
    """The longest wait the reply may ask for (``retry_after``) and still be waited out."""
    total_timeout: float | None = None
    """Seconds the call may take in all, attempts and waits; ``None`` for no bound."""
    secrets: tuple[str | None, ...] = field(default=(), repr=False)
    """What to take out of an error's text besides the request's own (the app secret, …)."""
    clock: Callable[[], float] = time.monotonic


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """How a call ended when a reply came: its last reply, and its value or its error."""

    reply: Reply
    value: T | None
    error: MaizuoError | None
    retries: int

    def unwrap(self) -> T:
        """The value, or the error raised."""
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]  # no error: the value was decoded

    @property
    def request_id(self) -> str | None:
        """TOP's request id, from the decoded value or the error."""
        source: Any = self.error if self.error is not None else self.value
        if isinstance(source, Mapping):
            value = source.get("request_id")
        else:
            value = getattr(source, "request_id", None)
        return None if value is None else str(value)


def call_flow(call: Call[T]) -> Generator[Step, Reply | None, Outcome[T]]:
    """The steps of one call; returns its :class:`Outcome`, or raises the transport's error
    when no reply came (see the module docstring)."""
    started = call.clock()
    method = call.op.method
    retries = 0
    while True:
        request = call.prepare()
        _logging.log_request(method, retries + 1, request)
        reply: Reply | None = None
        try:
            reply = yield Send(request, _within(call.timeout, _left(call, started)))
            assert reply is not None  # a Send is answered with its reply
            value = call.decode(reply)
        except MaizuoError as error:
            error._redact((*request.secrets, *call.secrets))
            delay = _retry_delay(call, error, retries, started)
            if delay is not None:
                retries += 1
                _logging.log_retry(method, retries, delay, error)
                yield Sleep(delay)
                continue
            request_id = getattr(error, "request_id", None)
            elapsed = call.clock() - started
            _logging.log_failure(method, call.format, elapsed, request_id, retries, error)
            if reply is None:
                raise
            return Outcome(reply, None, error, retries)
        outcome = Outcome(reply, value, None, retries)
        elapsed = call.clock() - started
        _logging.log_success(method, call.format, elapsed, outcome.request_id, retries)
        return outcome


def _retry_delay(call: Call[Any], error: MaizuoError, retries: int, started: float) -> float | None:
    """Seconds to wait before sending the call again, or ``None`` to give up: no retries left,
    not safe to resend (:mod:`._retry`), a wait asked for over :attr:`Call.max_retry_wait`, or
    no time left for the wait within :attr:`Call.total_timeout`."""
    if retries >= call.max_retries or not is_retryable(error, idempotent=call.op.idempotent):
        return None
    delay = call.backoff(retries + 1)
    if error.retry_after is not None:
        if error.retry_after > call.max_retry_wait:
            return None
        delay = max(delay, error.retry_after)
    left = _left(call, started)
    if left is not None and delay >= left:
        return None
    return delay


def _left(call: Call[Any], started: float) -> float | None:
    """Seconds left of the call's total timeout, or ``None`` when it has none."""
    if call.total_timeout is None:
        return None
    return call.total_timeout - (call.clock() - started)


def _within(timeout: httpx.Timeout, left: float | None) -> httpx.Timeout:
    """``timeout`` with no part longer than the ``left`` seconds of the call's total timeout."""
    if left is None:
        return timeout
    left = max(left, 0.001)
    parts = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    if all(part is not None and part <= left for part in parts):
        return timeout
    bounded = [left if part is None else min(part, left) for part in parts]
    return httpx.Timeout(connect=bounded[0], read=bounded[1], write=bounded[2], pool=bounded[3])


def run_sync(
    flow: Generator[Step, Reply | None, Outcome[T]], send: Callable[[Send], Reply]
) -> Outcome[T]:
    """Drive ``flow`` with a blocking transport."""
    try:
        step = next(flow)
        while True:
            if isinstance(step, Sleep):
                time.sleep(step.seconds)
                step = flow.send(None)
                continue
            try:
                reply = send(step)
            except MaizuoError as error:
                failure = error
            else:
                step = flow.send(reply)
                continue
            step = flow.throw(failure)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    finally:
        flow.close()


async def run_async(
    flow: Generator[Step, Reply | None, Outcome[T]], send: Callable[[Send], Awaitable[Reply]]
) -> Outcome[T]:
    """Drive ``flow`` with an async transport (asyncio or trio)."""
    try:
        step = next(flow)
        while True:
            if isinstance(step, Sleep):
                await anyio.sleep(step.seconds)
                step = flow.send(None)
                continue
            try:
                reply = await send(step)
            except MaizuoError as error:
                failure = error
            else:
                step = flow.send(reply)
                continue
            step = flow.throw(failure)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    finally:
        flow.close()
