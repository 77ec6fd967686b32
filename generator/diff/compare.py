"""Compare two IRs: the API as a whole, then each endpoint, matched by its TOP method."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..ir import Api, BusinessResult, Example, Operation
from .changes import Change, Location
from .fields import Classes, FieldDiff
from .text import quoted, text_change, value


def diff_apis(old: Api, new: Api) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, sorted by endpoint, then most severe first.

    ``info.version`` is not compared: it is what a release sets from this very diff.
    """
    changes = list(_api_changes(old, new))
    old_ops = {op.top_method: op for op in old.operations}
    new_ops = {op.top_method: op for op in new.operations}
    for method in sorted(old_ops.keys() - new_ops.keys()):
        changes.append(
            Change(
                method,
                Location.ENDPOINT,
                "",
                "endpoint-removed",
                f"client.{old_ops[method].call_path} no longer exists",
            )
        )
    for method in sorted(new_ops.keys() - old_ops.keys()):
        changes.append(
            Change(method, Location.ENDPOINT, "", "endpoint-added", quoted(new_ops[method].summary))
        )
    for method in sorted(old_ops.keys() & new_ops.keys()):
        changes.extend(_operation_changes(old_ops[method], new_ops[method]))
    return tuple(sorted(changes, key=lambda c: (c.endpoint, *c.sort_key())))


def _api_changes(old: Api, new: Api) -> Iterator[Change]:
    def change(rule_id: str, detail: str) -> Change:
        return Change("", Location.API, "", rule_id, detail)

    for label, before, after in (
        ("distribution", old.distribution, new.distribution),
        ("import name", old.package, new.package),
        ("environment prefix", old.env_prefix, new.env_prefix),
    ):
        if before != after:
            yield change("api-package-renamed", f"{label} {before} → {after}")
    for label, before, after in (
        ("title", old.title, new.title),
        ("summary", old.summary, new.summary),
        ("description", old.description, new.description),
    ):
        if before != after:
            yield change("api-docs-changed", f"{label} " + text_change(before, after))
    old_servers = {s.url: s for s in old.servers}
    new_servers = {s.url: s for s in new.servers}
    for server in old.servers:
        if server.url not in new_servers:
            yield change("api-server-removed", server.url)
    for server in new.servers:
        was = old_servers.get(server.url)
        if was is None:
            yield change("api-server-added", server.url)
        elif was.description != server.description:
            yield change(
                "api-docs-changed",
                f"server {server.url} " + text_change(was.description, server.description),
            )
    walker = FieldDiff(
        Classes(
            {old.error_model.name: old.error_model}, {new.error_model.name: new.error_model}, {}, {}
        ),
        Location.RESPONSE,
    )
    walker.members(old.error_model.fields, new.error_model.fields, "error_response")
    for path, rule_id, detail in walker.found:
        yield Change("", Location.RESPONSE, path, rule_id, detail)


def _operation_changes(old: Operation, new: Operation) -> Iterator[Change]:
    method = new.top_method

    def change(rule_id: str, detail: str) -> Change:
        return Change(method, Location.ENDPOINT, "", rule_id, detail)

    if old.summary != new.summary:
        yield change("endpoint-summary-changed", text_change(old.summary, new.summary))
    if old.description != new.description:
        yield change("endpoint-description-changed", text_change(old.description, new.description))
    if old.idempotent != new.idempotent:
        retries = (
            "now retried on transient failures" if new.idempotent else "no longer retried once sent"
        )
        yield change(
            "endpoint-idempotent-changed",
            f"{value(old.idempotent)} → {value(new.idempotent)}: calls are {retries}",
        )
    if old.session != new.session:
        stricter = new.session == "required"
        rule_id = "endpoint-session-required" if stricter else "endpoint-session-relaxed"
        yield change(rule_id, f"{old.session} → {new.session}")
    business = _business_rule(old.business_result, new.business_result)
    if business is not None:
        yield change(
            business,
            f"{_business_text(old.business_result)} → {_business_text(new.business_result)}",
        )
    for kind, before, after in (
        ("request", old.request_examples, new.request_examples),
        ("response", old.response_examples, new.response_examples),
        ("XML response", old.xml_response_examples, new.xml_response_examples),
        ("error", old.error_examples, new.error_examples),
        ("XML error", old.xml_error_examples, new.xml_error_examples),
    ):
        for detail in _example_changes(kind, before, after):
            yield change("endpoint-examples-changed", detail)
    if old.doc_notes != new.doc_notes:
        yield change(
            "endpoint-doc-notes-changed",
            text_change(value(dict(old.doc_notes)), value(dict(new.doc_notes))),
        )

    classes = Classes(
        {m.name: m for m in old.models},
        {m.name: m for m in new.models},
        {e.name: e for e in old.enums},
        {e.name: e for e in new.enums},
    )
    request = FieldDiff(classes, Location.REQUEST)
    request.members(old.params, new.params)
    response = FieldDiff(classes, Location.RESPONSE)
    response.members(old.response.fields, new.response.fields)
    for walker in (request, response):
        for path, rule_id, detail in walker.found:
            yield Change(method, walker.location, path, rule_id, detail)


def _business_rule(old: BusinessResult | None, new: BusinessResult | None) -> str | None:
    if old == new:
        return None
    if old is None:
        return "endpoint-business-result-added"
    if new is None:
        return "endpoint-business-result-removed"
    if (old.path, old.success) != (new.path, new.success):
        return "endpoint-business-result-moved"
    return "endpoint-business-result-detail-changed"


def _business_text(marker: BusinessResult | None) -> str:
    if marker is None:
        return "(none)"
    where = ".".join(marker.path)
    parts = [f"success={where + '.' if where else ''}{marker.success}"]
    parts += [
        f"{role}={name}"
        for role, name in (("code", marker.code), ("message", marker.message))
        if name
    ]
    return " ".join(parts)


def _example_changes(kind: str, old: Sequence[Example], new: Sequence[Example]) -> Iterator[str]:
    old_by_name = {e.name: e for e in old}
    new_names = {e.name for e in new}
    for example in old:
        if example.name not in new_names:
            yield f"{kind} {example.name!r} removed"
    for example in new:
        before = old_by_name.get(example.name)
        if before is None:
            yield f"{kind} {example.name!r} added"
        elif before != example:
            yield f"{kind} {example.name!r} changed"
