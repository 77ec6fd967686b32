"""Changes an SDK user notices although no endpoint's fields change, and the reverse.

Each case compares what a user of the generated SDK sees: the call paths and class names, the
constraints the service enforces, ``BusinessError``'s fields, whether a call may be sent twice.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.diff import Severity
from generator.diff.compare import diff_apis
from generator.diff.files import FileChanges, compare_outputs
from generator.diff.raw import Documents
from generator.diff.resend import moves_money
from generator.generate import render_files
from generator.load import load_spec

from .specs import METHOD, Edit, Spec, pair


def _diff(tmp_path: Path, head: Edit, base: Edit | None = None) -> list[tuple[str, str, str]]:
    """``(rule, path, detail)`` of each change, the spec's own documents given to the diff."""
    old, new = pair(tmp_path, head, base)
    documents = Documents(
        load_spec(tmp_path / "base").document, load_spec(tmp_path / "head").document
    )
    return [(c.rule_id, c.path, c.detail) for c in diff_apis(old, new, documents)]


def _rules(found: list[tuple[str, str, str]]) -> set[str]:
    return {rule for rule, _, _ in found}


def test_a_new_method_prefix_moves_every_call_path(tmp_path: Path) -> None:
    """No endpoint changes, but ``client.user.authcode.send`` becomes ``client.openapi.user...``."""

    def prefix(spec: Spec) -> None:
        family = {"prefix": "alibaba.damai.maizuo.", "namespace": ""}
        spec.root["info"]["x-top-package"]["families"] = [family]

    found = _diff(tmp_path, prefix)
    assert (
        "endpoint-call-path-changed",
        "",
        "client.user.authcode.send() → client.openapi.user.authcode.send()",
    ) in found
    assert "endpoint-module-renamed" in _rules(found)
    assert "model-renamed" in _rules(found)
    old, new = pair(tmp_path, prefix)
    assert max(c.severity.rank for c in diff_apis(old, new)) == Severity.BREAKING.rank


def test_a_multiple_of_the_ir_does_not_carry_is_reported(tmp_path: Path) -> None:
    def base(spec: Spec) -> None:
        spec.add_request_field("count", {"type": "integer"}, example=10)

    def head(spec: Spec) -> None:
        spec.field("count")["multipleOf"] = 5

    found = _diff(tmp_path, head, base)
    assert [(r, p) for r, p, _ in found] == [("request-constraint-tightened", "param0.count")]
    assert found[0][2].startswith("multipleOf 5 added")


def test_a_length_on_a_lists_items_is_reported(tmp_path: Path) -> None:
    def base(spec: Spec) -> None:
        spec.add_request_field(
            "seats", {"type": "array", "items": {"type": "string"}}, example=["A1"]
        )

    def head(spec: Spec) -> None:
        spec.field("seats")["items"]["maxLength"] = 8

    found = _diff(tmp_path, head, base)
    assert [(r, p) for r, p, _ in found] == [("request-constraint-tightened", "param0.seats[]")]
    assert found[0][2].startswith("maxLength 8 added")


def test_a_loosened_items_bound_in_a_reply_is_breaking(tmp_path: Path) -> None:
    def base(spec: Spec) -> None:
        spec.add_result_field(
            "codes", {"type": "array", "items": {"type": "string", "maxLength": 4}}
        )

    def head(spec: Spec) -> None:
        del spec.result["properties"]["codes"]["items"]["maxLength"]

    found = _diff(tmp_path, head, base)
    assert [(r, p) for r, p, _ in found] == [("response-constraint-loosened", "result.codes[]")]


def test_a_deprecated_top_level_parameter_is_reported(tmp_path: Path) -> None:
    found = _diff(tmp_path, lambda spec: spec.param0.update(deprecated=True))
    assert found == [("field-deprecated", "param0", "")]


def test_an_error_reply_edit_changes_no_generated_file_and_is_documentation(
    tmp_path: Path,
) -> None:
    def edit(spec: Spec) -> None:
        spec.root["components"]["schemas"]["ErrorResponse"]["properties"].pop("sub_msg")

    found = _diff(tmp_path, edit)
    assert _rules(found) == {"api-error-reply-changed"}
    old, new = render_files(tmp_path / "base"), render_files(tmp_path / "head")
    assert compare_outputs(old, new) == FileChanges()


def test_a_money_call_made_idempotent_is_breaking(tmp_path: Path) -> None:
    order = "alibaba.damai.maizuo.openapi.order.create"

    def base(spec: Spec) -> None:
        spec.add_endpoint(order)
        spec.endpoints[order]["post"]["x-top-idempotent"] = False

    def head(spec: Spec) -> None:
        spec.endpoints[order]["post"]["x-top-idempotent"] = True
        spec.op["x-top-idempotent"] = True

    old, new = pair(tmp_path, head, base)
    by_endpoint = {(c.endpoint, c.rule_id): c for c in diff_apis(old, new)}
    money = by_endpoint[(order, "endpoint-money-call-may-be-sent-twice")]
    assert money.severity is Severity.BREAKING
    assert "client.order.create() creates an order or a payment" in money.detail
    plain = by_endpoint[(METHOD, "endpoint-may-be-sent-twice")]
    assert plain.severity is Severity.COMPATIBLE
    assert "may now be sent twice" in plain.rule.title


def test_which_methods_move_money(tmp_path: Path) -> None:
    old, _ = pair(tmp_path, lambda spec: None)
    [op] = old.operations
    for method, expected in (
        ("alibaba.damai.maizuo.openapi.order.submit", True),
        ("alibaba.damai.maizuo.openapi.trade.pay.result.callback", True),
        ("alibaba.damai.maizuo.openapi.refund.apply", True),
        ("alibaba.damai.maizuo.openapi.order.detail.get", False),
        ("alibaba.damai.maizuo.openapi.order.list", False),
        ("alibaba.damai.maizuo.openapi.user.authcode.send", False),
        ("alibaba.damai.maizuo.openapi.eticket.qrcode", False),
    ):
        assert moves_money(replace(op, top_method=method)) is expected, method


def test_a_new_family_namespace_moves_every_call_path(tmp_path: Path) -> None:
    """The family holding authcode.send moves under ``client.maizuo``: no endpoint changes,
    but every call path, module and class name of the family does."""

    def namespace(spec: Spec) -> None:
        spec.root["info"]["x-top-package"]["families"] = [
            {"prefix": "alibaba.damai.maizuo.openapi.", "namespace": "maizuo"}
        ]

    found = _diff(tmp_path, namespace)
    assert (
        "endpoint-call-path-changed",
        "",
        "client.user.authcode.send() → client.maizuo.user.authcode.send()",
    ) in found
    assert {"endpoint-module-renamed", "model-renamed"} <= _rules(found)
    old, new = pair(tmp_path, namespace)
    assert max(c.severity.rank for c in diff_apis(old, new)) == Severity.BREAKING.rank
