"""Client parameters (``info.x-top-package.client-params``): each malformed declaration is
refused at its line saying what to fix; a declared name marks every request field of that name,
top-level or in structs at any depth (in lists too), which a generated client then fills in over
HTTP; the project's spec declares the partner tokens."""

from __future__ import annotations

import inspect
import json
import typing
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator import naming
from generator.errors import SpecError
from generator.generate import build
from generator.mock.gateway import Gateway
from generator.mock.server import GatewayServer
from generator.runtime._base_client import BaseClient
from generator.runtime._options import ClientOptionChanges, ClientOptions

from .minispec import endpoint, generated, imported, mypy_strict, write_spec

ROOT = Path(__file__).resolve().parents[2]
METHOD = "alibaba.damai.maizuo.openapi.order.add"
STRING = {"type": "string"}
ITEM = {
    "title": "OrderItem",
    "type": "object",
    "required": ["sku", "ptnr_token"],
    "properties": {"sku": STRING, "ptnr_token": STRING},
}
ORDER = {
    "title": "OrderParam",
    "type": "object",
    "required": ["tenant_token", "items"],
    "properties": {
        "tenant_token": STRING,
        "items": {"type": "array", "items": ITEM},
        "note": STRING,
    },
}
TOKEN = {"name": "ptnr_token", "description": "合作方令牌"}


def spec_with(folder: Path, client_params: Any, params: dict[str, Any] | None = None) -> Path:
    """A spec of one endpoint taking ``ptnr_token`` and the struct ``order`` (whose fields hold
    ``tenant_token`` and, in a list, ``ptnr_token``), declaring ``client_params``."""
    params = params or {"ptnr_token": STRING, "order": ORDER}
    item = endpoint(
        METHOD,
        params,
        {"ok": {"type": "boolean"}},
        required=tuple(params),
        json_params=("order",),
    )
    package = {"module": "mini_sdk", "client-params": client_params}
    return write_spec(folder / "spec", {METHOD: item}, package=package)


def problems_of(spec: Path) -> list[str]:
    with pytest.raises(SpecError) as caught:
        build(spec)
    return [f"{p.pointer}: {p.message}" for p in caught.value.problems]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


# -- declarations refused --------------------------------------------------------------------

POINTER = "/info/x-top-package/client-params"
REFUSED = [
    ("not a list", {"ptnr_token": "x"}, POINTER, "must be a list of client parameters"),
    ("not a mapping", ["ptnr_token"], f"{POINTER}/0", "must be a mapping like"),
    (
        "an env of its own",
        [{**TOKEN, "env": "PTNR"}],
        f"{POINTER}/0/env",
        "the environment variable is always the package's prefix and the name in capitals "
        "(MINI_SDK_NAME)",
    ),
    ("no name", [{"description": "x"}], f"{POINTER}/0", "needs a name"),
    ("no description", [{"name": "ptnr_token"}], f"{POINTER}/0", "needs a description"),
    (
        "a secret flag that is no boolean",
        [{**TOKEN, "secret": "yes"}],
        f"{POINTER}/0/secret",
        "must be true or false",
    ),
    (
        "a name that is no lower-case identifier",
        [{**TOKEN, "name": "Ptnr-Token"}],
        f"{POINTER}/0/name",
        "'Ptnr-Token' cannot name a client parameter",
    ),
    (
        "a client option's name",
        [TOKEN, {**TOKEN, "name": "timeout"}],
        f"{POINTER}/1/name",
        "'timeout' is an option of Client (Client(timeout=...))",
    ),
    (
        "a name the constructor uses",
        [TOKEN, {**TOKEN, "name": "self"}],
        f"{POINTER}/1/name",
        "'self' is a name the client's constructor uses itself",
    ),
    (
        "a system parameter's name",
        [TOKEN, {**TOKEN, "name": "method"}],
        f"{POINTER}/1/name",
        "'method' is a TOP system parameter",
    ),
    (
        "an environment variable the SDK reads",
        [TOKEN, {**TOKEN, "name": "log"}],
        f"{POINTER}/1/name",
        "its environment variable MINI_SDK_LOG is one the SDK already reads",
    ),
    (
        "a name declared twice",
        [TOKEN, {**TOKEN, "description": "again"}],
        f"{POINTER}/1/name",
        "the client parameter 'ptnr_token' is declared twice (first at ",
    ),
    (
        "a name no request field carries",
        [TOKEN, {**TOKEN, "name": "channel_token"}],
        f"{POINTER}/1/name",
        "no request field is named 'channel_token', so the client would fill nothing",
    ),
]


