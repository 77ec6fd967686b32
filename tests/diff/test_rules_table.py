"""One spec change at a time, each with the rules it must trigger and the bump it implies.

Both sides of every pair are the project's spec (its first endpoint), edited in a temporary
folder and read through the whole pipeline: load, validate, IR.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from generator.diff import Bump, Severity, diff_apis
from generator.diff.rules import RULES
from generator.diff.semver import bump_for

from .specs import METHOD, Edit, Spec, pair


@dataclass(frozen=True)
class Case:
    name: str
    head: Edit
    rules: tuple[str, ...]
    """Every rule the change triggers (sorted), the first one being the change itself."""
    severity: Severity | None
    base: Edit | None = None


def _set(place: str, key: str, value: object) -> Edit:
    """An edit setting ``key`` of a place named by a :class:`Spec` property or ``field:NAME``."""

    def edit(spec: Spec) -> None:
        target = (
            spec.field(place.removeprefix("field:"))
            if place.startswith("field:")
            else getattr(spec, place)
        )
        target[key] = value

    return edit


def _both(*edits: Edit) -> Edit:
    def edit(spec: Spec) -> None:
        for one in edits:
            one(spec)

    return edit


def _optional(name: str) -> Edit:
    def edit(spec: Spec) -> None:
        spec.param0["required"].remove(name)

    return edit


def _request_field(name: str, schema: Mapping[str, object], **kwargs: object) -> Edit:
    def edit(spec: Spec) -> None:
        spec.add_request_field(name, dict(schema), **kwargs)  # type: ignore[arg-type]

    return edit


def _result_field(name: str, schema: Mapping[str, object]) -> Edit:
    def edit(spec: Spec) -> None:
        spec.add_result_field(name, dict(schema))

    return edit


def _remove_enum_value(spec: Spec) -> None:
    code_type = spec.field("code_type")
    code_type["enum"] = [1]
    code_type["x-top-enum"] = code_type["x-top-enum"][:1]


def _add_enum_value(spec: Spec) -> None:
    code_type = spec.field("code_type")
    code_type["enum"].append(3)
    code_type["x-top-enum"].append({"value": 3, "name": "LOGIN", "label": "登录"})


def _user_phone_integer(spec: Spec) -> None:
    spec.field("user_phone").update(type="integer", examples=[13912345678])
    spec.request_example["user_phone"] = 13912345678


def _drop_channel_token(spec: Spec) -> None:
    del spec.param0["properties"]["channel_token"]
    spec.param0["required"].remove("channel_token")
    del spec.request_example["channel_token"]


def _client_params(*names: str) -> Edit:
    """Declare the client parameters ``names`` (fields of the endpoint's ``param0``)."""

    def edit(spec: Spec) -> None:
        spec.root["info"]["x-top-package"]["client-params"] = [
            {"name": name, "description": f"{name} 令牌"} for name in names
        ]

    return edit


def _no_longer_enum(spec: Spec) -> None:
    for key in ("enum", "x-top-enum", "title"):
        del spec.field("code_type")[key]


def _add_endpoint_check(spec: Spec) -> None:
    spec.add_endpoint("alibaba.damai.maizuo.openapi.user.authcode.check")


def _drop_endpoint_check(spec: Spec) -> None:
    del spec.endpoints["alibaba.damai.maizuo.openapi.user.authcode.check"]
    del spec.root["paths"]["/alibaba.damai.maizuo.openapi.user.authcode.check"]


def _drop_business_result(spec: Spec) -> None:
    del spec.op["x-top-business-result"]


def _business_without_message(spec: Spec) -> None:
    del spec.op["x-top-business-result"]["message"]


def _add_server(spec: Spec) -> None:
    spec.root["servers"].append(
        {"url": "https://eco.taobao.com/router/rest", "description": "备用"}
    )


def _drop_server(spec: Spec) -> None:
    spec.root["servers"].pop()


def _rename_module(spec: Spec) -> None:
    spec.root["info"]["x-top-package"]["module"] = "maizuo"


def _error_field(spec: Spec) -> None:
    spec.root["components"]["schemas"]["ErrorResponse"]["properties"]["trace_id"] = {
        "type": "string"
    }


_ORDER = "alibaba.damai.maizuo.openapi.order.create"


def _order_endpoint(spec: Spec) -> None:
    spec.add_endpoint(_ORDER)
    spec.endpoints[_ORDER]["post"]["x-top-idempotent"] = False


def _order_idempotent(spec: Spec) -> None:
    spec.endpoints[_ORDER]["post"]["x-top-idempotent"] = True


def _result_required(spec: Spec) -> None:
    spec.result["required"] = ["success"]


def _tickets(item_fields: Mapping[str, object]) -> Edit:
    return _request_field(
        "tickets",
        {
            "type": "array",
            "items": {"title": "TicketParam", "type": "object", "properties": item_fields},
        },
    )


_STRING = {"type": "string"}
_COUNT = {"type": "integer", "format": "int64"}
_STATUS = {"title": "Status", "type": "integer", "enum": [1, 2]}

CASES = [
    Case("no change", lambda spec: None, (), None),
    Case("info.version only", lambda spec: spec.root["info"].update(version="7.0.0"), (), None),
    Case(
        "summary",
        _set("op", "summary", "发送短信验证码"),
        ("endpoint-summary-changed",),
        Severity.DOCS,
    ),
    Case(
        "description",
        _set("op", "description", "发送验证码"),
        ("endpoint-description-changed",),
        Severity.DOCS,
    ),
    Case(
        "field description",
        _set("field:user_phone", "description", "会员手机号(11 位)"),
        ("field-description-changed",),
        Severity.DOCS,
    ),
    Case(
        "field examples",
        _set("field:user_phone", "examples", ["13900004567"]),
        ("field-examples-changed",),
        Severity.DOCS,
    ),
    Case(
        "request example",
        lambda spec: spec.request_example.update(user_phone="13900004567"),
        ("endpoint-examples-changed",),
        Severity.DOCS,
    ),
    Case(
        "enum label",
        lambda spec: spec.field("code_type")["x-top-enum"][1].update(label="重置密码"),
        ("enum-label-changed",),
        Severity.DOCS,
    ),
    Case(
        "api description",
        lambda spec: spec.root["info"].update(description="麦座开放接口"),
        ("api-docs-changed",),
        Severity.DOCS,
    ),
    Case(
        "default of a required request field",
        _set("field:user_phone", "default", "13900000000"),
        ("field-default-changed",),
        Severity.DOCS,
    ),
    Case(
        "new optional request field",
        _request_field("remark", _STRING),
        ("request-field-added-optional",),
        Severity.COMPATIBLE,
    ),
    Case(
        "new required request field",
        _request_field("remark", _STRING, required=True, example="x"),
        ("endpoint-examples-changed", "request-field-added-required"),
        Severity.BREAKING,
    ),
    Case(
        "request field removed",
        _drop_channel_token,
        ("endpoint-examples-changed", "request-field-removed"),
        Severity.BREAKING,
    ),
    Case(
        "client parameter added",
        _client_params("ptnr_token", "channel_token"),
        ("client-param-added",),
        Severity.COMPATIBLE,
        base=_client_params("ptnr_token"),
    ),
    Case(
        "client parameter removed",
        _client_params("ptnr_token"),
        ("client-param-removed",),
        Severity.BREAKING,
        base=_client_params("ptnr_token", "channel_token"),
    ),
    Case(
        "request field required → optional",
        _optional("user_phone"),
        ("request-field-became-optional",),
        Severity.COMPATIBLE,
    ),
    Case(
        "request field optional → required",
        lambda spec: spec.param0["required"].append("user_phone"),
        ("request-field-became-required",),
        Severity.BREAKING,
        base=_optional("user_phone"),
    ),
    Case(
        "request enum value added",
        _add_enum_value,
        ("request-enum-value-added",),
        Severity.COMPATIBLE,
    ),
    Case(
        "request enum value removed",
        _remove_enum_value,
        ("request-enum-value-removed",),
        Severity.BREAKING,
    ),
    Case(
        "enum member renamed",
        lambda spec: spec.field("code_type")["x-top-enum"][0].update(name="SIGN_UP"),
        ("enum-member-renamed",),
        Severity.BREAKING,
    ),
    Case(
        "enum class renamed",
        _set("field:code_type", "title", "AuthCodeType"),
        ("enum-renamed",),
        Severity.BREAKING,
    ),
    Case(
        "request field no longer an enum",
        _no_longer_enum,
        ("type-no-longer-enum",),
        Severity.BREAKING,
    ),
    Case(
        "request field became an enum",
        lambda spec: spec.field("remark").update(title="Remark", enum=["a", "b"]),
        ("request-became-enum",),
        Severity.BREAKING,
        base=_request_field("remark", _STRING),
    ),
    Case(
        "request type changed",
        _user_phone_integer,
        ("endpoint-examples-changed", "field-examples-changed", "request-type-changed"),
        Severity.BREAKING,
    ),
    Case(
        "request integer → number",
        lambda spec: spec.field("count").update(type="number", format="double"),
        ("request-type-widened",),
        Severity.COMPATIBLE,
        base=_request_field("count", _COUNT),
    ),
    Case(
        "request number → integer",
        lambda spec: spec.field("count").update(type="integer"),
        ("request-type-changed",),
        Severity.BREAKING,
        base=_request_field("count", {"type": "number"}),
    ),
    Case(
        "request format narrowed",
        _set("field:count", "format", "int32"),
        ("request-format-changed",),
        Severity.BREAKING,
        base=_request_field("count", _COUNT),
    ),
    Case(
        "request format widened",
        _set("field:count", "format", "int64"),
        ("request-format-widened",),
        Severity.COMPATIBLE,
        base=_request_field("count", {"type": "integer", "format": "int32"}),
    ),
    Case(
        "request maxLength added",
        _set("field:user_phone", "maxLength", 11),
        ("request-constraint-tightened",),
        Severity.BREAKING,
    ),
    Case(
        "request maxLength tightened",
        _set("field:user_phone", "maxLength", 11),
        ("request-constraint-tightened",),
        Severity.BREAKING,
        base=_set("field:user_phone", "maxLength", 20),
    ),
    Case(
        "request maxLength loosened",
        _set("field:user_phone", "maxLength", 20),
        ("request-constraint-loosened",),
        Severity.COMPATIBLE,
        base=_set("field:user_phone", "maxLength", 11),
    ),
    Case(
        "request minimum raised",
        _set("field:count", "minimum", 1),
        ("request-constraint-tightened",),
        Severity.BREAKING,
        base=_request_field("count", {"type": "integer", "minimum": 0}),
    ),
    Case(
        "request pattern added",
        _set("field:user_phone", "pattern", "^[0-9x]{11}$"),
        ("request-constraint-tightened",),
        Severity.BREAKING,
    ),
    Case(
        "request pattern changed",
        _set("field:user_phone", "pattern", "^[0-9x]{11,13}$"),
        ("request-pattern-changed",),
        Severity.BREAKING,
        base=_set("field:user_phone", "pattern", "^[0-9x]{11}$"),
    ),
    Case(
        "request pattern removed",
        lambda spec: spec.field("user_phone").pop("pattern"),
        ("request-constraint-loosened",),
        Severity.COMPATIBLE,
        base=_set("field:user_phone", "pattern", "^[0-9x]{11}$"),
    ),
    Case(
        "default of an optional request field",
        _set("field:count", "default", 20),
        ("request-default-changed",),
        Severity.BREAKING,
        base=_request_field("count", {"type": "integer", "default": 10}),
    ),
    Case(
        "request field deprecated",
        _set("field:user_phone", "deprecated", True),
        ("field-deprecated",),
        Severity.COMPATIBLE,
    ),
    Case(
        "request field no longer deprecated",
        _set("field:user_phone", "deprecated", False),
        ("field-undeprecated",),
        Severity.COMPATIBLE,
        base=_set("field:user_phone", "deprecated", True),
    ),
    Case(
        "enum description",
        _set("field:code_type", "description", "验证码类型"),
        ("field-description-changed",),
        Severity.DOCS,
    ),
    Case(
        "struct description",
        _set("param0", "description", "验证码参数"),
        ("field-description-changed",),
        Severity.DOCS,
    ),
    Case(
        "request struct renamed",
        _set("param0", "title", "AuthCodeParam"),
        ("model-renamed",),
        Severity.BREAKING,
    ),
    Case(
        "nested field added in an array of structs",
        lambda spec: spec.field("tickets")["items"]["properties"].update(row=_STRING),
        ("request-field-added-optional",),
        Severity.COMPATIBLE,
        base=_tickets({"seat": _STRING}),
    ),
    Case(
        "new response field",
        _result_field("extra", _STRING),
        ("response-field-added",),
        Severity.COMPATIBLE,
    ),
    Case(
        "response field removed",
        lambda spec: spec.response["properties"].pop("request_id"),
        ("response-field-removed",),
        Severity.BREAKING,
    ),
    Case(
        "response type changed",
        lambda spec: spec.result["properties"]["result_code"].update(
            type="string", examples=["200"]
        )
        or spec.response_example.update(result_code="200"),
        ("endpoint-examples-changed", "field-examples-changed", "response-type-changed"),
        Severity.BREAKING,
    ),
    Case(
        "response number → integer",
        lambda spec: spec.result["properties"]["amount"].update(type="integer"),
        ("response-type-narrowed",),
        Severity.COMPATIBLE,
        base=_result_field("amount", {"type": "number"}),
    ),
    Case(
        "response format changed",
        lambda spec: spec.result["properties"]["result_code"].update(format="int32"),
        ("response-format-changed",),
        Severity.COMPATIBLE,
    ),
    Case(
        "response field optional → required",
        _result_required,
        ("response-field-became-required",),
        Severity.COMPATIBLE,
    ),
    Case(
        "response field required → optional",
        lambda spec: spec.result.pop("required"),
        ("response-field-became-optional",),
        Severity.COMPATIBLE,
        base=_result_required,
    ),
    Case(
        "response enum value added",
        lambda spec: spec.result["properties"]["status"].update(enum=[1, 2, 3]),
        ("response-enum-value-added",),
        Severity.COMPATIBLE,
        base=_result_field("status", _STATUS),
    ),
    Case(
        "response enum value removed",
        lambda spec: spec.result["properties"]["status"].update(enum=[1]),
        ("response-enum-value-removed",),
        Severity.BREAKING,
        base=_result_field("status", _STATUS),
    ),
    Case(
        "response field became an enum",
        lambda spec: spec.result["properties"]["status"].update(_STATUS),
        ("response-became-enum",),
        Severity.COMPATIBLE,
        base=_result_field("status", {"type": "integer"}),
    ),
    Case(
        "response maxLength loosened",
        lambda spec: spec.result["properties"]["result_msg"].update(maxLength=64),
        ("response-constraint-loosened",),
        Severity.BREAKING,
        base=lambda spec: spec.result["properties"]["result_msg"].update(maxLength=32),
    ),
    Case(
        "response maxLength tightened",
        lambda spec: spec.result["properties"]["result_msg"].update(maxLength=16),
        ("response-constraint-tightened",),
        Severity.COMPATIBLE,
        base=lambda spec: spec.result["properties"]["result_msg"].update(maxLength=32),
    ),
    Case(
        "response pattern changed",
        lambda spec: spec.result["properties"]["result_msg"].update(pattern="^.{1,64}$"),
        ("response-pattern-changed",),
        Severity.BREAKING,
        base=lambda spec: spec.result["properties"]["result_msg"].update(pattern="^.{1,32}$"),
    ),
    Case(
        "idempotent false → true",
        _set("op", "x-top-idempotent", True),
        ("endpoint-may-be-sent-twice",),
        Severity.COMPATIBLE,
    ),
    Case(
        "idempotent true → false",
        _set("op", "x-top-idempotent", False),
        ("endpoint-no-longer-idempotent",),
        Severity.COMPATIBLE,
        base=_set("op", "x-top-idempotent", True),
    ),
    Case(
        "session none → required",
        _set("op", "x-top-session", "required"),
        ("endpoint-session-required",),
        Severity.BREAKING,
    ),
    Case(
        "session none → optional",
        _set("op", "x-top-session", "optional"),
        ("endpoint-session-relaxed",),
        Severity.COMPATIBLE,
    ),
    Case(
        "session required → none",
        _set("op", "x-top-session", "none"),
        ("endpoint-session-relaxed",),
        Severity.COMPATIBLE,
        base=_set("op", "x-top-session", "required"),
    ),
    Case(
        "business result removed",
        _drop_business_result,
        ("endpoint-business-result-removed",),
        Severity.BREAKING,
    ),
    Case(
        "business result added",
        lambda spec: spec.op.update(
            {"x-top-business-result": {"path": "result", "success": "success"}}
        ),
        ("endpoint-business-result-added",),
        Severity.BREAKING,
        base=_drop_business_result,
    ),
    Case(
        "business result reads another flag",
        lambda spec: spec.op["x-top-business-result"].update(success="done"),
        ("endpoint-business-result-moved",),
        Severity.BREAKING,
        base=_result_field("done", {"type": "boolean"}),
    ),
    Case(
        "business result message dropped",
        _business_without_message,
        ("endpoint-business-result-field-dropped",),
        Severity.BREAKING,
    ),
    Case(
        "business result code dropped",
        lambda spec: spec.op["x-top-business-result"].pop("code"),
        ("endpoint-business-result-field-dropped",),
        Severity.BREAKING,
    ),
    Case(
        "business result reads another code",
        lambda spec: spec.op["x-top-business-result"].update(code="error_code"),
        ("endpoint-business-result-detail-changed",),
        Severity.COMPATIBLE,
        base=_result_field("error_code", {"type": "string"}),
    ),
    Case(
        "x-top-doc notes",
        _set("op", "x-top-doc", {"source": "page.html"}),
        ("endpoint-doc-notes-changed",),
        Severity.DOCS,
    ),
    Case("endpoint added", _add_endpoint_check, ("endpoint-added",), Severity.COMPATIBLE),
    Case(
        "endpoint removed",
        _drop_endpoint_check,
        ("endpoint-removed",),
        Severity.BREAKING,
        base=_add_endpoint_check,
    ),
    Case("server added", _add_server, ("api-server-added",), Severity.DOCS),
    Case("server removed", _drop_server, ("api-server-removed",), Severity.DOCS),
    Case(
        "first server replaced",
        lambda spec: spec.root["servers"].insert(0, {"url": "https://gw.example.com/router/rest"}),
        ("api-default-gateway-changed", "api-server-added"),
        Severity.BREAKING,
    ),
    Case(
        "no server left",
        lambda spec: spec.root.update(servers=[]),
        ("api-default-gateway-changed", "api-server-removed", "api-server-removed"),
        Severity.BREAKING,
    ),
    Case(
        "import name changed",
        _rename_module,
        ("api-package-renamed", "api-package-renamed"),
        Severity.BREAKING,
    ),
    Case("error reply field added", _error_field, ("api-error-reply-changed",), Severity.DOCS),
    Case(
        "description of a struct in a list",
        lambda spec: spec.field("tickets")["items"].update(description="票"),
        ("model-docs-changed",),
        Severity.DOCS,
        base=_tickets({"seat": _STRING}),
    ),
    Case(
        "description of an enum in a list",
        lambda spec: spec.field("statuses")["items"].update(description="状态"),
        ("enum-description-changed",),
        Severity.DOCS,
        base=_request_field("statuses", {"type": "array", "items": dict(_STATUS)}),
    ),
    Case(
        "method prefix changed",
        lambda spec: spec.root["info"]["x-top-package"].update(
            {"families": [{"prefix": "alibaba.", "namespace": ""}]}
        ),
        (
            "endpoint-call-path-changed",
            "endpoint-module-renamed",
            "model-renamed",
            "model-renamed",
        ),
        Severity.BREAKING,
    ),
    Case(
        "a new resource takes an old one's class name",
        lambda spec: spec.add_endpoint("alibaba.damai.maizuo.openapi.user_authcode.check"),
        ("endpoint-added", "resource-class-renamed"),
        Severity.BREAKING,
    ),
    Case(
        "order call made idempotent",
        _order_idempotent,
        ("endpoint-money-call-may-be-sent-twice",),
        Severity.BREAKING,
        base=_order_endpoint,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_single_change(case: Case, tmp_path: Path) -> None:
    old, new = pair(tmp_path, case.head, case.base)
    changes = diff_apis(old, new)
    assert sorted(c.rule_id for c in changes) == list(case.rules), changes
    worst = max((c.severity for c in changes), key=lambda s: s.rank, default=None)
    assert worst == case.severity
    expected_bump = {None: Bump.NONE, Severity.DOCS: Bump.PATCH, Severity.COMPATIBLE: Bump.MINOR}
    assert bump_for(changes) == expected_bump.get(case.severity, Bump.MAJOR)


def test_the_table_is_large_enough() -> None:
    assert len([c for c in CASES if c.rules]) >= 30


def test_paths_name_nested_fields(tmp_path: Path) -> None:
    old, new = pair(
        tmp_path,
        lambda spec: spec.field("tickets")["items"]["properties"].update(row=_STRING),
        base=_tickets({"seat": _STRING}),
    )
    [change] = diff_apis(old, new)
    assert (change.endpoint, change.location.value, change.path) == (
        METHOD,
        "request",
        "param0.tickets[].row",
    )


def test_a_renamed_struct_is_still_compared_field_by_field(tmp_path: Path) -> None:
    old, new = pair(
        tmp_path, _both(_set("param0", "title", "AuthCodeParam"), _optional("user_phone"))
    )
    assert sorted((c.rule_id, c.path) for c in diff_apis(old, new)) == [
        ("model-renamed", "param0"),
        ("request-field-became-optional", "param0.user_phone"),
    ]


def test_an_enum_shared_by_request_and_response_is_judged_per_side(tmp_path: Path) -> None:
    def share(spec: Spec) -> None:
        spec.add_result_field("code_type", dict(spec.field("code_type")))

    old, new = pair(tmp_path, _add_enum_value, base=share)
    assert sorted((c.location.value, c.rule_id) for c in diff_apis(old, new)) == [
        ("request", "request-enum-value-added"),
        ("response", "response-enum-value-added"),
    ]


def test_a_python_name_change_is_breaking(tmp_path: Path) -> None:
    old, _ = pair(tmp_path, lambda spec: None)
    [op] = old.operations
    renamed = replace(op.params[0], py_name="param_0")
    new = replace(old, operations=(replace(op, params=(renamed,)),))
    [change] = diff_apis(old, new)
    assert (change.rule_id, change.path, change.detail) == (
        "field-python-name-changed",
        "param0",
        "param0 → param_0",
    )
    assert change.severity is Severity.BREAKING


def test_every_rule_is_exercised() -> None:
    covered = {rule for case in CASES for rule in case.rules} | {"field-python-name-changed"}
    assert sorted(RULES.keys() - covered) == []
