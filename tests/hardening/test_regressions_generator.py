"""Regression tests of the generator defects the fuzzers found, one test per defect (not
fuzzers: they run in the default suite only).

Most use one small spec (:func:`tricky_endpoint`) that holds every name and text the generator
once got wrong; it is generated once per module, type checked, and called through the mock
gateway.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.errors import SpecError
from generator.generate import build, generate
from generator.mock.gateway import Gateway
from generator.mock.scenarios import Result
from generator.mock.server import GatewayServer
from generator.render.modules import export_order
from generator.render.pytext import docstring

from .specs import COMPONENTS, dump

METHOD = "alibaba.damai.maizuo.openapi.format.names"
KEY = "alibaba_damai_maizuo_openapi_format_names_response"
TITLE = 'Tricky "SDK" \\ with\nline breaks, DEL \x7f and a tab\t'
ODD_TEXT = 'ends in a quote " and holds """ and \\" and """"'
TAB_TEXT = "ù\n\t© a line that starts with a tab\n\t\tand\ttwo"


def tricky_endpoint() -> dict[str, Any]:
    field_struct = {
        "title": "Field",
        "type": "object",
        "properties": {
            "model_dump": {"type": "string"},
            "mro": {"type": "integer"},
            "__init__": {"type": "boolean"},
            "model_dump_at": {"type": "string"},
        },
    }
    params = {
        "self": {"type": "string", "description": ODD_TEXT},
        "_id": {"type": "string", "description": TAB_TEXT},
        "mapping": {"type": "string", "enum": ["a", "b"]},
        "options": field_struct,
        "when": {
            "type": "array",
            "items": {"type": "array", "items": {"type": "string", "format": "date-time"}},
        },
    }
    reply = {
        "type": "object",
        "properties": {
            "ResultData": {
                "title": "ResultData",
                "type": "object",
                "properties": {"success": {"type": "boolean"}},
            },
            "tags": {"type": "array", "items": {"type": "string", "enum": ["", "x"]}},
            "code": {"type": "string", "maxLength": 2, "pattern": "^[0-9]+$"},
            "request_id": {"type": "string", "description": TAB_TEXT},
            "level10": {"title": "Level10", "type": "object", "properties": {}},
            "level2": {"title": "Level2", "type": "object", "properties": {}},
        },
    }
    return {
        "post": {
            "summary": ODD_TEXT,
            "description": ODD_TEXT,
            "x-top-method": METHOD,
            "x-top-idempotent": True,
            "requestBody": {
                "required": True,
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {"type": "object", "required": ["self"], "properties": params},
                        "encoding": {
                            "options": {"contentType": "application/json"},
                            "when": {"contentType": "application/json"},
                        },
                    }
                },
            },
            "responses": {
                "200": {
                    "description": ODD_TEXT,
                    "content": {
                        "application/json": {
                            "schema": {
                                "oneOf": [
                                    {
                                        "type": "object",
                                        "required": [KEY],
                                        "properties": {KEY: reply},
                                    },
                                    {"$ref": "../openapi.yaml#/components/schemas/ErrorEnvelope"},
                                ]
                            }
                        }
                    },
                }
            },
        }
    }


def write_spec(
    folder: Path, endpoint: dict[str, Any], *, method: str = METHOD, **info: Any
) -> Path:
    (folder / "endpoints").mkdir(parents=True, exist_ok=True)
    root = {
        "openapi": "3.1.0",
        "info": {
            "title": TITLE,
            "version": "1.0.0",
            "x-top-package": {"module": "tricky_sdk"},
            **info,
        },
        "paths": {f"/{method}": {"$ref": f"endpoints/{method}.yaml"}},
        "components": COMPONENTS,
    }
    dump(folder / "openapi.yaml", root)
    dump(folder / "endpoints" / f"{method}.yaml", endpoint)
    return folder


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, ModuleType]]:
    """The spec, the output folder and the imported package of ``TRICKY``."""
    base = tmp_path_factory.mktemp("tricky")
    spec = write_spec(base / "spec", tricky_endpoint())
    out = base / "out"
    generate(spec, out)
    sys.path.insert(0, str(out))
    try:
        package = importlib.import_module("tricky_sdk")
        yield spec, out, package
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.split(".")[0] == "tricky_sdk"]:
            del sys.modules[name]


def endpoint_module(package: ModuleType) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.endpoints.format_names")


# -- generator -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ['"""', '""""', '"', 'a"', '\\"', "a\\", '"""x"""', ODD_TEXT, 'x\n"', '\\"""\\']
)
def test_docstring_is_a_literal_of_its_text(text: str) -> None:
    """``docstring`` escaped a final quote after an escaped backslash as ``\\\\"``, ending the
    literal early (found: a description ending in ``\\"``)."""
    assert ast.literal_eval(docstring(text)).rstrip() == text.strip()


