"""The names :mod:`generator.naming` keeps clear of are checked against the classes they come
from: pydantic's ``BaseModel``, and the runtime's models, resources, clients and the names an
endpoint module imports. A runtime or pydantic that grows a public name fails here until the
list grows too."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pydantic
import pytest

from generator import naming

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"


def public(*owners: object) -> set[str]:
    return {n for owner in owners for n in dir(owner) if not n.startswith("_")}


@pytest.fixture(scope="module")
def sdk() -> Iterator[ModuleType]:
    """The committed SDK, whose runtime is the generator's own runtime copied."""
    sys.path.insert(0, str(GENERATED))
    try:
        import damai_maizuo

        yield damai_maizuo
    finally:
        sys.path.remove(str(GENERATED))


def test_fields_keep_clear_of_every_public_name_of_a_model() -> None:
    from generator.runtime import _models

    names = public(pydantic.BaseModel, type(pydantic.BaseModel))
    names |= public(_models.RequestModel, _models.ResponseModel)
    assert names <= naming._FIELD_NAMES
    assert all(naming.field_name(n) != n for n in names)


def test_resource_members_keep_clear_of_the_resource_classes() -> None:
    from generator.runtime import _resource

    names = public(_resource.SyncAPIResource, _resource.AsyncAPIResource)
    assert names <= naming._RESOURCE_NAMES
    assert all(naming.member_name(n) != n for n in names)


def test_top_level_resources_keep_clear_of_the_clients(sdk: ModuleType) -> None:
    """The clients' own public members (methods, and the options they keep as attributes),
    but the resources the committed spec puts on them."""
    resources = {r.name for r in _resources()}
    client = sdk.Client(app_key="k", app_secret="s")
    async_client = sdk.AsyncClient(app_key="k", app_secret="s")
    names = public(client, async_client, sdk.Client, sdk.AsyncClient) - resources
    assert {"app_key", "base_url", "close", "with_options"} <= names
    assert names <= naming._CLIENT_NAMES | naming._RESOURCE_NAMES
    assert all(naming.member_name(n, top=True) != n for n in names)
    client.close()


def test_structs_keep_clear_of_what_an_endpoint_module_imports() -> None:
    """Every name the endpoint module template can import, read from its import lines."""
    template = (ROOT / "templates" / "package" / "endpoints" / "module.py.j2").read_text("utf-8")
    imported: set[str] = set()
    for line in template.splitlines():
        if line.startswith("from ") and "{{" not in line and "__future__" not in line:
            imported |= {n.strip() for n in line.split(" import ", 1)[1].split(",")}
    from generator.runtime import _models, _protocol

    imported |= {n for n in _models.__all__ if n[0].isupper()}
    imported |= {"BusinessResultInfo", "OperationInfo", "Field", "TypedDict", "NotRequired"}
    imported |= {"ClassVar", "Literal", "Sequence", "Mapping"}
    assert imported <= naming._MODULE_NAMES
    assert hasattr(_protocol, "BusinessResultInfo") and hasattr(_protocol, "OperationInfo")
    assert all(naming.class_name(n) != n for n in imported)


def test_every_generated_import_is_a_reserved_name() -> None:
    """The names the committed endpoint modules import, whatever template wrote them."""
    imported: set[str] = set()
    for module in (GENERATED / "damai_maizuo" / "endpoints").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                imported |= {alias.asname or alias.name for alias in node.names}
    assert imported
    assert {n for n in imported if n[0].isupper()} <= naming._MODULE_NAMES


def _resources() -> list[object]:
    from generator.generate import build

    return list(build(ROOT / "spec").resources)
