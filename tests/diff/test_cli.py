"""``maizuo-gen diff`` end to end: folders and git revisions in, Markdown or JSON and an exit
status out."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from generator.diff import cli

from . import repo as git_repo
from .specs import METHOD, Spec


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="maizuo-gen diff")
    cli.add_arguments(parser)
    return cli.run(parser.parse_args(argv))


def _breaking(spec: Spec) -> None:
    spec.param0["required"].append("remark")
    spec.add_request_field("remark", {"type": "string"}, example="x")


def _compatible(spec: Spec) -> None:
    spec.add_request_field("remark", {"type": "string"})


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds the spec and second an optional new field; the
    working tree then makes that field required."""
    root = git_repo.init(tmp_path / "repo")
    spec = Spec.project()
    spec.save(root / "spec")
    git_repo.commit(root, "spec")
    _compatible(spec)
    spec.save(root / "spec")
    git_repo.commit(root, "add remark")
    spec.param0["required"].append("remark")
    spec.request_example["remark"] = "x"
    spec.save(root / "spec")
    monkeypatch.chdir(root)
    return root


def test_two_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = Spec.project().save(tmp_path / "a")
    head = Spec.project()
    _compatible(head)
    head.save(tmp_path / "b")
    assert run(str(base), str(tmp_path / "b" / "openapi.yaml"), "--no-files") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"## Spec diff: `{base}` → `{tmp_path / 'b' / 'openapi.yaml'}`")
    assert "| compatible | request | `param0.remark` | new optional request field: string |" in out


def test_revisions(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("HEAD~1", "HEAD", "--no-files", "--format", "json") == 0
    body = json.loads(capsys.readouterr().out)
    assert [(c["rule"], c["path"]) for c in body["changes"]] == [
        ("request-field-added-optional", "param0.remark")
    ]
    assert (body["base"], body["head"], body["base_version"]) == ("HEAD~1", "HEAD", "0.1.0")
    # before 1.0.0 the compatible change that calls for a minor bump bumps the patch number
    assert (body["changes_call_for"], body["bump"], body["next_version"]) == (
        "minor",
        "patch",
        "0.1.1",
    )


def test_base_option_against_the_working_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--base", "main", "--no-files", "--format", "json") == 0
    body = json.loads(capsys.readouterr().out)
    assert body["head"] == "spec"
    assert {c["rule"] for c in body["changes"]} == {
        "request-field-became-required",
        "endpoint-examples-changed",
    }


def test_revision_with_a_path(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "elsewhere").mkdir()
    assert run("HEAD~1:spec", "--head", "HEAD", "--no-files", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["changes_call_for"] == "minor"


def test_fail_on(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("HEAD~1", "HEAD", "--no-files", "--fail-on", "breaking") == 0
    assert run("HEAD~1", "HEAD", "--no-files", "--fail-on", "compatible") == 1
    assert run("HEAD", "--no-files", "--fail-on", "breaking") == 1
    assert run("HEAD", "HEAD", "--no-files", "--fail-on", "compatible") == 0
    capsys.readouterr()


def test_lists_the_generated_files_that_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("HEAD~1", "HEAD", "--format", "json") == 0
    files = json.loads(capsys.readouterr().out)["generated_files"]
    [module] = [p for p in files["changed"] if p.endswith("/user_authcode_send.py")]
    assert files["added"] == files["removed"] == []
    assert run("HEAD~1", "HEAD") == 0
    assert f"- changed `{module}`" in capsys.readouterr().out


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    return lines[0]


def test_unknown_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("no-such-branch", "--no-files") == 2
    assert _error(capsys) == (
        "error: base: 'no-such-branch' is neither a spec folder or file nor a git revision"
    )


def test_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Spec.project().save(tmp_path / "spec")
    assert run("main") == 2
    assert "is not in a git repository" in _error(capsys)


def test_invalid_spec_in_the_working_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "spec" / f"endpoints/{METHOD}.yaml").write_text("post: [unclosed\n", encoding="utf-8")
    assert run("HEAD", "--no-files") == 2
    line = _error(capsys)
    assert line.startswith(f"error: head (spec): invalid spec: spec/endpoints/{METHOD}.yaml:")
    assert "invalid YAML" in line


def test_invalid_spec_at_a_revision(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = Spec.project()
    spec.op["x-top-session"] = "sometimes"
    spec.save(repo / "spec")
    git_repo.commit(repo, "break the spec")
    assert run("HEAD", "HEAD~1", "--no-files") == 2
    line = _error(capsys)
    assert line.startswith(f"error: base (HEAD): invalid spec: HEAD:spec/endpoints/{METHOD}.yaml:")


def test_revision_without_a_spec(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("HEAD:docs", "--no-files") == 2
    assert _error(capsys).startswith("error: base: revision HEAD has no docs:")


def test_a_side_given_twice(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("HEAD", "--base", "HEAD~1") == 2
    assert "base given twice" in _error(capsys)


def test_no_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run() == 2
    assert "no base to compare with" in _error(capsys)