@pytest.mark.parametrize(
    ("declared", "pointer", "message"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_a_bad_declaration_is_refused_where_it_is(
    tmp_path: Path, declared: Any, pointer: str, message: str
) -> None:
    spec = spec_with(tmp_path, declared)
    found = problems_of(spec)
    assert any(p.startswith(f"{pointer}: ") and message in p for p in found), found


def test_the_problem_names_the_file_and_line(tmp_path: Path) -> None:
    spec = spec_with(tmp_path, [TOKEN, {"name": "timeout", "description": "clash"}])
    with pytest.raises(SpecError) as caught:
        build(spec)
    (problem,) = caught.value.problems
    assert problem.file == spec / "openapi.yaml" or str(problem.file).endswith("openapi.yaml")
    assert problem.line == line_of(spec / "openapi.yaml", "name: timeout")
    assert "a client parameter cannot take its name" in str(problem)


def test_a_field_of_the_name_that_is_not_text_is_refused_at_the_field(tmp_path: Path) -> None:
    spec = spec_with(tmp_path, [TOKEN], {"ptnr_token": {"type": "integer"}})
    (problem,) = problems_of(spec)
    assert problem.startswith("/paths/~1alibaba.damai.maizuo.openapi.order.add/post/")
    assert "'ptnr_token' is a client parameter" in problem
    assert "this field is integer: make it a string" in problem


# -- fields marked, and filled by a generated client -----------------------------------------

DECLARED = [TOKEN, {"name": "tenant_token", "description": "租户令牌", "secret": False}]


def test_every_request_field_of_the_name_is_marked_at_any_depth(tmp_path: Path) -> None:
    api = build(spec_with(tmp_path, DECLARED))
    assert [(p.name, p.env, p.secret) for p in api.client_params] == [
        ("ptnr_token", "MINI_SDK_PTNR_TOKEN", True),
        ("tenant_token", "MINI_SDK_TENANT_TOKEN", False),
    ]
    (op,) = api.operations
    marked = sorted(
        (model.name, f.name, f.client_param.name)
        for model in op.models
        for f in model.fields
        if f.client_param is not None
    )
    assert marked == [
        ("OrderAddParams", "ptnr_token", "ptnr_token"),
        ("OrderItem", "ptnr_token", "ptnr_token"),
        ("OrderParam", "tenant_token", "tenant_token"),
    ]
    assert [p.name for p in op.params if p.client_param is not None] == ["ptnr_token"]


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, ModuleType]]:
    base = tmp_path_factory.mktemp("client-params")
    spec = spec_with(base, DECLARED)
    out = generated(spec, base / "out")
    with imported(out, "mini_sdk") as package:
        yield spec, out, package


