"""``maizuo-gen release`` end to end in a throwaway repository: refusals, a dry run, a release."""

from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

import pytest

from generator.generate import check
from generator.release import cli, cut
from generator.release.package import Distributions
from generator.release.smoke import SmokeResult

from ..diff import repo as git_repo
from ..diff.specs import Spec
from .conftest import commit_spec


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="maizuo-gen release")
    cli.add_arguments(parser)
    return cli.run(parser.parse_args(argv))


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert captured.out == "" and len(lines) == 1 and lines[0].startswith("error: "), captured
    return lines[0]


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the tree but git's own and the generator's cache."""
    skip = {".git", ".maizuo-cache"}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not skip & set(p.relative_to(root).parts)
    }


def _phone_optional_and_remark(spec: Spec) -> None:
    spec.param0["required"].remove("user_phone")
    spec.add_request_field("remark", {"type": "string", "description": "备注"})


@pytest.fixture
def changed_repo(release_repo: Path) -> Path:
    """Released as sdk-v0.1.0, then one commit making user_phone optional and adding remark."""
    git_repo.git(release_repo, "tag", "-a", "sdk-v0.1.0", "-m", "SDK 0.1.0")
    spec = Spec.project()
    _phone_optional_and_remark(spec)
    commit_spec(release_repo, spec, "user_phone optional, remark")
    return release_repo


def test_refuses_a_dirty_tree(release_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (release_repo / "notes.txt").write_text("wip", encoding="utf-8")
    assert run("--dry-run") == 1
    assert _error(capsys) == "error: the work tree is not clean (notes.txt); commit or stash first"


def test_refuses_a_stale_generated_folder(
    release_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = Spec.project()
    _phone_optional_and_remark(spec)
    spec.save(release_repo / "spec")
    git_repo.commit(release_repo, "spec changed, SDK not regenerated")
    assert run("--dry-run") == 1
    line = _error(capsys)
    assert line.startswith("error: generated/ is stale (") and "run `make generate`" in line


def test_refuses_when_nothing_changed(
    release_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git_repo.git(release_repo, "tag", "-a", "sdk-v0.1.0", "-m", "SDK 0.1.0")
    assert run() == 1
    assert "nothing to release" in _error(capsys)


def test_needs_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run() == 2
    assert _error(capsys).startswith("error: release needs a git repository:")


def test_an_invalid_spec_is_bad_input(
    release_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = Spec.project()
    spec.op["x-top-session"] = "sometimes"
    spec.save(release_repo / "spec")
    git_repo.commit(release_repo, "bad spec")
    assert run() == 2
    assert _error(capsys).startswith("error: the spec is invalid: spec/endpoints/")


def _fake_build_and_smoke(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace the build and the smoke test (the slow test's) by fakes; returns the changelogs
    the build would have packed, as they come."""
    changelogs: list[str] = []

    def fake_build(package_dir: Path, outdir: Path) -> Distributions:
        changelogs.append((package_dir / "CHANGELOG.md").read_text(encoding="utf-8"))
        outdir.mkdir(parents=True, exist_ok=True)
        sdist, wheel = (
            outdir / "damai_maizuo-0.1.1.tar.gz",
            outdir / "damai_maizuo-0.1.1-py3-none-any.whl",
        )
        sdist.write_bytes(b"sdist")
        wheel.write_bytes(b"wheel")
        return Distributions(sdist, wheel)

    def fake_smoke(wheel: Path, spec: Path, api: object, venv: Path) -> SmokeResult:
        assert wheel.name.endswith(".whl") and (spec / "openapi.yaml").exists()
        return SmokeResult("client.user.authcode.send", "UserAuthcodeSendResponse")

    monkeypatch.setattr(cut, "build_distributions", fake_build)
    monkeypatch.setattr(cut, "smoke_test", fake_smoke)
    return changelogs


