"""API families: each method prefix maps to a client namespace; the longest prefix wins; a method
of no family is refused at its line, naming the families; two families may hold methods that end
alike, side by side in every Python name; a real collision is refused naming both places; and
moving the project's spec to the families form renames nothing."""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from generator.build.families import family_of
from generator.build.spec import Stop
from generator.diff import cli as diff_cli
from generator.errors import SpecError
from generator.generate import build
from generator.ir import Family
from generator.mock.gateway import Gateway
from generator.mock.server import GatewayServer

from .minispec import endpoint, generated, imported, mypy_strict, write_spec

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = "alibaba.damai.maizuo.openapi."
MZ = "alibaba.damai.mz."
FAMILIES = [{"prefix": OPENAPI, "namespace": ""}, {"prefix": MZ, "namespace": "mz"}]
PACKAGE = {"module": "mini_sdk", "families": FAMILIES}
STRING = {"type": "string"}


def two_lists() -> dict[str, dict[str, Any]]:
    """``event.list`` in both families, each with its own parameters and reply."""
    return {
        OPENAPI
        + "event.list": endpoint(
            OPENAPI + "event.list", {"project_id": STRING}, {"total": {"type": "integer"}}
        ),
        MZ
        + "event.list": endpoint(
            MZ + "event.list", {"venue": STRING}, {"names": {"type": "array", "items": STRING}}
        ),
        MZ
        + "user.register": endpoint(
            MZ + "user.register", {"mobile": STRING}, {"ok": {"type": "boolean"}}
        ),
        OPENAPI
        + "user.register": endpoint(OPENAPI + "user.register", {"phone": STRING}, {"id": STRING}),
    }


def problems_of(spec: Path) -> str:
    with pytest.raises(SpecError) as caught:
        build(spec)
    return str(caught.value)


# -- which family ----------------------------------------------------------------------------


def test_the_longest_matching_prefix_wins() -> None:
    families = [Family("alibaba.damai.", "damai"), Family(MZ, "mz"), Family(OPENAPI, "")]
    assert family_of(MZ + "event.list", families, "/p").namespace == "mz"
    assert family_of(OPENAPI + "event.list", families, "/p").namespace == ""
    assert family_of("alibaba.damai.other.x", families, "/p").namespace == "damai"
    with pytest.raises(Stop, match="belongs to no API family"):
        family_of("taobao.user.get", families, "/p")


def test_a_method_of_no_family_is_refused_at_its_line_naming_the_families(tmp_path: Path) -> None:
    method = "taobao.user.get"
    spec = write_spec(tmp_path / "spec", {method: endpoint(method)}, package=PACKAGE)
    with pytest.raises(SpecError) as caught:
        build(spec)
    (problem,) = caught.value.problems
    assert problem.file is not None and problem.file.name == f"{method}.yaml"
    assert problem.line is not None and problem.pointer.endswith("/x-top-method")
    assert f"'{OPENAPI}', '{MZ}'" in problem.message


def test_method_prefix_is_the_shorthand_of_one_family(tmp_path: Path) -> None:
    methods = {m: endpoint(m) for m in (OPENAPI + "user.authcode.send", OPENAPI + "event.list")}
    short = build(write_spec(tmp_path / "a", methods, package={"method-prefix": OPENAPI}))
    long = build(write_spec(tmp_path / "b", methods, package={"families": [FAMILIES[0]]}))
    names = [(o.call_path, o.module, o.doc_page, o.params_model.name) for o in short.operations]
    assert names == [
        (o.call_path, o.module, o.doc_page, o.params_model.name) for o in long.operations
    ]
    assert short.families == long.families == (Family(OPENAPI, ""),)


@pytest.mark.parametrize(
    ("package", "message"),
    [
        (
            {"families": FAMILIES, "method-prefix": OPENAPI},
            "give families or method-prefix, not both",
        ),
        ({"families": []}, "must be a list"),
        ({"families": [{"prefix": "alibaba.damai.mz", "namespace": "mz"}]}, "ending with a dot"),
        ({"families": [{"prefix": MZ, "namespace": "format"}]}, "cannot be a client attribute"),
        ({"families": [{"prefix": MZ, "namespace": "class"}]}, "cannot be a client attribute"),
        ({"families": [{"prefix": MZ, "namespace": "Mz"}]}, "cannot be a client attribute"),
        ({"families": [{"prefix": MZ}]}, "exactly prefix and namespace"),
        ({"families": [*FAMILIES, {"prefix": MZ, "namespace": "m"}]}, "declared twice"),
    ],
)
def test_malformed_families_are_refused_at_their_place(
    tmp_path: Path, package: dict[str, Any], message: str
) -> None:
    method = MZ + "event.list"
    spec = write_spec(tmp_path / "spec", {method: endpoint(method)}, package=package)
    text = problems_of(spec)
    assert message in text and "openapi.yaml:" in text and "/info/x-top-package" in text


def test_a_real_collision_across_families_is_refused_naming_both_places(tmp_path: Path) -> None:
    """``…maizuo.openapi.mz.event.list`` and ``…mz.event.list`` are both client.mz.event.list."""
    methods = [OPENAPI + "mz.event.list", MZ + "event.list"]
    spec = write_spec(tmp_path / "spec", {m: endpoint(m) for m in methods}, package=PACKAGE)
    text = problems_of(spec)
    assert "both become the Python name 'mz_event_list'" in text
    assert all(f"{m}.yaml:" in text for m in methods)