def test_a_generated_client_fills_them_at_every_depth_over_http(
    mini: tuple[Path, Path, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, _, package = mini
    monkeypatch.setenv("MINI_SDK_TENANT_TOKEN", "tenant-from-env")
    order = {"items": [{"sku": "a"}, {"sku": "b", "ptnr_token": "own"}]}
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        with package.Client(base_url=gateway.base_url, ptnr_token="p-123456", **options) as c:
            c.order.add(order=order)
            with pytest.raises(package.errors.ParameterError) as caught:
                c.with_options(ptnr_token=None).order.add(order=order)
        (record,) = gateway.requests
    assert record.outcome == "ok"
    assert record.params["ptnr_token"] == "p-123456"
    assert json.loads(record.params["order"]) == {
        "tenant_token": "tenant-from-env",
        "items": [{"sku": "a", "ptnr_token": "p-123456"}, {"sku": "b", "ptnr_token": "own"}],
    }
    assert [path for path, _ in caught.value.problems] == [
        "ptnr_token",
        "order.items[0].ptnr_token",
    ]


TREE = "alibaba.damai.maizuo.openapi.tree.put"
TREE_SCHEMA = {
    "title": "Tree",
    "type": "object",
    "required": ["ptnr_token"],
    "properties": {
        "ptnr_token": STRING,
        "name": STRING,
        "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
    },
}


OUTER_SCHEMA = {
    "title": "Outer",
    "type": "object",
    "properties": {"name": STRING, "inner": {"$ref": "#/components/schemas/Inner"}},
}
INNER_SCHEMA = {
    "title": "Inner",
    "type": "object",
    "properties": {"ptnr_token": STRING, "outer": {"$ref": "#/components/schemas/Outer"}},
}


def test_structs_that_hold_themselves_are_filled_at_every_level(tmp_path: Path) -> None:
    """A tree of itself, and two structs holding each other where only one has the field."""
    params = {
        "tree": {"$ref": "../openapi.yaml#/components/schemas/Tree"},
        "outer": {"$ref": "../openapi.yaml#/components/schemas/Outer"},
    }
    item = endpoint(TREE, params, {"ok": {"type": "boolean"}}, json_params=("tree", "outer"))
    package = {"module": "tree_sdk", "client-params": [TOKEN]}
    schemas = {"Tree": TREE_SCHEMA, "Outer": OUTER_SCHEMA, "Inner": INNER_SCHEMA}
    spec = write_spec(tmp_path / "spec", {TREE: item}, package=package, schemas=schemas)
    out = generated(spec, tmp_path / "out")
    tree = {"name": "root", "children": [{"name": "a", "children": [{"name": "a1"}]}]}
    outer = {"inner": {"outer": {"name": "o2", "inner": {}}}}
    with imported(out, "tree_sdk") as package_module, GatewayServer(Gateway.from_spec(spec)) as gw:
        options = {"app_key": gw.app_key, "app_secret": gw.app_secret, "base_url": gw.base_url}
        with package_module.Client(ptnr_token="p-tree-1", **options) as client:
            client.tree.put(tree=tree, outer=outer)
        (record,) = gw.requests
    sent = json.loads(record.params["tree"])
    assert sent["ptnr_token"] == "p-tree-1"
    assert sent["children"][0]["ptnr_token"] == "p-tree-1"
    assert sent["children"][0]["children"][0] == {"name": "a1", "ptnr_token": "p-tree-1"}
    assert json.loads(record.params["outer"]) == {
        "inner": {
            "ptnr_token": "p-tree-1",
            "outer": {"name": "o2", "inner": {"ptnr_token": "p-tree-1"}},
        }
    }


def test_the_generated_package_passes_mypy_strict(mini: tuple[Path, Path, ModuleType]) -> None:
    _, out, _ = mini
    checked = mypy_strict(out, "mini_sdk")
    assert checked.returncode == 0, checked.stdout


def test_the_projects_spec_declares_the_partner_tokens() -> None:
    api = build(ROOT / "spec")
    assert [(p.name, p.env, p.secret) for p in api.client_params] == [
        ("ptnr_token", "DAMAI_MAIZUO_PTNR_TOKEN", True),
        ("tenant_token", "DAMAI_MAIZUO_TENANT_TOKEN", True),
        ("channel_token", "DAMAI_MAIZUO_CHANNEL_TOKEN", True),
    ]
    for op in api.operations:
        for model in op.models:
            for f in model.fields:
                if model.is_input and f.name in ("ptnr_token", "tenant_token", "channel_token"):
                    assert f.client_param is not None, (op.top_method, model.name, f.name)


def test_the_client_options_refused_as_names_are_the_runtimes() -> None:
    parameters = inspect.signature(BaseClient.__init__).parameters.values()
    options = {p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert options == naming.CLIENT_OPTIONS


@pytest.mark.parametrize(
    ("method", "options"),
    [(BaseClient.__init__, ClientOptions), (BaseClient.with_options, ClientOptionChanges)],
    ids=["constructor", "with_options"],
)
def test_the_options_typed_dicts_are_the_runtimes_signatures(method: Any, options: Any) -> None:
    parameters = inspect.signature(method).parameters.values()
    keyword = [p.name for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY]
    hints = typing.get_type_hints(method)
    assert list(options.__annotations__) == keyword
    assert typing.get_type_hints(options) == {name: hints[name] for name in keyword}
    assert options.__required_keys__ == frozenset()  # each option has its default


def test_a_spec_without_client_parameters_keeps_the_runtimes_constructor(tmp_path: Path) -> None:
    item = endpoint(METHOD, {"note": STRING}, {"ok": {"type": "boolean"}})
    spec = write_spec(tmp_path / "spec", {METHOD: item}, package={"module": "bare_sdk"})
    out = generated(spec, tmp_path / "out")
    source = (out / "bare_sdk" / "_client.py").read_text(encoding="utf-8")
    assert "def __init__" not in source and "def with_options" not in source
    assert "import httpx" not in source and "Unpack" not in source
    with imported(out, "bare_sdk") as package:
        for client in (package.Client, package.AsyncClient):
            assert "__init__" not in vars(client) and "with_options" not in vars(client)


def test_the_generated_clients_take_the_parameters_by_name(
    mini: tuple[Path, Path, ModuleType],
) -> None:
    _, _, package = mini
    for client in (package.Client, package.AsyncClient):
        for method in (client.__init__, client.with_options):
            parameters = list(inspect.signature(method).parameters.values())
            assert [p.name for p in parameters[1:3]] == ["ptnr_token", "tenant_token"]
            assert parameters[-1].kind is inspect.Parameter.VAR_KEYWORD
