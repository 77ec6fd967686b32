"""The HTTP face of the gateway: which request goes where, and the reply each one gets.

- ``/router/rest``: the TOP gateway (GET and POST; other verbs get TOP's 9 Http Action Not
  Allowed). A POST body must be a form (415 otherwise) of at most 1 MiB (413 otherwise).
- ``GET /_mock/requests``: the recorded requests as JSON; ``DELETE /_mock/requests`` forgets them.
- Any other path: 404; another verb on ``/_mock/requests``: 405.

A plain function from a parsed :class:`~.connections.Request` to a
:class:`~.connections.Response`, which :mod:`.connections` puts on the wire (in full, cut short,
dripped or not at all, as the gateway's :class:`~.gateway.Answer` says).
"""

from __future__ import annotations

import json
import logging

from .engine import Answer, Gateway
from .form import MAX_BODY, Form, parse_form, unsupported_content_type
from .wire import Handler, Request, Response

# Named after the package it runs in: "generator.mock" here, "<sdk>.testing.mock" in the SDK
# that carries a copy of this module.
logger = logging.getLogger(__name__.rpartition(".")[0])

ROUTER_PATH = "/router/rest"
RECORDS_PATH = "/_mock/requests"
DRAIN_LIMIT = 16 * MAX_BODY
"""A body over 1 MiB is still read to this size, so the client gets to read the 413."""
_LOG_METHOD_LENGTH = 80
_OWN_HEADERS = frozenset({"content-type", "content-length", "connection"})
_TEXT = "text/plain; charset=utf-8"
_NO_QUERY = Form((), True)
_NOT_FOUND = Response(404, b"Not Found", _TEXT)
_NOT_ALLOWED = Response(405, b"Method Not Allowed", _TEXT, (("allow", "GET, DELETE, HEAD"),))


def create_handler(gateway: Gateway) -> Handler:
    """The handler serving ``gateway``."""

    def handle(request: Request) -> Response:
        if request.path == ROUTER_PATH:
            return _response(_answer(gateway, request))
        if request.path == RECORDS_PATH:
            return _recorded_requests(gateway, request.method)
        return _NOT_FOUND

    return handle


def _answer(gateway: Gateway, request: Request) -> Answer:
    http_method = request.method
    query = parse_form(request.query) if request.query else _NO_QUERY
    if http_method != "POST":  # only a POST has a body TOP reads
        return gateway.handle(http_method, query)
    if request.too_large:
        reason = f"the request body is over {MAX_BODY} bytes"
        return gateway.reject(http_method, 413, reason, query)
    body = request.body
    problem = unsupported_content_type(request.content_type) if body else None
    if problem is not None:
        return gateway.reject(http_method, 415, problem, query)
    form = parse_form(body) if query is _NO_QUERY else query + parse_form(body)
    return gateway.handle(http_method, form)


def _response(answer: Answer) -> Response:
    headers = tuple(
        (name, value) for name, value in answer.headers if name.lower() not in _OWN_HEADERS
    )
    says_close = any(
        name.lower() == "connection" and value.lower() == "close" for name, value in answer.headers
    )
    return Response(
        answer.status,
        answer.body,
        answer.content_type,
        headers,
        answer.delivery,
        answer.delay,
        answer.drip,
        # after a 413 the rest of a body too large to read may follow
        close=answer.status == 413 or says_close,
        before_sending=lambda elapsed: _log(answer, elapsed),
    )


def _recorded_requests(gateway: Gateway, http_method: str) -> Response:
    if http_method == "DELETE":
        gateway.recorder.clear()
        return Response(204)
    if http_method not in ("GET", "HEAD"):
        return _NOT_ALLOWED
    records = [record.to_json() for record in gateway.requests]
    body = json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(200, body, "application/json")


def _log(answer: Answer, elapsed: float) -> None:
    if not logger.isEnabledFor(logging.INFO):
        return
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