# -- side by side ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def side_by_side(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, Path, ModuleType]]:
    base = tmp_path_factory.mktemp("families")
    spec = write_spec(base / "spec", two_lists(), package=PACKAGE)
    out = generated(spec, base / "out")
    with imported(out, "mini_sdk") as package:
        yield spec, out, package


def test_methods_that_end_alike_get_names_of_their_own(
    side_by_side: tuple[Path, Path, ModuleType],
) -> None:
    spec, out, _ = side_by_side
    api = build(spec)
    names = {
        o.top_method: (o.call_path, o.module, o.doc_page, o.params_model.name, o.family.namespace)
        for o in api.operations
    }
    assert names[OPENAPI + "event.list"] == (
        "event.list",
        "event_list",
        "event.list.md",
        "EventListParams",
        "",
    )
    assert names[MZ + "event.list"] == (
        "mz.event.list",
        "mz_event_list",
        "mz.event.list.md",
        "MzEventListParams",
        "mz",
    )
    endpoints = out / "mini_sdk" / "endpoints"
    assert {p.name for p in endpoints.glob("*.py")} >= {
        "event_list.py",
        "mz_event_list.py",
        "user_register.py",
        "mz_user_register.py",
    }
    assert (out / "docs" / "mz.event.list.md").is_file() and (
        out / "docs" / "event.list.md"
    ).is_file()
    index = (out / "docs" / "index.md").read_text("utf-8")
    assert index.index(f"`{OPENAPI}*`") < index.index("`client.event.list`")
    assert index.index("`client.event.list`") < index.index(f"`{MZ}*`")
    assert index.index(f"`{MZ}*`") < index.index("`client.mz.event.list`")


def test_both_families_pass_mypy_strict(side_by_side: tuple[Path, Path, ModuleType]) -> None:
    _, out, _ = side_by_side
    result = mypy_strict(out, "mini_sdk")
    assert result.returncode == 0, result.stdout + result.stderr


def test_both_families_are_called_through_the_gateway_sync_and_async(
    side_by_side: tuple[Path, Path, ModuleType],
) -> None:
    import asyncio

    spec, _, package = side_by_side
    resources = import_module("mini_sdk.resources.mz")
    assert {"MzEventResource", "AsyncMzEventResource", "MzUserResource"} <= set(resources.__all__)
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        options = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
        with package.Client(base_url=gateway.base_url, **options) as client:
            client.event.list(project_id="1")
            client.mz.event.list(venue="v")
            client.mz.user.register(mobile="m")
            client.user.register(phone="p")

        async def calls() -> None:
            async with package.AsyncClient(base_url=gateway.base_url, **options) as client:
                await client.mz.event.list(venue="w")
                await client.event.list(project_id="2")

        asyncio.run(calls())
        business = {"project_id", "venue", "mobile", "phone"}
        sent = [
            (r.method, {k: v for k, v in r.params.items() if k in business})
            for r in gateway.requests
            if r.outcome == "ok"
        ]
    assert sent == [
        (OPENAPI + "event.list", {"project_id": "1"}),
        (MZ + "event.list", {"venue": "v"}),
        (MZ + "user.register", {"mobile": "m"}),
        (OPENAPI + "user.register", {"phone": "p"}),
        (MZ + "event.list", {"venue": "w"}),
        (OPENAPI + "event.list", {"project_id": "2"}),
    ]


# -- the project's spec ----------------------------------------------------------------------


def test_moving_the_project_spec_to_families_renames_nothing(tmp_path: Path) -> None:
    """``maizuo-gen diff`` from the spec as it was (one ``method-prefix``, no mz method) to the
    spec as it is, plus one more mz method: not one breaking change."""
    old = tmp_path / "old"
    shutil.copytree(ROOT / "spec", old)
    root = yaml.safe_load((old / "openapi.yaml").read_text("utf-8"))
    package = root["info"]["x-top-package"]
    assert package.pop("families") == FAMILIES
    package["method-prefix"] = OPENAPI
    root["paths"] = {p: v for p, v in root["paths"].items() if not p.startswith("/" + MZ)}
    (old / "openapi.yaml").write_text(yaml.safe_dump(root, allow_unicode=True), "utf-8")

    new = tmp_path / "new"
    shutil.copytree(ROOT / "spec", new)
    method = MZ + "seat.ping"
    root = yaml.safe_load((new / "openapi.yaml").read_text("utf-8"))
    root["paths"][f"/{method}"] = {"$ref": f"endpoints/{method}.yaml"}
    (new / "openapi.yaml").write_text(yaml.safe_dump(root, allow_unicode=True), "utf-8")
    item = endpoint(method, {"seat": STRING}, {"ok": {"type": "boolean"}})
    (new / "endpoints" / f"{method}.yaml").write_text(yaml.safe_dump(item), "utf-8")

    parser = argparse.ArgumentParser()
    diff_cli.add_arguments(parser)
    args = [str(old), str(new), "--format", "json", "--fail-on", "breaking", "--no-files"]
    report = _captured_json(parser.parse_args(args))
    assert report["status"] == 0, report
    assert report["out"]["counts"]["breaking"] == 0, report["out"]["changes"]
    added = {c["endpoint"] for c in report["out"]["changes"] if c["rule"] == "endpoint-added"}
    assert added >= {MZ + "seat.ping", MZ + "event.list"}


def _captured_json(args: argparse.Namespace) -> dict[str, Any]:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = diff_cli.run(args)
    return {"status": status, "out": json.loads(out.getvalue())}
