"""The one sample-value rule shared by the docs' call examples and the mock's replies."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.samples import OMIT, READABLE, ZERO, Sampler

from ..generator.conftest import ENDPOINT, PARAM0, at, read_yaml, spec, write_yaml
from .run import generate

__all__ = ["spec"]  # the fixture, used by name

NODE = {
    "title": "TreeNode",
    "type": "object",
    "description": "树节点",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "description": "名称"},
        "children": {
            "type": "array",
            "description": "子节点",
            "items": {"$ref": "#/components/schemas/TreeNode"},
        },
    },
}


def _recursive_input(spec: Path) -> Path:
    """The spec with a parameter ``tree`` whose struct holds a list of itself,
    and no request example (so the docs build the call's arguments from the types)."""
    path = spec / ENDPOINT
    data = read_yaml(path)
    body = at(data, PARAM0[:-2])
    body["properties"]["tree"] = {"$ref": "../openapi.yaml#/components/schemas/TreeNode"}
    body["required"].append("tree")
    content = at(data, ("post", "requestBody", "content", "application/x-www-form-urlencoded"))
    content["encoding"]["tree"] = {"contentType": "application/json"}
    del content["examples"]
    write_yaml(path, data)
    root = read_yaml(spec / "openapi.yaml")
    root["components"]["schemas"]["TreeNode"] = NODE
    write_yaml(spec / "openapi.yaml", root)
    return spec


def test_a_recursive_input_struct_gives_a_finite_docs_example(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = generate(_recursive_input(spec), out)
    assert result.returncode == 0, result.stderr
    page = (out / "docs" / "user.authcode.send.md").read_text(encoding="utf-8")
    assert 'tree={\n            "name": "example",\n        },' in page


def test_the_sampler_stops_where_a_struct_holds_itself(spec: Path) -> None:
    from generator.generate import build

    api = build(_recursive_input(spec))
    (op,) = api.operations
    models = {m.name: m for m in op.models}
    enums = {e.name: e for e in op.enums}
    (tree,) = [p for p in op.params if p.name == "tree"]
    readable = Sampler(models, enums, READABLE)
    assert readable.value(tree.type, required=True) == {"name": "example"}
    assert readable.value(tree.type, required=False) == {"name": "example"}
    zero = Sampler(models, enums, ZERO)
    assert zero.value(tree.type, required=True) == {"name": ""}
    node = models[tree.type.model or ""]
    (children,) = [f for f in node.fields if f.name == "children"]
    # entered from inside TreeNode, the list of TreeNode is not entered again
    inside = frozenset({node.name})
    assert zero.value(children.type, required=False, seen=inside) is OMIT
    assert zero.value(children.type, required=True, seen=inside) == [{}]


def test_docs_and_mock_fill_a_required_value_the_spec_has_no_example_of(spec: Path) -> None:
    from generator.generate import build

    data = yaml.safe_load((spec / ENDPOINT).read_text(encoding="utf-8"))
    param0 = at(data, PARAM0)
    for field in param0["properties"].values():
        field.pop("examples", None)
    del at(data, ("post", "requestBody", "content", "application/x-www-form-urlencoded"))[
        "examples"
    ]
    write_yaml(spec / ENDPOINT, data)
    (op,) = build(spec).operations
    models = {m.name: m for m in op.models}
    enums = {e.name: e for e in op.enums}
    (p,) = op.params
    assert Sampler(models, enums, READABLE).value(p.type, required=True) == {
        "ptnr_token": "example",
        "user_phone": "example",
        "code_type": 1,
        "tenant_token": "example",
        "channel_token": "example",
    }
    assert Sampler(models, enums, ZERO).value(p.type, required=True)["user_phone"] == ""
