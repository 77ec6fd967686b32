"""The release's parts on their own: the version edit, the changelog, the tag lookup, the plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diff.rules import Section
from generator.diff.semver import Bump, Version
from generator.release.changelog import HEADER, prepend
from generator.release.errors import ReleaseError
from generator.release.package import build_distributions
from generator.release.plan import make_plan
from generator.release.repository import last_release
from generator.release.spec_version import set_spec_version

from ..diff import repo as git_repo
from ..diff.specs import ROOT, Spec
from .conftest import commit_spec


def test_version_edit_changes_that_scalar_only(tmp_path: Path) -> None:
    original = (ROOT / "spec" / "openapi.yaml").read_bytes()
    root_file = tmp_path / "openapi.yaml"
    root_file.write_bytes(original)
    old = set_spec_version(root_file, "9.8.7")
    start = original.index(b"\n  version: ") + len(b"\n  version: ")
    end = original.index(b"\n", start)
    assert old == original[start:end].decode()
    assert root_file.read_bytes() == original[:start] + b"9.8.7" + original[end:]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("version: '0.1.0'  # kept\n", "version: '1.0.0'  # kept\n"),
        ('version: "0.1.0"\n', 'version: "1.0.0"\n'),
        ("version: 0.1.0\r\n", "version: 1.0.0\r\n"),
    ],
)
def test_version_edit_keeps_quotes_comments_and_line_ends(
    tmp_path: Path, line: str, expected: str
) -> None:
    root_file = tmp_path / "openapi.yaml"
    head = "openapi: 3.1.0\n# version: 0.0.1 in a comment\ninfo:\n  title: x\n  "
    root_file.write_bytes((head + line + "paths: {}\n").encode())
    set_spec_version(root_file, "1.0.0")
    assert root_file.read_bytes() == (head + expected + "paths: {}\n").encode()


def test_version_edit_needs_info_version(tmp_path: Path) -> None:
    root_file = tmp_path / "openapi.yaml"
    root_file.write_text("openapi: 3.1.0\ninfo:\n  title: x\n", encoding="utf-8")
    with pytest.raises(ReleaseError, match=r"info\.version must be"):
        set_spec_version(root_file, "1.0.0")


def test_changelog_entries_go_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    prepend(path, "## 0.1.0 — 2026-01-01\n\n### Added\n\n- First.\n")
    prepend(path, "## 0.2.0 — 2026-02-01\n\n### Changed\n\n- Second.\n")
    assert path.read_text(encoding="utf-8") == (
        HEADER
        + "\n## 0.2.0 — 2026-02-01\n\n### Changed\n\n- Second.\n"
        + "\n## 0.1.0 — 2026-01-01\n\n### Added\n\n- First.\n"
    )


def _tag(root: Path, name: str) -> None:
    git_repo.git(root, "tag", "-a", name, "-m", name)


def test_last_release_is_the_highest_reachable_version(release_repo: Path) -> None:
    assert last_release(release_repo) is None
    for name in ("sdk-v0.1.0", "sdk-v0.10.0", "sdk-v0.9.3", "sdk-vnext", "v5.0.0"):
        _tag(release_repo, name)
    git_repo.git(release_repo, "checkout", "-q", "-b", "elsewhere")
    (release_repo / "note.txt").write_text("x", encoding="utf-8")
    git_repo.commit(release_repo, "elsewhere")
    _tag(release_repo, "sdk-v3.0.0")
    git_repo.git(release_repo, "checkout", "-q", "main")
    found = last_release(release_repo)
    assert found is not None and (found.name, found.version) == ("sdk-v0.10.0", Version(0, 10, 0))


def _compatible(spec: Spec) -> None:
    spec.add_request_field("remark", {"type": "string"})


def _breaking(spec: Spec) -> None:
    spec.param0["required"].append("remark")
    spec.request_example["remark"] = "x"


def _docs(spec: Spec) -> None:
    spec.op["summary"] = "发送短信验证码"


def test_first_release_publishes_the_spec_version(release_repo: Path) -> None:
    plan = make_plan(release_repo, "auto")
    assert (plan.previous, plan.version, plan.bump, plan.report) == (
        None,
        Version(0, 1, 0),
        Bump.NONE,
        None,
    )
    assert plan.notes == (
        (Section.ADDED, "First release, with 1 endpoint: `client.user.authcode.send`."),
    )
    assert make_plan(release_repo, "minor").version == Version(0, 2, 0)


@pytest.mark.parametrize(
    ("tag", "edits", "choice", "expected"),
    [
        ("sdk-v0.1.0", [_compatible], "auto", "0.1.1"),
        ("sdk-v0.1.0", [_compatible, _breaking], "auto", "0.2.0"),
        ("sdk-v0.1.0", [_compatible], "major", "1.0.0"),
        ("sdk-v1.2.0", [_docs], "auto", "1.2.1"),
        ("sdk-v1.2.0", [_compatible], "auto", "1.3.0"),
        ("sdk-v1.2.0", [_compatible, _breaking], "auto", "2.0.0"),
        ("sdk-v1.2.0", [_docs], "minor", "1.3.0"),
    ],
)
def test_the_version_follows_the_diff_since_the_tag(
    release_repo: Path, tag: str, edits: list, choice: str, expected: str  # type: ignore[type-arg]
) -> None:
    _tag(release_repo, tag)
    spec = Spec.project()
    for edit in edits:
        edit(spec)
    commit_spec(release_repo, spec, "change")
    plan = make_plan(release_repo, choice)
    assert str(plan.version) == expected
    assert plan.report is not None and plan.report.base == tag


@pytest.mark.parametrize(
    ("written", "edits", "choice", "expected"),
    [
        ("0.4.0", [_compatible], "auto", "0.4.1"),
        ("0.4.0", [_compatible, _breaking], "auto", "0.5.0"),
        ("0.4.0", [], "auto", "0.4.1"),
        ("0.4.0", [_docs], "minor", "0.5.0"),
        ("1.0.0", [_compatible], "auto", "1.1.0"),
        ("0.0.9", [_compatible], "auto", "0.1.1"),
    ],
)
def test_a_spec_version_above_the_last_tag_is_the_base_of_the_bump(
    release_repo: Path, written: str, edits: list, choice: str, expected: str  # type: ignore[type-arg]
) -> None:
    _tag(release_repo, "sdk-v0.1.0")
    spec = Spec.project()
    spec.root["info"]["version"] = written
    for edit in edits:
        edit(spec)
    commit_spec(release_repo, spec, "version raised by hand")
    plan = make_plan(release_repo, choice)
    assert str(plan.version) == expected
    assert str(plan.current) == written  # what the file says before the release


def test_generator_changes_alone_make_a_patch(release_repo: Path) -> None:
    _tag(release_repo, "sdk-v0.3.0")
    readme = release_repo / "generated" / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    git_repo.commit(release_repo, "new template")
    plan = make_plan(release_repo, "auto")
    assert (plan.version, plan.bump) == (Version(0, 3, 1), Bump.PATCH)
    assert plan.notes == (
        (
            Section.CHANGED,
            "Regenerated without an API change: 1 generated file differs from sdk-v0.3.0.",
        ),
    )


def test_nothing_to_release(release_repo: Path) -> None:
    _tag(release_repo, "sdk-v0.3.0")
    with pytest.raises(ReleaseError, match="nothing to release"):
        make_plan(release_repo, "auto")
    assert make_plan(release_repo, "patch").version == Version(0, 3, 1)


def test_an_existing_tag_is_not_reused(release_repo: Path) -> None:
    git_repo.git(release_repo, "checkout", "-q", "-b", "elsewhere")
    (release_repo / "note.txt").write_text("x", encoding="utf-8")
    git_repo.commit(release_repo, "elsewhere")
    _tag(release_repo, "sdk-v0.1.0")
    git_repo.git(release_repo, "checkout", "-q", "main")
    with pytest.raises(ReleaseError, match=r"the tag sdk-v0\.1\.0 already exists"):
        make_plan(release_repo, "auto")


def test_an_explicit_bump_without_changes(release_repo: Path) -> None:
    _tag(release_repo, "sdk-v0.3.0")
    plan = make_plan(release_repo, "patch")
    assert plan.version == Version(0, 3, 1)
    assert plan.notes == ((Section.DOCS, "No change to the API or to the generated code."),)


def test_a_failed_build_says_why(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["no-such-backend-xyz"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "pkg"\nversion = "0.1.0"\n',
        encoding="utf-8",
    )
    with pytest.raises(ReleaseError) as failure:
        build_distributions(package, tmp_path / "dist")
    message = str(failure.value)
    assert message.startswith("building the SDK failed: ERROR Unmet dependencies")
    assert "no-such-backend-xyz" in message and "\n" not in message