def test_dry_run_changes_nothing(
    changed_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    changelogs = _fake_build_and_smoke(monkeypatch)
    before = _snapshot(changed_repo)
    assert run("--dry-run", "--date", "2026-02-03") == 0
    out = capsys.readouterr().out
    assert _snapshot(changed_repo) == before
    assert git_repo.git(changed_repo, "status", "--porcelain") == ""
    assert out.splitlines()[:3] == [
        "Dry run: would release damai-maizuo 0.1.1 (since sdk-v0.1.0; bump: patch; 2026-02-03)",
        "  spec changes: 0 breaking, 2 compatible, 0 docs-only",
        "  spec/openapi.yaml: info.version 0.1.0 → 0.1.1",
    ]
    assert out.endswith("Nothing in the tree changed; run without --dry-run to release.\n")
    [changelog] = changelogs
    assert "## 0.1.1 — 2026-02-03" in changelog


def test_the_version_is_never_lowered_and_before_is_the_file_value(
    release_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git_repo.git(release_repo, "tag", "-a", "sdk-v0.1.0", "-m", "SDK 0.1.0")
    spec = Spec.project()
    spec.root["info"]["version"] = "0.4.0"
    _phone_optional_and_remark(spec)
    commit_spec(release_repo, spec, "version raised by hand, user_phone optional, remark")
    _fake_build_and_smoke(monkeypatch)
    assert run("--dry-run", "--date", "2026-02-03") == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "Dry run: would release damai-maizuo 0.4.1 (since sdk-v0.1.0; bump: patch; 2026-02-03)",
        "  spec changes: 0 breaking, 2 compatible, 0 docs-only",
        "  spec/openapi.yaml: info.version 0.4.0 → 0.4.1",
    ]


@pytest.mark.slow
def test_release_builds_installs_and_calls_the_mock(
    changed_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root_file = changed_repo / "spec" / "openapi.yaml"
    spec_before = root_file.read_bytes()
    assert run("--date", "2026-02-03") == 0
    out = capsys.readouterr().out

    # the version: that one line of the root spec, and the generated package
    assert root_file.read_bytes() == spec_before.replace(b"version: 0.1.0", b"version: 0.1.1", 1)
    assert (
        '__version__ = "0.1.1"' in (changed_repo / "generated/damai_maizuo/_version.py").read_text()
    )
    assert not check(changed_repo / "spec", changed_repo / "generated")

    # the changelog entry, written from the diff
    changelog = (changed_repo / "generated" / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = changelog.split("\n## ")[1]
    assert entry == (
        "0.1.1 — 2026-02-03\n\n"
        "### Added\n\n"
        "- `client.user.authcode.send` request `param0.remark`: new optional request field: string\n\n"
        "### Changed\n\n"
        "- `client.user.authcode.send` request `param0.user_phone`: request field became optional\n"
    )

    # the distributions, and the smoke test's word that the wheel imports and calls
    wheel = changed_repo / "dist" / "damai_maizuo-0.1.1-py3-none-any.whl"
    assert (changed_repo / "dist" / "damai_maizuo-0.1.1.tar.gz").is_file()
    with zipfile.ZipFile(wheel) as archive:
        assert "damai_maizuo/_version.py" in archive.namelist()
    assert (
        "  smoke test: wheel installed in a fresh virtualenv, client.user.authcode.send(...)"
        " on the mock gateway returned UserAuthcodeSendResponse"
    ) in out.splitlines()

    # nothing committed: the commands to do it are printed
    assert git_repo.git(changed_repo, "rev-parse", "HEAD") == git_repo.git(
        changed_repo, "rev-parse", "main"
    )
    assert git_repo.git(changed_repo, "tag", "--list", "sdk-v0.1.1") == ""
    assert out.splitlines()[-5:] == [
        "Now commit, tag and push (this command does none of it):",
        "  git add spec/openapi.yaml generated",
        '  git commit -m "Release SDK 0.1.1"',
        '  git tag -a sdk-v0.1.1 -m "SDK 0.1.1"',
        "  git push origin HEAD sdk-v0.1.1",
    ]
    status = git_repo.git(changed_repo, "status", "--porcelain").splitlines()
    assert " M spec/openapi.yaml" in status and "?? generated/CHANGELOG.md" in status
