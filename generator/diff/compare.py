"""Compare two IRs: the API as a whole, then each endpoint, matched by its TOP method.

What is compared is what an SDK user sees: the call paths and class names (a new method
prefix renames every ``client.x.y`` without touching an endpoint), the fields and the
constraints the service enforces, ``BusinessError``'s fields, and whether the SDK may resend a
call. The shared error reply is documentation: the runtime reads TOP errors by the protocol,
and no generated file is made from that schema.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..ir import Api, BusinessResult, Example, Operation, Resource
from ..pointer import join as join_pointer
from .changes import Change, Location, Side
from .fields import Classes, FieldDiff
from .raw import Documents
from .resend import idempotent_rule
from .rules import RULES
from .text import quoted, text_change, value


def diff_apis(old: Api, new: Api, documents: Documents | None = None) -> tuple[Change, ...]:
    """Every change from ``old`` to ``new``, sorted by endpoint, then most severe first.

    ``documents`` (both sides' bundled specs) lets the diff see what the IR does not carry;
    without them only the IR is compared. ``info.version`` is not compared: it is what a
    release sets from this very diff.
    """
    changes = list(_api_changes(old, new))
    old_ops = {op.top_method: op for op in old.operations}
    new_ops = {op.top_method: op for op in new.operations}
    for method in sorted(old_ops.keys() - new_ops.keys()):
        gone = old_ops[method]
        changes.append(
            Change(
                method,
                Location.ENDPOINT,
                "",
                "endpoint-removed",
                f"client.{gone.call_path} no longer exists",
                gone.pointer,
                "base",
            )
        )
    for method in sorted(new_ops.keys() - old_ops.keys()):
        added = new_ops[method]
        changes.append(
            Change(
                method,
                Location.ENDPOINT,
                "",
                "endpoint-added",
                quoted(added.summary),
                added.pointer,
            )
        )
    for method in sorted(old_ops.keys() & new_ops.keys()):
        changes.extend(_operation_changes(old_ops[method], new_ops[method], documents))
    return tuple(sorted(changes, key=lambda c: (c.endpoint, *c.sort_key())))


def _client_param_changes(old: Api, new: Api) -> Iterator[Change]:
    """Client parameters added or removed. Removing one is breaking: the fields it filled are
    required again (calls that left them to the client fail to type-check, then raise), and the
    client no longer takes its keyword argument."""
    old_names = {p.name for p in old.client_params}
    new_names = {p.name for p in new.client_params}
    for param in old.client_params:
        if param.name not in new_names:
            detail = f"Client({param.name}=...) / {param.env} no longer fills request fields"
            yield Change(
                "", Location.API, "", "client-param-removed", detail, param.pointer, "base"
            )
    for param in new.client_params:
        if param.name not in old_names:
            detail = (
                f"Client({param.name}=...) / {param.env} fills every request field {param.name}"
            )
            yield Change("", Location.API, "", "client-param-added", detail, param.pointer)


def _api_changes(old: Api, new: Api) -> Iterator[Change]:
    def change(rule_id: str, detail: str, pointer: str = "", side: Side = "head") -> Change:
        return Change("", Location.API, "", rule_id, detail, pointer, side)

    for label, key, before, after in (
        ("distribution", "distribution", old.distribution, new.distribution),
        ("import name", "module", old.package, new.package),
        ("environment prefix", "module", old.env_prefix, new.env_prefix),
    ):
        if before != after:
            yield change(
                "api-package-renamed",
                f"{label} {before} → {after}",
                join_pointer("/info/x-top-package", key),
            )
    for label, before, after in (
        ("title", old.title, new.title),
        ("summary", old.summary, new.summary),
        ("description", old.description, new.description),
    ):
        if before != after:
            yield change(
                "api-docs-changed", f"{label} " + text_change(before, after), f"/info/{label}"
            )
    old_default, new_default = _default_gateway(old), _default_gateway(new)
    if old_default != new_default:
        yield change("api-default-gateway-changed", f"{old_default} → {new_default}", "/servers")
    old_servers = {s.url: s for s in old.servers}
    new_servers = {s.url: s for s in new.servers}
    for i, server in enumerate(old.servers):
        if server.url not in new_servers:
            yield change("api-server-removed", server.url, f"/servers/{i}", "base")
    for i, server in enumerate(new.servers):
        was = old_servers.get(server.url)
        if was is None:
            yield change("api-server-added", server.url, f"/servers/{i}")
        elif was.description != server.description:
            yield change(
                "api-docs-changed",
                f"server {server.url} " + text_change(was.description, server.description),
                f"/servers/{i}/description",
            )
    yield from _resource_changes(old.resources, new.resources)
    yield from _client_param_changes(old, new)
    walker = FieldDiff(
        Classes(
            {old.error_model.name: old.error_model}, {new.error_model.name: new.error_model}, {}, {}
        ),
        Location.RESPONSE,
    )
    walker.members(old.error_model.fields, new.error_model.fields, "error_response")
    for found in walker.found:
        # read by the runtime's protocol code, not generated from this schema: documentation
        yield Change(
            "",
            Location.RESPONSE,
            found.path,
            "api-error-reply-changed",
            RULES[found.rule_id].title + (f": {found.detail}" if found.detail else ""),
            found.pointer,
            found.side,
        )


def _default_gateway(api: Api) -> str:
    """The gateway a client calls when given no ``base_url``: the spec's first server, else
    the runtime's own default."""
    return api.servers[0].url if api.servers else "(the runtime's default gateway)"


def _resource_changes(old: Sequence[Resource], new: Sequence[Resource]) -> Iterator[Change]:
    """A resource class (``UserAuthcodeResource``) renamed at the same ``client.`` path: an
    annotation or import naming it fails. Paths that appear or go are the endpoints' changes."""
    old_names, new_names = _resource_classes(old), _resource_classes(new)
    for path in sorted(old_names.keys() & new_names.keys()):
        if old_names[path] != new_names[path]:
            yield Change(
                "",
                Location.API,
                "client." + ".".join(path),
                "resource-class-renamed",
                f"{old_names[path]} → {new_names[path]}",
            )


def _resource_classes(resources: Sequence[Resource]) -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    stack = list(resources)
    while stack:
        resource = stack.pop()
        found[resource.path] = resource.class_name
        stack.extend(resource.children)
    return found


def _operation_changes(
    old: Operation, new: Operation, documents: Documents | None
) -> Iterator[Change]:
    method = new.top_method

    def change(rule_id: str, detail: str, key: str = "") -> Change:
        pointer = join_pointer(new.pointer, key) if key else new.pointer
        return Change(method, Location.ENDPOINT, "", rule_id, detail, pointer)

    if old.call_path != new.call_path:
        yield change(
            "endpoint-call-path-changed",
            f"client.{old.call_path}() → client.{new.call_path}()",
            "x-top-method",
        )
    if old.module != new.module:
        yield change("endpoint-module-renamed", f"{old.module} → {new.module}", "x-top-method")
    if old.params_model.name != new.params_model.name:
        yield Change(
            method,
            Location.REQUEST,
            "",
            "model-renamed",
            f"{old.params_model.name} → {new.params_model.name}",
            new.params_model.pointer,
        )
    if old.summary != new.summary:
        yield change("endpoint-summary-changed", text_change(old.summary, new.summary), "summary")
    if old.description != new.description:
        yield change(
            "endpoint-description-changed",
            text_change(old.description, new.description),
            "description",
        )
    if old.idempotent != new.idempotent:
        rule_id, detail = idempotent_rule(new)
        yield change(rule_id, detail, "x-top-idempotent")
    if old.session != new.session:
        stricter = new.session == "required"
        rule_id = "endpoint-session-required" if stricter else "endpoint-session-relaxed"
        yield change(rule_id, f"{old.session} → {new.session}", "x-top-session")
    business = _business_rule(old.business_result, new.business_result)
    if business is not None:
        yield change(
            business,
            f"{_business_text(old.business_result)} → {_business_text(new.business_result)}",
            "x-top-business-result",
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
            "x-top-doc",
        )

    classes = Classes(
        {m.name: m for m in old.models},
        {m.name: m for m in new.models},
        {e.name: e for e in old.enums},
        {e.name: e for e in new.enums},
    )
    request = FieldDiff(classes, Location.REQUEST, documents)
    request.members(old.params, new.params)
    response = FieldDiff(classes, Location.RESPONSE, documents)
    response.model(old.response.name, new.response.name, "", new.response.pointer)
    for walker in (request, response):
        for found in walker.found:
            yield Change(
                method,
                walker.location,
                found.path,
                found.rule_id,
                found.detail,
                found.pointer,
                found.side,
            )


def _business_rule(old: BusinessResult | None, new: BusinessResult | None) -> str | None:
    if old == new:
        return None
    if old is None:
        return "endpoint-business-result-added"
    if new is None:
        return "endpoint-business-result-removed"
    if (old.path, old.success) != (new.path, new.success):
        return "endpoint-business-result-moved"
    if (old.code and not new.code) or (old.message and not new.message):
        return "endpoint-business-result-field-dropped"
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
