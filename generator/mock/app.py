"""The HTTP face of the gateway: a Starlette app over a :class:`~.gateway.Gateway`.

- ``/router/rest``: the TOP gateway (GET and POST; other verbs get TOP's 9 Http Action Not
  Allowed). A POST body must be a form (415 otherwise) of at most 1 MiB (413 otherwise).
- ``GET /_mock/requests``: the recorded requests as JSON; ``DELETE /_mock/requests`` forgets them.

A scenario may cut a reply short or drop the connection, which plain ASGI has no message for. The
outermost layer, :class:`_ConnectionControl`, therefore hands the handler a way to close the
connection in the scope extension ``maizuo.close``; it finds uvicorn's transport through the
``send`` uvicorn passes in. The runners of :mod:`.server` always serve with uvicorn; under
another server a dropped connection becomes whatever that server does with an app that returns
without answering.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .form import MAX_BODY, parse_form, unsupported_content_type
from .gateway import Answer, Gateway

logger = logging.getLogger("generator.mock")

CLOSE_EXTENSION = "maizuo.close"
DRAIN_LIMIT = 16 * MAX_BODY
"""A body over 1 MiB is still read to this size, so the client gets to read the 413."""
_LOG_METHOD_LENGTH = 80


class _ClientGone(Exception):
    """The client closed the connection before its request was complete."""


class _TooLarge(Exception):
    """The body is over :data:`~.form.MAX_BODY`."""


def create_app(gateway: Gateway) -> ASGIApp:
    """The ASGI app serving ``gateway``."""

    async def recorded_requests(request: Request) -> Response:
        if request.method == "DELETE":
            gateway.recorder.clear()
            return Response(status_code=204)
        return JSONResponse([record.to_json() for record in gateway.requests])

    app = Starlette(
        routes=[
            Route("/router/rest", _RouterRest(gateway)),
            Route("/_mock/requests", recorded_requests, methods=["GET", "DELETE"]),
        ]
    )
    return _ConnectionControl(app)


class _ConnectionControl:
    """Adds ``scope["extensions"]["maizuo.close"] = {"close": <callable>}`` under uvicorn."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        transport = getattr(getattr(send, "__self__", None), "transport", None)
        if scope["type"] == "http" and isinstance(transport, asyncio.BaseTransport):
            extensions = dict(scope.get("extensions") or {})
            extensions[CLOSE_EXTENSION] = {"close": transport.close}
            scope = {**scope, "extensions": extensions}
        await self.app(scope, receive, send)


class _RouterRest:
    """``/router/rest`` as a plain ASGI app, to control exactly what goes on the wire."""

    def __init__(self, gateway: Gateway) -> None:
        self.gateway = gateway

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        try:
            answer = await self._answer(scope, receive)
        except _ClientGone:
            logger.info("%s - -> client went away mid-request", scope["method"])
            return
        if answer.delay:
            await asyncio.sleep(answer.delay)
        _log(answer, time.perf_counter() - started)  # before replying: a client may read the log
        await _deliver(answer, scope, receive, send)

    async def _answer(self, scope: Scope, receive: Receive) -> Answer:
        http_method: str = scope["method"]
        query = parse_form(scope["query_string"])
        if http_method != "POST":  # only a POST has a body TOP reads
            return self.gateway.handle(http_method, query)
        headers = Headers(scope=scope)
        try:
            body = await _read_body(receive, headers.get("content-length"))
        except _TooLarge:
            reason = f"the request body is over {MAX_BODY} bytes"
            return self.gateway.reject(http_method, 413, reason, query)
        problem = unsupported_content_type(headers.get("content-type")) if body else None
        if problem is not None:
            return self.gateway.reject(http_method, 415, problem, query)
        return self.gateway.handle(http_method, query + parse_form(body))


async def _read_body(receive: Receive, declared: str | None) -> bytes:
    """The request body; raises :class:`_TooLarge` past 1 MiB, :class:`_ClientGone`."""
    if declared is not None and declared.isdigit() and int(declared) > DRAIN_LIMIT:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        chunk: bytes = message.get("body", b"")
        size += len(chunk)
        if size > DRAIN_LIMIT:
            raise _TooLarge
        if size <= MAX_BODY:
            chunks.append(chunk)
        more = bool(message.get("more_body", False))
    if size > MAX_BODY:
        raise _TooLarge
    return b"".join(chunks)


async def _deliver(answer: Answer, scope: Scope, receive: Receive, send: Send) -> None:
    close: Callable[[], None] | None = (
        (scope.get("extensions") or {}).get(CLOSE_EXTENSION, {}).get("close")
    )
    if answer.delivery == "drop":
        await _close(close, receive)
        return
    headers = [
        (b"content-type", answer.content_type.encode("latin-1")),
        (b"content-length", str(len(answer.body)).encode("latin-1")),
    ]
    for name, value in answer.headers:
        if name.lower() not in ("content-type", "content-length"):
            headers.append((name.encode("latin-1"), value.encode("latin-1")))
    if answer.status == 413:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    if answer.delivery == "cut-short":
        part = answer.body[: len(answer.body) // 2]
        await send({"type": "http.response.body", "body": part, "more_body": True})
        await _close(close, receive)
        return
    if answer.delivery == "drip":
        await _drip(answer.body, *answer.drip, receive, send)
        return
    await send({"type": "http.response.body", "body": answer.body})


async def _drip(body: bytes, chunk: int, interval: float, receive: Receive, send: Send) -> None:
    """Send ``body`` a ``chunk`` at a time, ``interval`` seconds apart, until done or until
    the client has gone."""
    gone = asyncio.ensure_future(_disconnected(receive))
    try:
        for start in range(0, len(body), chunk):
            more = start + chunk < len(body)
            await send(
                {
                    "type": "http.response.body",
                    "body": body[start : start + chunk],
                    "more_body": more,
                }
            )
            if more and (await asyncio.wait({gone}, timeout=interval))[0]:
                return
    finally:
        gone.cancel()


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


async def _close(close: Callable[[], None] | None, receive: Receive) -> None:
    """Close the connection and wait (briefly) until the server has noticed."""
    if close is None:
        return
    close()
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(1.0):
            while (await receive())["type"] != "http.disconnect":
                pass


def _log(answer: Answer, elapsed: float) -> None:
    record = answer.record
    method = record.method or "-"
    if not method.isprintable() or len(method) > _LOG_METHOD_LENGTH:
        method = repr(method[:_LOG_METHOD_LENGTH])
    outcome: str = record.outcome
    if record.code is not None:
        outcome += f" {record.code}"
    elif record.outcome in ("http", "rejected"):
        outcome += f" {record.status}"
    if record.scenario:
        outcome += f" (scenario {record.scenario!r})"
    logger.info("%s %s -> %s in %.1f ms", record.http_method, method, outcome, elapsed * 1000)