def test_docstring_lines_end_without_whitespace() -> None:
    """A description with a line ending in spaces kept them in a field's docstring (black
    leaves an attribute's docstring as it is): ruff's W291 failed make check."""
    literal = docstring("first  \nsecond\t\nthird \u3000\nlast", indent=4)
    assert all(line == line.rstrip() for line in literal.splitlines())
    assert ast.literal_eval(literal) == "first\n    second\n    third\n    last\n    "


def test_docstring_writes_tabs_escaped() -> None:
    """A description line starting with a tab was indented with spaces and then the tab, which
    ruff's E101 (mixed spaces and tabs) refused in a field's docstring."""
    literal = docstring(TAB_TEXT, indent=4)
    assert "\t" not in literal
    assert (
        ast.literal_eval(literal)
        == "ù\n    \t© a line that starts with a tab\n    \t\tand\ttwo\n    "
    )


def test_tabbed_descriptions_pass_ruff(tricky: tuple[Path, Path, ModuleType]) -> None:
    """The same, through the generator: a field's and a parameter's docstrings hold TAB_TEXT."""
    _, out, _ = tricky
    ruff = Path(sys.executable).parent / "ruff"
    args = ["check", "--isolated", "--no-cache", "--select", "E1,W", "tricky_sdk"]
    result = subprocess.run([ruff, *args], cwd=out, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
    source = (out / "tricky_sdk" / "endpoints" / "format_names.py").read_text(encoding="utf-8")
    assert "\\t© a line that starts with a tab" in source


def test_pyproject_is_toml_whatever_the_title(tricky: tuple[Path, Path, ModuleType]) -> None:
    """The title went into pyproject.toml unescaped: a backslash, a line break or a control
    character made it invalid TOML."""
    _, out, _ = tricky
    project = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["description"].startswith('Python SDK of Tricky "SDK" \\ with line breaks')
    assert "\n" not in project["description"]


def test_tricky_names_compile_and_pass_mypy_strict(tricky: tuple[Path, Path, ModuleType]) -> None:
    """A parameter named ``self`` (duplicate argument), a struct titled ``Field`` (hid
    pydantic's ``Field``), an enum named ``Mapping`` after its field, a field named like its own
    class (``ResultData: ResultData``), fields pydantic takes for private or its own
    (``_id``, ``__init__``, ``model_dump``, ``mro``)."""
    _, out, _ = tricky
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "/dev/null", "tricky_sdk"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_all_is_in_the_order_ruff_wants(tricky: tuple[Path, Path, ModuleType]) -> None:
    """``__all__`` was sorted as Python sorts (``Level10`` before ``Level2``); ruff's RUF022,
    which ``make check`` runs on the generated package, wants natural order."""
    _, out, _ = tricky
    ruff = Path(sys.executable).parent / "ruff"
    args = ["check", "--isolated", "--no-cache", "--select", "RUF022", "tricky_sdk"]
    result = subprocess.run([ruff, *args], cwd=out, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout
    names = ["Level10", "x", "Level2", "LEVEL", "level"]
    assert sorted(names, key=export_order) == ["LEVEL", "Level2", "Level10", "level", "x"]


def test_tricky_names_are_renamed_and_keep_their_wire_names(
    tricky: tuple[Path, Path, ModuleType],
) -> None:
    _, _, package = tricky
    module = endpoint_module(package)
    params = module.FormatNamesParams.model_fields
    assert {name: info.alias for name, info in params.items()} == {
        "self_": "self",
        "id": "_id",
        "mapping": None,
        "options": None,
        "when": None,
    }
    assert module.Field_.__name__ == "Field_" and module.Mapping_.A == "a"
    assert set(module.Field_.model_fields) == {"model_dump_", "mro_", "init", "model_dump_at"}
    assert "ResultData_" in module.FormatNamesResponse.model_fields


def test_a_top_level_resource_keeps_clear_of_the_client_options(
    tricky: tuple[Path, Path, ModuleType],
) -> None:
    """``client.format`` is an option (the reply format); a resource called ``format`` hid it
    (or was hidden by it: ``'str' object has no attribute 'names'``)."""
    _, _, package = tricky
    client = package.Client(app_key="k", app_secret="s")
    assert client.format == "json"
    assert callable(client.format_.names)


def test_the_doc_example_fills_required_parameters_without_examples(
    tricky: tuple[Path, Path, ModuleType],
) -> None:
    """A required parameter with no example in the spec was left out of the doc page's
    example, which then failed with ParameterError (and showed ``send(\n\n    )``)."""
    _, out, _ = tricky
    page = (out / "docs" / "format.names.md").read_text(encoding="utf-8")
    assert '        self_="example",\n' in page


def test_tricky_call_round_trips_through_the_gateway(
    tricky: tuple[Path, Path, ModuleType],
) -> None:
    """Date-times inside lists of a JSON parameter went out in ISO 8601 (the gateway wants
    ``yyyy-MM-dd HH:mm:ss``); an empty XML list item became ``None`` (refused by ``list[str]``);
    a reply breaking a field's ``maxLength``/``pattern`` failed the whole call."""
    spec, _, package = tricky
    reply = {"ResultData": {"success": True}, "tags": ["", "x"], "code": "not digits"}
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        gateway.add_scenario(Result(reply))
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        with package.Client(base_url=gateway.base_url, format="xml", **options) as client:
            response = client.format_.names(
                self_="me",
                id="7",
                mapping="a",
                options={"model_dump": "d", "mro": 1, "__init__": True},
                when=[[datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)]],
            )
        (record,) = gateway.requests
    assert record.outcome == "ok"
    assert json.loads(record.params["when"]) == [["2026-01-02 11:04:05"]]
    assert json.loads(record.params["options"]) == {"model_dump": "d", "mro": 1, "__init__": True}
    assert (record.params["self"], record.params["_id"]) == ("me", "7")
    assert response.ResultData_.success is True
    assert response.tags == ["", "x"]
    assert response.code == "not digits"


def test_an_unchanged_run_clears_what_a_killed_run_left(tmp_path: Path) -> None:
    """A run killed after swapping the new tree in, while deleting the old one beside it, left
    ``.out.staging-<pid>``; the next run found the output up to date and returned without
    looking, so the old tree stayed there for good."""
    spec = write_spec(tmp_path / "spec", tricky_endpoint())
    out = tmp_path / "out"
    generate(spec, out)
    for leftover in (".out.staging-4242", ".out.retired"):
        (tmp_path / leftover / "tricky_sdk").mkdir(parents=True)
        (tmp_path / leftover / "tricky_sdk" / "old.py").write_text("x = 1\n", encoding="utf-8")
    assert not generate(spec, out)  # up to date: nothing written
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_a_yaml_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """Anchors used over and over ("billion laughs" in YAML) were expanded in full: the
    generator never finished."""
    spec = write_spec(tmp_path / "spec", tricky_endpoint())
    bomb = ['x-lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    bomb += [f"x-lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 20)]
    root = spec / "openapi.yaml"
    root.write_text("".join(bomb) + root.read_text(encoding="utf-8"), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(SpecError, match="values once its YAML aliases are expanded"):
        build(spec)
    assert time.monotonic() - started < 10


def test_yaml_nested_too_deep_is_refused_clearly(tmp_path: Path) -> None:
    """500 nested lists made the loader overflow Python's stack: "internal error:
    RecursionError"."""
    spec = write_spec(tmp_path / "spec", tricky_endpoint())
    root = spec / "openapi.yaml"
    deep = "x-deep: " + "[" * 500 + "]" * 500 + "\n"
    root.write_text(deep + root.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SpecError, match=r"/x-deep/0/0.*: nested deeper than 100 levels"):
        build(spec)


def test_a_schema_that_is_not_json_schema_is_refused(tmp_path: Path) -> None:
    """openapi-spec-validator let ``required: 4`` through and the generator died with
    "internal error: TypeError: 'int' object is not iterable"."""
    endpoint = tricky_endpoint()
    form = endpoint["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    form["schema"]["required"] = 4
    form["schema"]["properties"]["options"]["properties"] = []
    message = _refusal(tmp_path, endpoint)
    assert "/schema/required: not a valid JSON Schema: 4 is not of type 'array'" in message
    assert "/options/properties: not a valid JSON Schema: [] is not of type 'object'" in message


def test_a_character_yaml_refuses_is_one_line_with_its_line_number(tmp_path: Path) -> None:
    """A raw DEL or ESC gave a two-line message without a line number."""
    spec = write_spec(tmp_path / "spec", tricky_endpoint())
    file = spec / "endpoints" / f"{METHOD}.yaml"
    text = file.read_text(encoding="utf-8").replace("summary:", "summary: \x1b[0m", 1)
    file.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        build(spec)
    (problem,) = caught.value.problems
    assert problem.line == 1 + text[: text.index("\x1b")].count("\n")
    assert (
        problem.message
        == "invalid YAML: character U+001B is not allowed in YAML; write it as an escape"
    )


def test_output_into_a_closed_pipe_is_no_internal_error(tmp_path: Path) -> None:
    """``maizuo-gen generate | head -1`` ended with "internal error: BrokenPipeError" (exit 3)
    once ``head`` had gone, although the output was written."""
    spec = write_spec(tmp_path / "spec", tricky_endpoint())
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "generate", "--spec", str(spec), "--out", "out"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is printed
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141, stderr
    assert stderr == ""
    assert (tmp_path / "out" / "tricky_sdk" / "__init__.py").exists()


def test_names_read_as_digits_are_renamed(tmp_path: Path) -> None:
    """An enum value "ÐÓ" became the member ``O``, a field ``l`` the attribute ``l``, a wire
    name ``I`` the key of a TypedDict class: names ruff refuses (E741-E743), so ``make check``
    failed on the generated package. (A TypedDict keeps its wire names: the key has a noqa, as
    the functional form would be UP013.)"""
    method = "alibaba.damai.maizuo.openapi.x.l"
    key = method.replace(".", "_") + "_response"
    endpoint = tricky_endpoint()
    post = endpoint["post"]
    post["x-top-method"] = method
    form = post["requestBody"]["content"]["application/x-www-form-urlencoded"]
    form["schema"]["properties"]["l"] = {"type": "string", "enum": ["ÐÓ", "I", "l"]}
    form["schema"]["properties"]["o"] = {
        "title": "O",
        "type": "object",
        "properties": {"I": {"type": "string"}},
    }
    form["encoding"]["o"] = {"contentType": "application/json"}
    envelope = post["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"][0]
    envelope["required"] = [key]
    envelope["properties"] = {key: {"type": "object", "properties": {"I": {"type": "string"}}}}
    spec = write_spec(tmp_path / "spec", endpoint, method=method)
    generate(spec, tmp_path / "out")
    ruff = Path(sys.executable).parent / "ruff"
    args = ["check", "--isolated", "--no-cache", "--select", "E741,E742,E743,UP013", "tricky_sdk"]
    result = subprocess.run(
        [ruff, *args], cwd=tmp_path / "out", capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout
    module = (tmp_path / "out" / "tricky_sdk" / "endpoints" / "x_l.py").read_text("utf-8")
    for declared in ("O_ = ", "I_ = ", "L = ", "class O_(", "    I_: str | None", "def l_("):
        assert declared in module, declared


def test_resource_classes_keep_clear_of_their_async_twins(tmp_path: Path) -> None:
    """``client.async_`` has the async twin ``AsyncAsyncResource``, the very name of the class
    of ``client.async_.async_``: one replaced the other, and ``client.async_.async_.user``
    was an AttributeError."""
    method = "alibaba.damai.maizuo.openapi.async.async.user"
    key = method.replace(".", "_") + "_response"
    endpoint = tricky_endpoint()
    post = endpoint["post"]
    post["x-top-method"] = method
    envelope = post["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"][0]
    envelope["required"] = [key]
    envelope["properties"] = {key: {"type": "object", "properties": {}}}
    spec = write_spec(tmp_path / "spec", endpoint, method=method)
    generate(spec, tmp_path / "out")
    code = (
        "import tricky_sdk\n"
        "c = tricky_sdk.Client(app_key='k', app_secret='s')\n"
        "a = tricky_sdk.AsyncClient(app_key='k', app_secret='s')\n"
        "print(callable(c.async_.async_.user), callable(a.async_.async_.user))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path / "out",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout == "True True\n", result.stderr


def _refusal(tmp_path: Path, endpoint: dict[str, Any], **info: Any) -> str:
    spec = write_spec(tmp_path / "spec", endpoint, **info)
    with pytest.raises(SpecError) as caught:
        build(spec)
    return str(caught.value)


def test_a_business_parameter_named_like_a_system_parameter_is_refused(tmp_path: Path) -> None:
    """A parameter named ``method`` or ``sign`` was sent beside TOP's own: every call failed."""
    endpoint = tricky_endpoint()
    form = endpoint["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    form["schema"]["properties"]["timestamp"] = {"type": "string"}
    message = _refusal(tmp_path, endpoint)
    assert "/properties/timestamp: 'timestamp' is a TOP system parameter" in message


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ({"version": "1.0-beta"}, "/info/version: '1.0-beta' is not a Python package version"),
        ({"x-top-package": {"module": "my-sdk"}}, "'my-sdk' cannot be imported"),
        ({"x-top-package": {"module": "class"}}, "'class' cannot be imported"),
        ({"x-top-package": {"module": "m", "distribution": "a b"}}, "'a b' is not a package"),
        ({"x-top-package": {"module": "m", "method-prefix": "alibaba"}}, "must end with a dot"),
        ({"x-top-package": {"module": "m", "colour": "red"}}, "unknown key 'colour'"),
    ],
)
def test_package_names_and_version_are_checked(
    tmp_path: Path, info: dict[str, Any], expected: str
) -> None:
    """A version or names pip or Python refuse made an SDK that could not be installed or
    imported."""
    assert expected in _refusal(tmp_path, tricky_endpoint(), **info)


def test_a_method_with_one_segment_is_refused(tmp_path: Path) -> None:
    """``alibaba.damai.maizuo.openapi.ping`` has no resource to hang on: the client module
    came out with an empty block (black: "this is a generator bug")."""
    method = "alibaba.damai.maizuo.openapi.ping"
    endpoint = tricky_endpoint()
    endpoint["post"]["x-top-method"] = method
    schema = endpoint["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    envelope = schema["oneOf"][0]
    envelope["required"] = ["alibaba_damai_maizuo_openapi_ping_response"]
    envelope["properties"] = {"alibaba_damai_maizuo_openapi_ping_response": {"type": "object"}}
    spec = write_spec(tmp_path / "spec", endpoint, method=method)
    with pytest.raises(SpecError, match="needs two segments or more"):
        build(spec)


def test_a_struct_named_like_the_dict_form_of_another_is_refused(tmp_path: Path) -> None:
    """Structs ``Item`` (sent, so with a plain-dict twin ``ItemDict``) and ``ItemDict`` made
    two classes of one name: mypy "already defined", and one of them lost."""
    endpoint = tricky_endpoint()
    form = endpoint["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    for name, title in (("item", "Item"), ("other", "ItemDict")):
        form["schema"]["properties"][name] = {"title": title, "type": "object"}
        form["encoding"][name] = {"contentType": "application/json"}
    message = _refusal(tmp_path, endpoint)
    assert "'ItemDict' is the name of the plain-dict form of the struct 'Item'" in message


def test_a_reply_field_that_cannot_be_an_xml_element_is_refused(tmp_path: Path) -> None:
    """The mock wrote ``<1st>`` in XML replies; TOP answers in XML too, so such a field can
    never be read."""
    endpoint = tricky_endpoint()
    schema = endpoint["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    schema["oneOf"][0]["properties"][KEY]["properties"]["1st"] = {"type": "string"}
    assert "field '1st' of a reply cannot be an XML element" in _refusal(tmp_path, endpoint)
