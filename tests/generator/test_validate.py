"""``validate`` on its own, without ``generate``: each rule refuses what it must, at the file
and line where the spec says it, with one wording; the project's spec passes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.errors import Problem, SpecError
from generator.load import load_spec
from generator.top import MAX_METHOD_LENGTH
from generator.validate import validate

from .conftest import ENDPOINT, PARAM0, SPEC, at, read_yaml, write_yaml

METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"


def problems(spec: Path) -> list[Problem]:
    """What ``validate`` finds in ``spec`` (empty when it passes)."""
    try:
        validate(load_spec(spec))
    except SpecError as exc:
        return list(exc.problems)
    return []


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of ``path`` holding ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def edit(spec: Path, change: Any, file: str = ENDPOINT) -> None:
    data = read_yaml(spec / file)
    change(data)
    write_yaml(spec / file, data)


def test_the_projects_spec_passes() -> None:
    assert problems(SPEC) == []


def test_a_reference_to_nothing_is_named_with_its_line(spec: Path) -> None:
    edit(spec, lambda d: at(d, PARAM0).update({"$ref": "#/post/nowhere"}))
    (problem,) = problems(spec)
    assert problem.file == spec / ENDPOINT or str(problem.file).endswith(ENDPOINT)
    assert problem.line == line_of(spec / ENDPOINT, "$ref: '#/post/nowhere'")
    assert problem.pointer.endswith("/properties/param0/$ref")
    assert problem.message == (
        "$ref '#/paths/~1alibaba.damai.maizuo.openapi.user.authcode.send/post/nowhere' "
        "points to nothing; check the name and that it is defined"
    )


def test_a_cycle_of_references_is_refused(spec: Path) -> None:
    """``A: {$ref: B}``, ``B: {$ref: A}`` never reaches a schema: following it has no end."""

    def change(root: dict[str, Any]) -> None:
        schemas = root["components"]["schemas"]
        schemas["Loop1"] = {"$ref": "#/components/schemas/Loop2"}
        schemas["Loop2"] = {"$ref": "#/components/schemas/Loop1"}

    edit(spec, change, "openapi.yaml")
    edit(
        spec, lambda d: at(d, PARAM0).update({"$ref": "../openapi.yaml#/components/schemas/Loop1"})
    )
    found = problems(spec)
    assert found
    assert all("is part of a cycle of references" in p.message for p in found), found
    assert {p.pointer for p in found} >= {"/components/schemas/Loop1/$ref"}


BAD_METHODS = {
    "slash": (METHOD.replace("authcode.", "authcode/"), "holds '/' (U+002F)"),
    "backslash": (METHOD.replace("authcode.", "authcode\\"), "holds '\\\\' (U+005C)"),
    "dot-dot": (METHOD.replace("authcode.", "authcode.."), "has an empty segment"),
    "full-width": (METHOD.replace("user", "ｕｓｅｒ"), "holds 'ｕ' (U+FF55)"),
    "control": (METHOD.replace("user", "us\x07er"), "holds a control character (U+0007)"),
    "bidi override": (METHOD.replace("user", "us\u202eer"), "a control character (U+202E)"),
    "too long": (METHOD + ".x" * 80, f"a TOP method name may have at most {MAX_METHOD_LENGTH}"),
}


@pytest.mark.parametrize("case", sorted(BAD_METHODS))
def test_a_method_name_that_cannot_name_files_is_refused_at_its_line(spec: Path, case: str) -> None:
    """A method names files and Python names: anything but ASCII words joined by dots fails in
    ``validate``, at the line of ``x-top-method``, rather than when files are written."""
    method, reason = BAD_METHODS[case]
    root = read_yaml(spec / "openapi.yaml")
    root["paths"] = {"/" + method: {"$ref": "endpoints/bad.yaml"}}
    write_yaml(spec / "openapi.yaml", root)
    data = read_yaml(spec / ENDPOINT)
    data["post"]["x-top-method"] = method
    data["post"].pop("operationId", None)
    write_yaml(spec / "endpoints/bad.yaml", data)
    (spec / ENDPOINT).unlink()

    (problem,) = problems(spec)

    assert str(problem.file).endswith("endpoints/bad.yaml")
    assert problem.line == line_of(spec / "endpoints/bad.yaml", "x-top-method:")
    assert problem.pointer.endswith("/post/x-top-method")
    assert problem.message.startswith(f"the method {method!r} ")
    assert reason in problem.message


def test_a_method_prefix_must_be_a_method_name_too(spec: Path) -> None:
    edit(
        spec,
        lambda d: d["info"]["x-top-package"].update({"method-prefix": "alibaba/damai."}),
        "openapi.yaml",
    )
    (problem,) = problems(spec)
    assert problem.pointer == "/info/x-top-package/method-prefix"
    assert problem.message.startswith("the prefix 'alibaba/damai.' segment 'alibaba/damai'")


def test_a_business_parameter_named_like_a_system_parameter(spec: Path) -> None:
    edit(spec, lambda d: at(d, PARAM0[:-2])["properties"].update({"sign": {"type": "string"}}))
    (problem,) = problems(spec)
    assert problem.pointer.endswith("/schema/properties/sign")
    assert problem.message == (
        "'sign' is a TOP system parameter; a business parameter needs another name"
    )


def test_business_parameters_must_be_a_form(spec: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        content = data["post"]["requestBody"]["content"]
        content["application/json"] = content.pop("application/x-www-form-urlencoded")

    edit(spec, change)
    (problem,) = problems(spec)
    assert problem.pointer.endswith("/post/requestBody/content")
    assert problem.message == "business parameters are a application/x-www-form-urlencoded body"


def test_an_unknown_session_kind(spec: Path) -> None:
    edit(spec, lambda d: d["post"].update({"x-top-session": "sometimes"}))
    (problem,) = problems(spec)
    assert problem.line == line_of(spec / ENDPOINT, "x-top-session:")
    assert problem.message == "'sometimes'; expected one of none, optional, required"


def test_openapis_own_schema_keywords_are_checked_in_request_bodies(spec: Path) -> None:
    """A request body's schema is read in OpenAPI 3.1's JSON Schema dialect: ``xml`` must be an
    object there (openapi-spec-validator never looks at request bodies' schemas)."""
    edit(spec, lambda d: at(d, PARAM0).update({"xml": 5}))
    (problem,) = problems(spec)
    assert problem.pointer.endswith("/properties/param0/xml")
    assert problem.message == "not a valid JSON Schema: 5 is not of type 'object'"
    assert problem.line == line_of(spec / ENDPOINT, "xml: 5")


def test_every_problem_of_one_response_schema_is_reported(spec: Path) -> None:
    def spoil(data: dict[str, Any]) -> None:
        schema = at(data, ("post", "responses", "200", "content", "application/json", "schema"))
        schema["required"] = 4
        schema["properties"] = []

    edit(spec, spoil)
    found = {(p.pointer.rsplit("/", 1)[-1], p.message) for p in problems(spec)}
    assert found == {
        ("required", "not a valid JSON Schema: 4 is not of type 'array'"),
        ("properties", "not a valid JSON Schema: [] is not of type 'object'"),
    }


def test_a_parameters_schema_is_meta_checked_with_its_pointer(spec: Path) -> None:
    parameter = {"name": "q", "in": "query", "schema": {"type": "string", "required": 4}}
    edit(spec, lambda d: d["post"].update({"parameters": [parameter]}))
    (problem,) = problems(spec)
    assert problem.pointer.endswith("/post/parameters/0/schema/required")
    assert problem.message == "not a valid JSON Schema: 4 is not of type 'array'"


def test_openapi_spec_validator_skips_the_meta_check_of_schemas_already_checked() -> None:
    from generator.validate.structure import openapi_errors

    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Twice": {"type": "object", "required": "x"}}},
    }
    assert openapi_errors(document) == [(("required",), "'x' is not of type 'array'")]
    assert openapi_errors(document, frozenset({"/components/schemas/Twice"})) == []
