"""A struct that holds itself (directly, in a list, or through another struct) is a struct like
any other: its module imports, passes mypy --strict, and reads a recursive reply, in JSON and
in XML, through the mock gateway. (Such a module once failed at import with ``NameError``.)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from types import ModuleType

import pytest

from generator.mock.gateway import Gateway
from generator.mock.scenarios import Result
from generator.mock.server import GatewayServer

from .minispec import endpoint, generated, imported, mypy_strict, write_spec

METHOD = "alibaba.damai.maizuo.openapi.tree.get"
PUT = "alibaba.damai.maizuo.openapi.tree.put"


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


SCHEMAS = {
    "Node": {
        "title": "Node",
        "type": "object",
        "properties": {"name": {"type": "string"}, "next": ref("Node")},
    },
    "Tree": {
        "title": "Tree",
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "children": {"type": "array", "items": ref("Tree")},
        },
    },
    "Outer": {
        "title": "Outer",
        "type": "object",
        "properties": {"inner": ref("Inner"), "name": {"type": "string"}},
    },
    "Inner": {
        "title": "Inner",
        "type": "object",
        "properties": {"outer": ref("Outer"), "name": {"type": "string"}},
    },
}
REPLY = {
    name.lower(): {"$ref": f"../openapi.yaml#/components/schemas/{name}"}
    for name in ("Node", "Tree", "Outer")
}
VALUE = {
    "node": {"name": "n1", "next": {"name": "n2", "next": {"name": "n3"}}},
    "tree": {
        "name": "root",
        "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b"}],
    },
    "outer": {"name": "o1", "inner": {"name": "i1", "outer": {"name": "o2"}}},
}


@pytest.fixture(scope="module")
def recursive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, ModuleType]]:
    base = tmp_path_factory.mktemp("recursive")
    put = endpoint(
        PUT,
        {"tree": {"$ref": "../openapi.yaml#/components/schemas/Tree"}},
        {"tree": {"$ref": "../openapi.yaml#/components/schemas/Tree"}},
        json_params=("tree",),
    )
    endpoints = {METHOD: endpoint(METHOD, reply=REPLY), PUT: put}
    spec = write_spec(base / "spec", endpoints, schemas=SCHEMAS)
    out = generated(spec, base / "out")
    with imported(out, "mini_sdk") as package:
        yield spec, out, package


def test_the_module_imports_and_validates_recursive_values(
    recursive: tuple[Path, Path, ModuleType],
) -> None:
    _, _, package = recursive
    module = import_module(f"{package.__name__}.endpoints.tree_get")
    assert {m.__name__ for m in (module.Node, module.Tree, module.Outer, module.Inner)}
    tree = module.Tree.model_validate({"name": "r", "children": [{"name": "c", "children": []}]})
    assert isinstance(tree.children[0], module.Tree)
    assert module.Outer.model_validate(VALUE["outer"]).inner.outer.name == "o2"


def test_the_module_passes_mypy_strict(recursive: tuple[Path, Path, ModuleType]) -> None:
    _, out, _ = recursive
    result = mypy_strict(out, "mini_sdk")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("reply_format", ["json", "xml"])
def test_a_recursive_reply_round_trips_through_the_gateway(
    recursive: tuple[Path, Path, ModuleType], reply_format: str
) -> None:
    spec, _, package = recursive
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        gateway.add_scenario(Result(VALUE))
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        with package.Client(base_url=gateway.base_url, format=reply_format, **options) as client:
            response = client.tree.get()
    assert response.node.next.next.name == "n3"
    assert response.node.next.next.next is None
    assert [c.name for c in response.tree.children] == ["a", "b"]
    assert response.tree.children[0].children[0].name == "a1"
    assert response.outer.inner.outer.name == "o2"


async def test_a_recursive_reply_round_trips_through_the_async_client(
    recursive: tuple[Path, Path, ModuleType],
) -> None:
    spec, _, package = recursive
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        gateway.add_scenario(Result(VALUE))
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        async with package.AsyncClient(base_url=gateway.base_url, **options) as client:
            response = await client.tree.get()
    assert response.tree.children[0].children[0].name == "a1"


def test_a_recursive_struct_is_sent_as_a_model_or_a_plain_dict(
    recursive: tuple[Path, Path, ModuleType],
) -> None:
    """A struct sent in a request may hold itself too: as a model or as its plain-dict twin."""
    spec, _, package = recursive
    module = import_module(f"{package.__name__}.endpoints.tree_put")
    as_dict = {"name": "r", "children": [{"name": "c", "children": [{"name": "g"}]}]}
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        gateway.add_scenario(Result({"tree": as_dict}))
        gateway.add_scenario(Result({"tree": as_dict}))
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        with package.Client(base_url=gateway.base_url, **options) as client:
            by_dict = client.tree.put(tree=as_dict)
            by_model = client.tree.put(tree=module.Tree.model_validate(as_dict))
            with pytest.raises(package.ParameterError, match=r"tree\.children\[0\]\.nme"):
                client.tree.put(tree={"children": [{"nme": "a typo, deep down"}]})
        sent = [json.loads(r.params["tree"]) for r in gateway.requests]
    assert sent == [as_dict, as_dict]
    assert (
        by_dict.tree.children[0].children[0].name
        == "g"
        == by_model.tree.children[0].children[0].name
    )
