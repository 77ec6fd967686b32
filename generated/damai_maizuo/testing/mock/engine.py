"""The gateway itself: one parsed call in, one :class:`Answer` out, with no I/O.

It is built from the endpoints' data alone (:mod:`.endpoints`), so an endpoint added to the spec
is served with no code change, and it imports nothing but the standard library and its sibling
modules, so that the SDK's testing kit carries it verbatim (``Gateway.from_spec`` of
:mod:`.gateway` is the generator's way in). The order of what it does with a call:

1. 9 Http Action Not Allowed for a verb other than GET or POST; 47 Invalid encoding when the
   query or body is not UTF-8; 41 ``isv.invalid-parameter:<name>`` when a parameter is given twice
   (in the query, the body, or both). The real gateway, a Java servlet, would likely read the
   first value; the mock refuses, so a client bug that sends a parameter twice shows up.
2. The system parameters, in the real gateway's order (see :mod:`.system`).
3. The business parameters against the operation's schema (see :mod:`.business`).
4. The first matching scenario, if any (see :mod:`.scenarios`); otherwise the endpoint's normal
   reply: the spec's example (its first JSON example; for XML its first XML example, else the
   JSON one written as XML), or a sample built from the response model when the spec has no
   example (worked out when the data is made).

Parameters that neither TOP nor the operation defines are ignored, as the real gateway ignores
them, but they must be signed like any other, and each record lists them. Every reply carries a
new ``request_id``.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..top import SYSTEM_PARAMS
from .business import ParamChecker
from .codes import GatewayError, invalid_parameter
from .endpoints import Endpoint
from .form import Form
from .recording import Outcome, RecordedRequest, Recorder, mask, redact
from .render import Rendered, ReplyForm, render_error, render_success
from .scenarios import (
    CutShort,
    Drip,
    Drop,
    HttpStatus,
    Reply,
    Result,
    Scenario,
    Scenarios,
    TopError,
)
from .system import Credentials, check_system

Delivery = Literal["full", "cut-short", "drop", "drip"]


@dataclass(frozen=True)
class Answer:
    """What to send back, and how: in full, cut short, slowly, or not at all (the connection
    dropped)."""

    status: int
    body: bytes
    content_type: str
    record: RecordedRequest
    headers: tuple[tuple[str, str], ...] = ()
    delivery: Delivery = "full"
    delay: float = 0.0
    drip: tuple[int, float] = (1, 0.0)
    """For a dripped reply: the bytes sent at a time and the seconds between them."""


@dataclass(frozen=True)
class _Served:
    """One endpoint with the checker of its parameters, made once."""

    endpoint: Endpoint
    checker: ParamChecker


class Gateway:
    """A mock TOP gateway for ``endpoints``, knowing one app and one session.

    The credentials have no defaults here: the generator's mock offers those of TOP's signing
    example, the SDK's testing kit makes new ones for each gateway, and neither kind belongs
    in the SDK's files.
    """

    def __init__(
        self,
        endpoints: Sequence[Endpoint],
        *,
        app_key: str,
        app_secret: str,
        session: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.endpoints = tuple(endpoints)
        self.credentials = Credentials(app_key, app_secret, session)
        self.scenarios = Scenarios()
        self.recorder = Recorder()
        self._clock = clock
        self._served = {e.method: _Served(e, ParamChecker(e)) for e in self.endpoints}
        self._endpoints = {method: served.endpoint for method, served in self._served.items()}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self._endpoints)} methods, app_key={self.credentials.app_key!r})"

    # -- for tests ---------------------------------------------------------------------------
    def add_scenario(
        self,
        reply: Reply | None = None,
        *,
        replies: Sequence[Reply] = (),
        method: str | None = None,
        params: Mapping[str, Any] | None = None,
        times: int | None = None,
        name: str = "",
    ) -> Scenario:
        """Answer matching calls with ``reply`` (or with ``replies`` in turn); see
        :meth:`Scenario.of`. Returns the scenario added."""
        scenario = Scenario.of(
            reply, replies=replies, method=method, params=params, times=times, name=name
        )
        self.scenarios.add(scenario)
        return scenario

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received since the last reset, oldest first."""
        return self.recorder.all()

    def reset(self) -> None:
        """Forget the scenarios and the recorded requests."""
        self.scenarios.clear()
        self.recorder.clear()

    # -- serving -----------------------------------------------------------------------------
    def handle(self, http_method: str, form: Form) -> Answer:
        """Check and answer one call whose parameters (query and body together) are ``form``."""
        params, repeated = _collect(form.pairs)
        call = _Call(http_method, params)
        reply_form = ReplyForm.of(params)
        request_id = secrets.token_hex(8)
        try:
            if http_method not in ("GET", "POST"):
                raise GatewayError(9, "只接受 GET 或 POST / only GET and POST are allowed")
            if not form.utf8:
                raise GatewayError(47, "请求含有非 UTF-8 字节 / the request is not UTF-8")
            if repeated is not None:
                raise invalid_parameter(repeated, repeated, "重复出现", "is given more than once")
            endpoint = check_system(params, self._endpoints, self.credentials, self._clock())
            call.served = self._served[endpoint.method]
            call.served.checker.check(params)
        except GatewayError as error:
            rendered = render_error(error.fields(request_id), reply_form)
            return self._answer(call, rendered, "error", request_id, error=error)
        taken = self.scenarios.take(endpoint.method, params)
        if taken is None:
            rendered = self._normal(endpoint, reply_form, request_id)
            return self._answer(call, rendered, "ok", request_id)
        scenario, reply = taken
        return self._scenario_answer(call, endpoint, scenario, reply, reply_form, request_id)

    def reject(self, http_method: str, status: int, reason: str, query: Form) -> Answer:
        """Refuse a request whose body cannot be read (413, 415), saying why in plain text."""
        call = _Call(http_method, _collect(query.pairs)[0])
        rendered = Rendered(reason.encode("utf-8"), "text/plain; charset=utf-8")
        return self._answer(call, rendered, "rejected", None, status=status)

    def _normal(self, endpoint: Endpoint, form: ReplyForm, request_id: str) -> Rendered:
        return render_success(endpoint, endpoint.body, form, request_id, endpoint.xml)

    def _scenario_answer(
        self,
        call: _Call,
        endpoint: Endpoint,
        scenario: Scenario,
        reply: Reply,
        form: ReplyForm,
        request_id: str,
    ) -> Answer:
        name = scenario.name or scenario.method or "scenario"
        if isinstance(reply, HttpStatus):
            body = (
                reply.body.encode("utf-8", "replace") if isinstance(reply.body, str) else reply.body
            )
            return self._answer(
                call,
                Rendered(body, reply.content_type),
                "http",
                None,
                status=reply.status,
                headers=tuple(reply.headers.items()),
                scenario=name,
                delay=reply.delay,
            )
        if isinstance(reply, Drop):
            return self._answer(
                call,
                Rendered(b"", ""),
                "dropped",
                None,
                status=0,
                delivery="drop",
                scenario=name,
                delay=reply.delay,
            )
        if isinstance(reply, TopError):
            error = GatewayError(reply.code, reply.sub_msg, sub_code=reply.sub_code, msg=reply.msg)
            rendered = render_error(error.fields(request_id), form)
            return self._answer(
                call, rendered, "error", request_id, error=error, scenario=name, delay=reply.delay
            )
        if isinstance(reply, Result):
            rendered = render_success(endpoint, reply.body, form, request_id)
        else:
            rendered = self._normal(endpoint, form, request_id)
        if isinstance(reply, CutShort):
            return self._answer(
                call,
                rendered,
                "cut-short",
                request_id,
                delivery="cut-short",
                scenario=name,
                delay=reply.delay,
            )
        if isinstance(reply, Drip):
            answer = self._answer(
                call, rendered, "dripped", request_id, delivery="drip", scenario=name
            )
            return replace(answer, delay=reply.delay, drip=(reply.chunk, reply.interval))
        return self._answer(call, rendered, "ok", request_id, scenario=name, delay=reply.delay)

    def _answer(
        self,
        call: _Call,
        rendered: Rendered,
        outcome: Outcome,
        request_id: str | None,
        *,
        status: int = 200,
        error: GatewayError | None = None,
        scenario: str | None = None,
        headers: tuple[tuple[str, str], ...] = (),
        delivery: Delivery = "full",
        delay: float = 0.0,
    ) -> Answer:
        """Record the call with its outcome, and give the answer to send."""
        secret = self.credentials.app_secret
        known = SYSTEM_PARAMS | call.served.checker.names if call.served else None
        unknown = [name for name in call.params if known is not None and name not in known]
        params = redact(call.params, secret)
        record = RecordedRequest(
            seq=0,
            http_method=call.http_method,
            method=params.get("method") or None,
            params=params,
            unknown_params=tuple(mask(name, secret) for name in unknown),
            outcome=outcome,
            status=status,
            code=error.code if error is not None else None,
            sub_code=error.sub_code if error is not None else None,
            request_id=request_id,
            scenario=scenario,
        )
        record = self.recorder.add(record)
        return Answer(
            status, rendered.body, rendered.content_type, record, headers, delivery, delay
        )


@dataclass
class _Call:
    """A call as the gateway sees it: its parameters and, once known, its endpoint."""

    http_method: str
    params: dict[str, str]
    served: _Served | None = None


def _collect(pairs: Sequence[tuple[str, str]]) -> tuple[dict[str, str], str | None]:
    """The parameters by name (first value wins) and the first name given more than once."""
    params: dict[str, str] = {}
    repeated: str | None = None
    for name, value in pairs:
        if name in params:
            repeated = repeated or name
        else:
            params[name] = value
    return params, repeated
