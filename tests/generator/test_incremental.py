"""After any run that reuses the cache, the output is byte for byte what a run without a cache
writes: each kind of edit invalidates what depends on it."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

import generator.generate
from generator.cache import Cache
from generator.generate import generate, render_files

from .conftest import SPEC, read_yaml, snapshot, write_yaml

ENVIRONMENT = importlib.import_module("generator.render.environment")

TWO = (
    "endpoints/alibaba.damai.maizuo.openapi.user.authcode.send.yaml",
    "endpoints/alibaba.damai.maizuo.openapi.event.list.yaml",
)


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """A copy of the spec with two endpoints."""
    target = tmp_path / "two"
    (target / "endpoints").mkdir(parents=True)
    root = read_yaml(SPEC / "openapi.yaml")
    kept = {}
    for endpoint in TWO:
        shutil.copy(SPEC / endpoint, target / endpoint)
        method = "/" + endpoint.removeprefix("endpoints/").removesuffix(".yaml")
        kept[method] = root["paths"][method]
    root["paths"] = kept
    write_yaml(target / "openapi.yaml", root)
    return target


def _as_cold(spec: Path, out: Path) -> None:
    assert snapshot(out) == render_files(spec), "the cached run differs from a cold one"


def test_a_deleted_endpoint_leaves_what_a_cold_run_writes(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(two, out)
    root = read_yaml(two / "openapi.yaml")
    del root["paths"]["/alibaba.damai.maizuo.openapi.event.list"]
    write_yaml(two / "openapi.yaml", root)
    (two / TWO[1]).unlink()

    changes = generate(two, out)

    assert "damai_maizuo/endpoints/event_list.py" in changes.removed
    _as_cold(two, out)


def test_an_endpoint_added_back_is_as_a_cold_run_writes_it(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(two, out)
    root = read_yaml(two / "openapi.yaml")
    removed = root["paths"].pop("/alibaba.damai.maizuo.openapi.event.list")
    write_yaml(two / "openapi.yaml", root)
    generate(two, out)
    root["paths"]["/alibaba.damai.maizuo.openapi.event.list"] = removed
    write_yaml(two / "openapi.yaml", root)

    generate(two, out)

    _as_cold(two, out)


def test_a_shared_component_edit_reaches_every_endpoint(two: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(two, out)
    root = read_yaml(two / "openapi.yaml")
    schemas = root["components"]["schemas"]
    name = next(n for n in ("ErrorResponse", "ErrorEnvelope") if n in schemas)
    schemas[name]["description"] = "共享的错误说明 (edited)"
    write_yaml(two / "openapi.yaml", root)

    generate(two, out)

    _as_cold(two, out)


def test_an_edited_template_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled templates are cached by their source's checksum: an edit is seen even by a
    cache made for the same generator fingerprint."""
    templates = tmp_path / "templates"
    shutil.copytree(ENVIRONMENT.TEMPLATES, templates)
    monkeypatch.setattr(ENVIRONMENT, "TEMPLATES", templates)
    cache_path = tmp_path / "cache"
    cache = Cache(cache_path, "same generator")
    before = ENVIRONMENT.environment(cache).get_template("site/site.css.j2").render()
    cache.save()
    assert Cache(cache_path, "same generator").hits == 0
    css = templates / "site" / "site.css.j2"
    css.write_text(css.read_text(encoding="utf-8") + "/* edited */\n", encoding="utf-8")

    again = Cache(cache_path, "same generator")
    after = ENVIRONMENT.environment(again).get_template("site/site.css.j2").render()

    assert after == before + "/* edited */\n"
    assert again.misses == 1  # the compiled template of the old text is not used
    again.save()
    unchanged = Cache(cache_path, "same generator")
    ENVIRONMENT.environment(unchanged).get_template("site/site.css.j2")
    assert unchanged.hits == 1


def test_an_edited_template_changes_the_generator_fingerprint(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ENVIRONMENT.TEMPLATES, templates)
    monkeypatch.setattr(ENVIRONMENT, "TEMPLATES", templates)
    monkeypatch.setattr(generator.generate, "TEMPLATES", templates)
    out = tmp_path / "out"
    generate(spec, out)
    docs = templates / "docs" / "index.md.j2"
    docs.write_text(docs.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")

    changes = generate(spec, out)

    assert "docs/index.md" in changes.changed
    _as_cold(spec, out)


def test_an_endpoint_edit_reaches_the_testing_kits_data(two: Path, tmp_path: Path) -> None:
    """The kit's gateway.json keeps each endpoint's line in the cache: the edited endpoint's
    line is made again, the others are taken as they were."""
    out = tmp_path / "out"
    generate(two, out)
    endpoint = two / TWO[1]
    text = endpoint.read_text(encoding="utf-8")
    assert "3123131" in text
    endpoint.write_text(text.replace("3123131", "7654321"), encoding="utf-8")

    changes = generate(two, out)

    assert "damai_maizuo/testing/gateway.json" in changes.changed
    assert b'"7654321"' in (out / "damai_maizuo/testing/gateway.json").read_bytes()
    _as_cold(two, out)
