"""The IR builder on its own (load → build_api, no validation, no rendering): the names, types
and models it decides, and what it refuses, with where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import top
from generator.build import build_api
from generator.build.names import method_names
from generator.build.resources import resource_class_names
from generator.build.spec import Stop
from generator.errors import SpecError
from generator.ir import Api, Family, Operation
from generator.load import load_spec
from generator.validate import validate

from .minispec import endpoint, write_spec

PREFIX = "alibaba.damai.maizuo.openapi."
ROOT = Family(prefix=PREFIX, namespace="")


def built(tmp_path: Path, endpoints: dict[str, dict[str, Any]], **options: Any) -> Api:
    return build_api(load_spec(write_spec(tmp_path / "spec", endpoints, **options)))


def refusal(tmp_path: Path, endpoints: dict[str, dict[str, Any]], **options: Any) -> str:
    with pytest.raises(SpecError) as caught:
        built(tmp_path, endpoints, **options)
    return str(caught.value)


def only(api: Api) -> Operation:
    (op,) = api.operations
    return op


def obj(title: str, **properties: Any) -> dict[str, Any]:
    return {"title": title, "type": "object", "properties": properties}


STRING = {"type": "string"}


# -- names -----------------------------------------------------------------------------------


def test_method_names_follow_the_segments_after_the_prefix() -> None:
    names = method_names(PREFIX + "user.authcode.send", ROOT, "/paths/x/post")
    assert (names.resource, names.method_name, names.call_path) == (
        ("user", "authcode"),
        "send",
        "user.authcode.send",
    )
    assert (names.module, names.const_name, names.stem, names.doc_page) == (
        "user_authcode_send",
        "USER_AUTHCODE_SEND",
        "UserAuthcodeSend",
        "user.authcode.send.md",
    )


def test_a_namespace_leads_every_name() -> None:
    names = method_names("alibaba.damai.mz.format.get", Family("alibaba.damai.mz.", "mz"), "/p")
    assert (names.call_path, names.module, names.stem, names.doc_page) == (
        "mz.format.get",
        "mz_format_get",
        "MzFormatGet",
        "mz.format.get.md",
    )
    assert names.resource == ("mz", "format")  # no client option under a namespace


@pytest.mark.parametrize(
    ("method", "message"),
    [
        (PREFIX + "ping", "needs two segments or more"),
        (PREFIX + "user.中文", "needs ASCII letters"),
    ],
)
def test_method_names_refuse_what_cannot_be_named(method: str, message: str) -> None:
    with pytest.raises(Stop, match=message) as caught:
        method_names(method, ROOT, "/paths/x/post")
    assert caught.value.pointer == "/paths/x/post/x-top-method"


def test_resource_class_names_keep_clear_of_the_async_twins() -> None:
    names = resource_class_names({("async_",), ("async_", "async_")})
    assert names == {("async_",): "AsyncResource", ("async_", "async_"): "AsyncAsyncResource_"}


def test_a_method_that_is_also_a_resource_is_its_call(tmp_path: Path) -> None:
    methods = [PREFIX + "user.register", PREFIX + "user.register.byauthcode"]
    api = built(tmp_path, {m: endpoint(m) for m in methods})
    (user,) = api.resources
    (register,) = user.children
    assert user.methods == () and register.call is not None
    assert register.call.top_method == methods[0]
    assert [m.top_method for m in register.methods] == [methods[1]]
    assert (user.class_name, register.class_name) == ("UserResource", "UserRegisterResource")


def test_two_methods_of_one_python_name_are_refused_with_both_places(tmp_path: Path) -> None:
    methods = [PREFIX + "user.get_info", PREFIX + "user.getInfo"]
    message = refusal(tmp_path, {m: endpoint(m) for m in methods})
    assert "both become the Python name 'user_get_info'" in message
    assert message.count("user.get_info.yaml") + message.count("user.getInfo.yaml") >= 2


# -- types and models ------------------------------------------------------------------------


def test_types_of_scalars_lists_structs_and_enums(tmp_path: Path) -> None:
    m = PREFIX + "shape.get"
    reply = {
        "when": {"type": "string", "format": "date-time"},
        "day": {"type": "string", "format": "date"},
        "count": {"type": "integer", "format": "int64"},
        "tags": {"type": "array", "items": STRING},
        "kind": {"type": "integer", "enum": [1, 2], "title": "Kind"},
        "item": obj("ItemVo", name=STRING),
    }
    op = only(built(tmp_path, {m: endpoint(m, reply=reply)}))
    types = {f.name: f.type for f in op.response.fields}
    assert types["when"].annotation == "TopDateTime"
    assert types["day"].annotation == "date"
    assert (types["count"].annotation, types["count"].schema_type) == ("int", "integer(int64)")
    assert (types["tags"].annotation, types["tags"].schema_type) == ("list[str]", "array<string>")
    assert types["kind"].annotation == "OpenIntEnum[Kind]"
    assert types["item"].model == "ItemVo"
    assert [m.name for m in op.models] == ["ShapeGetParams", "ItemVo", "ShapeGetResponse"]
    assert [e.name for e in op.enums] == ["Kind"]


def test_a_struct_sent_and_received_is_one_input_model(tmp_path: Path) -> None:
    m = PREFIX + "echo.send"
    item = obj("ItemVo", name=STRING)
    op = only(
        built(tmp_path, {m: endpoint(m, {"item": item}, {"item": item}, json_params=("item",))})
    )
    (model,) = [x for x in op.models if x.name == "ItemVo"]
    assert model.is_input
    assert op.params[0].type.input_annotation == "ItemVo | ItemVoDict"


def test_a_field_named_like_a_class_of_its_module_is_renamed(tmp_path: Path) -> None:
    m = PREFIX + "shape.get"
    op = only(built(tmp_path, {m: endpoint(m, reply={"ItemVo": obj("ItemVo", a=STRING)})}))
    assert [(f.name, f.py_name) for f in op.response.fields] == [("ItemVo", "ItemVo_")]


@pytest.mark.parametrize(
    ("reply", "recursive"),
    [
        ({"node": obj("Node", next={"$ref": "#/components/schemas/Node"})}, {"Node"}),
        (
            {
                "tree": obj(
                    "Tree", kids={"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}
                )
            },
            {"Tree"},
        ),
        ({"a": obj("A", b=obj("B", a={"$ref": "#/components/schemas/A"}))}, {"A", "B"}),
        ({"a": obj("A", b=obj("B", c=STRING))}, set()),
    ],
)
def test_structs_that_hold_themselves_are_marked_recursive(
    tmp_path: Path, reply: dict[str, Any], recursive: set[str]
) -> None:
    """Directly, in a list, through another struct; a plain nesting is not recursive."""
    m = PREFIX + "shape.get"
    name, schema = next(iter(reply.items()))
    schemas = {schema["title"]: schema}
    ref = {name: {"$ref": f"../openapi.yaml#/components/schemas/{schema['title']}"}}
    op = only(built(tmp_path, {m: endpoint(m, reply=ref)}, schemas=schemas))
    assert {x.name for x in op.models if x.recursive} == recursive
    names = [x.name for x in op.models]
    for model in op.models:  # each model comes after those it uses, but for recursion
        for f in model.fields:
            used = f.type.model or (f.type.item.model if f.type.item else None)
            if used and used not in recursive:
                assert names.index(used) < names.index(model.name)


def test_an_input_struct_that_must_hold_itself_is_refused(tmp_path: Path) -> None:
    """Required all the way round, no value of it could ever be written."""
    m = PREFIX + "node.put"
    node = obj("Node", next={"$ref": "#/components/schemas/Node"}, name=STRING)
    node["required"] = ["next"]
    params = {"node": {"$ref": "../openapi.yaml#/components/schemas/Node"}}
    message = refusal(
        tmp_path, {m: endpoint(m, params, json_params=("node",))}, schemas={"Node": node}
    )
    assert "must hold itself through the required field(s) Node.next" in message
    assert "openapi.yaml:" in message


def test_an_input_struct_that_may_hold_itself_is_built(tmp_path: Path) -> None:
    m = PREFIX + "node.put"
    node = obj("Node", next={"$ref": "#/components/schemas/Node"}, name=STRING)
    params = {"node": {"$ref": "../openapi.yaml#/components/schemas/Node"}}
    op = only(
        built(tmp_path, {m: endpoint(m, params, json_params=("node",))}, schemas={"Node": node})
    )
    (model,) = [x for x in op.models if x.name == "Node"]
    assert model.recursive and model.is_input


def test_two_different_structs_of_one_name_are_refused_with_both_places(tmp_path: Path) -> None:
    m = PREFIX + "shape.get"
    reply = {"a": obj("Vo", x=STRING), "b": obj("Vo", x={"type": "integer"})}
    message = refusal(tmp_path, {m: endpoint(m, reply=reply)})
    assert "two different structs are named 'Vo'" in message
    assert "(the other at " in message and message.count("shape.get.yaml:") == 2


def test_a_struct_and_an_enum_of_one_name_are_refused(tmp_path: Path) -> None:
    m = PREFIX + "shape.get"
    reply = {"a": obj("Kind", x=STRING), "b": {"type": "string", "enum": ["x"], "title": "Kind"}}
    assert "used by both a struct" in refusal(tmp_path, {m: endpoint(m, reply=reply)})


def test_the_error_model_comes_from_the_shared_schema(tmp_path: Path) -> None:
    m = PREFIX + "shape.get"
    api = built(tmp_path, {m: endpoint(m)})
    assert api.error_model.name == "ErrorResponse"
    assert {"code", "msg"} <= {f.name for f in api.error_model.fields}


# -- one struct, whatever its wording --------------------------------------------------------


def test_structs_of_one_name_and_fields_are_one_whatever_their_descriptions(
    tmp_path: Path,
) -> None:
    """Two places describe one struct in their own words (field descriptions, examples, enum
    labels), and one of them through a ``$ref``: one model, no refusal."""
    m = PREFIX + "shape.get"
    first = obj("Vo", x={"type": "string", "description": "名称", "examples": ["a"]})
    first["properties"]["k"] = {
        "type": "integer",
        "enum": [1],
        "title": "K",
        "x-top-enum": [{"value": 1, "label": "一"}],
    }
    second = obj("Vo", x={"type": "string", "description": "the name"})
    second["properties"]["k"] = {
        "type": "integer",
        "enum": [1],
        "title": "K",
        "x-top-enum": [{"value": 1, "label": "one"}],
    }
    second["description"] = "another wording"
    reply = {"a": first, "b": {"$ref": "../openapi.yaml#/components/schemas/Vo"}}
    op = only(built(tmp_path, {m: endpoint(m, reply=reply)}, schemas={"Vo": second}))
    assert [x.name for x in op.models].count("Vo") == 1
    assert [e.name for e in op.enums] == ["K"]
    types = {f.name: f.type.model for f in op.response.fields}
    assert types == {"a": "Vo", "b": "Vo"}


@pytest.mark.parametrize(
    "change",
    [
        {"type": "integer"},
        {"type": "string", "maxLength": 3},
        {"type": "string", "default": "d"},
        {"type": "string", "deprecated": True},
    ],
)
def test_structs_of_one_name_that_differ_in_a_rule_are_refused(
    tmp_path: Path, change: dict[str, Any]
) -> None:
    """A type, a rule, a default or a deprecation is what the struct is, not its wording."""
    m = PREFIX + "shape.get"
    reply = {"a": obj("Vo", x=STRING), "b": obj("Vo", x=change)}
    message = refusal(tmp_path, {m: endpoint(m, reply=reply)})
    assert "two different structs are named 'Vo'" in message and "(the other at " in message


def test_enums_of_one_name_that_differ_in_a_value_are_refused(tmp_path: Path) -> None:
    m = PREFIX + "shape.get"
    reply = {
        "a": {"type": "integer", "enum": [1, 2], "title": "K"},
        "b": {"type": "integer", "enum": [1, 3], "title": "K"},
    }
    message = refusal(tmp_path, {m: endpoint(m, reply=reply)})
    assert "two different enums are named 'K'" in message and "shape.get.yaml:" in message


# -- rules the validator checks first ---------------------------------------------------------


@pytest.mark.parametrize(
    ("break_it", "rule"),
    [
        (lambda op: op.pop("x-top-method"), "missing method"),
        (
            lambda op: op["requestBody"].update(
                content={"application/json": op["requestBody"]["content"].popitem()[1]}
            ),
            "form body",
        ),
    ],
)
def test_a_rule_of_the_validator_is_said_by_the_builder_in_its_words(
    tmp_path: Path, break_it: Any, rule: str
) -> None:
    """The builder runs on validated documents, but when it meets a broken one (a test, a cache
    of an older run) it says what the validator says: one rule, one wording (generator/top.py)."""
    method = PREFIX + "user.authcode.send"
    item = endpoint(method, {"mobile": STRING})
    break_it(item["post"])
    expected = {
        "missing method": top.missing_method("/" + method),
        "form body": top.FORM_BODY_REQUIRED,
    }[rule]
    spec = load_spec(write_spec(tmp_path / "spec", {method: item}))
    with pytest.raises(SpecError) as built_error:
        build_api(spec)
    assert expected in str(built_error.value)
    with pytest.raises(SpecError) as validated:
        validate(spec)
    assert expected in str(validated.value)
