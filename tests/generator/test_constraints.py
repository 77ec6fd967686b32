"""Every JSON Schema rule the spec can carry becomes its pydantic v2 form: the module passes
mypy --strict, imports with warnings as errors (pydantic v1's ``max_items`` once warned, and
failed mypy), and at call time a bad value is a ``ParameterError`` (nothing sent) while a good
one reaches the mock gateway. A rule that does not apply to its type is refused."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.errors import SpecError
from generator.generate import build
from generator.mock.gateway import Gateway
from generator.mock.server import GatewayServer

from .minispec import endpoint, generated, imported, mypy_strict, write_spec

METHOD = "alibaba.damai.maizuo.openapi.rules.check"
STRING = {"type": "string"}
PARAMS: dict[str, Any] = {
    "name": {"type": "string", "minLength": 2, "maxLength": 4},
    "code": {"type": "string", "pattern": "^[0-9]+$"},
    "count": {"type": "integer", "minimum": 1, "maximum": 10},
    "ratio": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
    "step": {"type": "integer", "multipleOf": 5},
    "tags": {"type": "array", "items": STRING, "minItems": 1, "maxItems": 2},
    "labels": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 3}},
    "grid": {
        "type": "array",
        "items": {"type": "array", "items": {"type": "integer", "maximum": 9}, "maxItems": 2},
    },
    "item": {
        "title": "Item",
        "type": "object",
        "properties": {
            "qty": {"type": "integer", "minimum": 0, "maximum": 3},
            "names": {"type": "array", "items": STRING, "maxItems": 1},
        },
    },
}
GOOD: dict[str, Any] = {
    "name": "abc",
    "code": "0123",
    "count": 10,
    "ratio": 0.5,
    "step": 15,
    "tags": ["a", "b"],
    "labels": ["x", "yyy"],
    "grid": [[1, 9], [0]],
    "item": {"qty": 3, "names": ["n"]},
}
BAD: list[tuple[str, Any]] = [
    ("name", "a"),
    ("name", "abcde"),
    ("code", "12a"),
    ("count", 0),
    ("count", 11),
    ("ratio", 0),
    ("ratio", 1),
    ("step", 7),
    ("tags", []),
    ("tags", ["a", "b", "c"]),
    ("labels", ["abcd"]),
    ("labels", [""]),
    ("grid", [[1, 2, 3]]),
    ("grid", [[10]]),
    ("item", {"qty": 4}),
    ("item", {"names": ["a", "b"]}),
]


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, ModuleType]]:
    base = tmp_path_factory.mktemp("rules")
    item = endpoint(METHOD, PARAMS, {"ok": {"type": "boolean"}}, json_params=("item", "grid"))
    spec = write_spec(base / "spec", {METHOD: item})
    out = generated(spec, base / "out")
    with imported(out, "mini_sdk") as package:
        yield spec, out, package


def test_the_module_passes_mypy_strict(sdk: tuple[Path, Path, ModuleType]) -> None:
    _, out, _ = sdk
    result = mypy_strict(out, "mini_sdk")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_module_imports_with_warnings_as_errors(sdk: tuple[Path, Path, ModuleType]) -> None:
    _, out, _ = sdk
    code = "import mini_sdk.endpoints.rules_check as m; m.RulesCheckParams.model_json_schema()"
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_a_good_call_reaches_the_gateway(sdk: tuple[Path, Path, ModuleType]) -> None:
    spec, _, package = sdk
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        with package.Client(base_url=gateway.base_url, **options) as client:
            assert client.rules.check(**GOOD) is not None
        (record,) = gateway.requests
    assert record.outcome == "ok"
    assert record.params["tags"] == "a,b"


@pytest.mark.parametrize(("name", "value"), BAD, ids=[f"{n}={v!r}" for n, v in BAD])
def test_a_bad_value_is_a_parameter_error_and_nothing_is_sent(
    sdk: tuple[Path, Path, ModuleType], name: str, value: Any
) -> None:
    spec, _, package = sdk
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        with (
            package.Client(base_url=gateway.base_url, **options) as client,
            pytest.raises(package.ParameterError) as caught,
        ):
            client.rules.check(**{**GOOD, name: value})
        assert gateway.requests == []
    assert caught.value.problems[0][0].startswith(name)


@pytest.mark.parametrize(
    ("schema", "keyword"),
    [
        ({"type": "integer", "maxLength": 3}, "maxLength"),
        ({"type": "string", "minimum": 1}, "minimum"),
        ({"type": "string", "format": "date-time", "maxLength": 19}, "maxLength"),
        ({"type": "string", "enum": ["a"], "pattern": "a"}, "pattern"),
        ({"type": "array", "items": STRING, "maxLength": 3}, "maxLength"),
        ({"type": "boolean", "multipleOf": 2}, "multipleOf"),
    ],
)
def test_a_rule_that_does_not_apply_to_its_type_is_refused(
    tmp_path: Path, schema: dict[str, Any], keyword: str
) -> None:
    """Pydantic would fail on it at call time (TypeError: Unable to apply constraint)."""
    spec = write_spec(tmp_path / "spec", {METHOD: endpoint(METHOD, {"p": schema})})
    with pytest.raises(SpecError) as caught:
        build(spec)
    (problem,) = caught.value.problems
    assert problem.pointer.endswith(f"/p/{keyword}") and problem.line is not None
    assert f"{keyword} does not apply to the type" in problem.message
