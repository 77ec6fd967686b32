"""Generation is deterministic, writes only what changed, owns only its files, and escapes text."""

from __future__ import annotations

import ast
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cache import Cache
from generator.errors import SpecError
from generator.generate import build, check, generate, render_files
from generator.write import MANIFEST

from .conftest import ENDPOINT, PARAM0, at, read_yaml, snapshot, write_yaml

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_output_is_byte_identical_across_runs(spec: Path, tmp_path: Path) -> None:
    assert render_files(spec) == render_files(spec)
    generate(spec, tmp_path / "a")
    generate(spec, tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_second_run_changes_nothing_and_touches_no_file(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert generate(spec, out)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    assert not generate(spec, out)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == stamps


def test_only_changed_files_are_rewritten(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    inodes = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    data = read_yaml(spec / ENDPOINT)
    data["post"]["summary"] = "发送短信验证码"
    write_yaml(spec / ENDPOINT, data)

    changes = generate(spec, out)

    assert set(changes.changed) == {
        MANIFEST,
        "damai_maizuo/endpoints/user_authcode_send.py",
        "docs/user.authcode.send.md",
        "docs/index.md",
        "README.md",
        "site/endpoints/user.authcode.send.html",
        "site/index.html",
        "site/search-index.js",
    }
    unchanged = {
        p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()
    }
    for path, inode in unchanged.items():
        if path not in changes.changed:
            assert inodes[path] == inode, f"{path} was rewritten"


def test_files_no_longer_generated_are_removed_and_foreign_files_kept(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    (out / "CHANGELOG.md").write_text("# Changelog\n")
    (out / "damai_maizuo" / "__pycache__").mkdir()
    (out / "damai_maizuo" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    for path in (
        spec / ENDPOINT,
        spec / "openapi.yaml",
    ):  # rename the endpoint: a new resource
        text = path.read_text(encoding="utf-8")
        text = text.replace("openapi.user.authcode.send:", "openapi.member.authcode.send:")
        text = text.replace("openapi.user.authcode.send\n", "openapi.member.authcode.send\n")
        text = text.replace("openapi_user_authcode_send", "openapi_member_authcode_send")
        path.write_text(text, encoding="utf-8")

    changes = generate(spec, out)

    assert "damai_maizuo/resources/user.py" in changes.removed
    assert not (out / "damai_maizuo/resources/user.py").exists()
    assert not (out / "docs/user.authcode.send.md").exists()
    assert (out / "damai_maizuo/resources/member.py").exists()
    assert (out / "CHANGELOG.md").read_text() == "# Changelog\n"
    assert (out / "damai_maizuo/__pycache__/x.pyc").exists()
    assert not check(spec, out)


def test_check_lists_what_would_change(spec: Path, tmp_path: Path, cli: Run) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    assert cli("check", "--spec", spec, "--out", out).returncode == 0
    (out / "docs" / "index.md").write_text("edited by hand\n")
    (out / "damai_maizuo" / "_version.py").unlink()

    result = cli("check", "--spec", spec, "--out", out)

    assert result.returncode == 1
    assert "changed  docs/index.md" in result.stderr
    assert "added    damai_maizuo/_version.py" in result.stderr
    assert (out / "docs" / "index.md").read_text() == "edited by hand\n"


def test_hostile_text_in_descriptions_is_kept_and_safe(spec: Path, tmp_path: Path) -> None:
    nasty = 'a """ b \\ c {{ d }} {% e %} \x00 f\' "g"'
    data = read_yaml(spec / ENDPOINT)
    data["post"]["summary"] = nasty
    data["post"]["description"] = nasty + "\n第二行 | pipe"
    at(data, PARAM0)["description"] = nasty
    at(data, PARAM0)["properties"]["user_phone"]["description"] = nasty + '"'
    at(data, PARAM0)["properties"]["user_phone"]["examples"] = [nasty]
    write_yaml(spec / ENDPOINT, data)
    out = tmp_path / "out"

    generate(spec, out)

    models = (out / "damai_maizuo/endpoints/user_authcode_send.py").read_text()
    tree = ast.parse(models)
    docstrings = [
        ast.get_docstring(n, clean=False) for n in ast.walk(tree) if isinstance(n, ast.ClassDef)
    ]
    assert any(d is not None and nasty in d for d in docstrings)
    examples = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value == nasty]
    assert examples, "the example survives as a literal"
    resources = (out / "damai_maizuo/resources/user.py").read_text()
    ast.parse(resources)
    page = (out / "docs/user.authcode.send.md").read_text()
    assert "\x00" not in page
    assert "{{ d }}" in page


def test_generated_package_is_listed_in_the_manifest(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    listed = set(read_yaml(out / MANIFEST)["files"])
    assert listed == set(snapshot(out)) - {MANIFEST}


def test_cached_runs_give_what_an_uncached_run_gives(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    for summary in ("第一次修改", "第二次修改", "发送验证码"):
        data = read_yaml(spec / ENDPOINT)
        data["post"]["summary"] = summary
        write_yaml(spec / ENDPOINT, data)
        generate(spec, out)
        assert not check(spec, out), "the cache served something stale"
    assert snapshot(out) == render_files(spec)


def test_an_edit_of_the_shared_parts_reaches_every_cached_operation(
    spec: Path, tmp_path: Path
) -> None:
    """Operations come from the cache while their Path Item and the root document's shared
    parts are unchanged; a struct shared from the root document is one of those parts."""
    root = read_yaml(spec / "openapi.yaml")
    root["components"]["schemas"]["Channel"] = {
        "title": "Channel",
        "type": "object",
        "description": "渠道",
        "properties": {"channel_code": {"type": "string", "description": "渠道编码"}},
    }
    write_yaml(spec / "openapi.yaml", root)
    data = read_yaml(spec / ENDPOINT)
    at(data, PARAM0)["properties"]["channel"] = {
        "$ref": "../openapi.yaml#/components/schemas/Channel"
    }
    write_yaml(spec / ENDPOINT, data)
    out = tmp_path / "out"
    generate(spec, out)
    module = out / "damai_maizuo" / "endpoints" / "user_authcode_send.py"
    assert "渠道编码" in module.read_text(encoding="utf-8")

    root["components"]["schemas"]["Channel"]["properties"]["channel_code"]["description"] = "新"
    write_yaml(spec / "openapi.yaml", root)
    changes = generate(spec, out)

    assert "damai_maizuo/endpoints/user_authcode_send.py" in changes.changed
    assert "渠道编码" not in module.read_text(encoding="utf-8")
    assert not check(spec, out), "the cache served a stale operation"


def test_a_problem_in_a_cached_endpoint_file_keeps_its_line(spec: Path, tmp_path: Path) -> None:
    """An endpoint file read from the cache has its line table worked out only on demand; a
    problem found in it (here a reference the root document no longer answers) still names
    its line, as an uncached run does."""
    out = tmp_path / "out"
    generate(spec, out)
    root = read_yaml(spec / "openapi.yaml")
    del root["components"]["schemas"]["ErrorEnvelope"]
    write_yaml(spec / "openapi.yaml", root)
    with pytest.raises(SpecError) as cached:
        generate(spec, out)
    with pytest.raises(SpecError) as uncached:
        check(spec, out)
    assert cached.value.problems == uncached.value.problems
    line = next(
        i
        for i, text in enumerate((spec / ENDPOINT).read_text(encoding="utf-8").splitlines(), 1)
        if "ErrorEnvelope" in text
    )
    assert (ENDPOINT, line) in {
        (p.file.relative_to(spec).as_posix() if p.file else None, p.line)
        for p in cached.value.problems
    }


def test_unchanged_operations_come_from_the_cache(spec: Path, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.pickle", "salt")
    first = build(spec, cache)
    cache.save()
    again = Cache(tmp_path / "cache.pickle", "salt")
    second = build(spec, again)
    assert second == first and again.misses == 0
    assert [op.fingerprint for op in second.operations] == [
        op.fingerprint for op in first.operations
    ]


def test_a_damaged_cache_is_an_empty_one(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    cache = tmp_path / ".maizuo-cache" / "out.pickle"
    assert cache.exists()
    cache.write_bytes(b"maizuo-gen cache 2\n\x80garbage")
    (out / "docs" / "index.md").write_text("edited\n")
    assert generate(spec, out).changed == ("docs/index.md",)
    assert not check(spec, out)


def test_an_unchanged_spec_with_an_edited_output_is_repaired(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    (out / "damai_maizuo" / "_version.py").write_text("oops\n")
    assert generate(spec, out).changed == ("damai_maizuo/_version.py",)
