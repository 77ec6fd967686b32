"""The pre-commit hooks of ``.pre-commit-hooks.yaml``, run by ``pre-commit try-repo`` in a
repository of its own that holds a spec and its generated SDK, as a user's repository would.

pre-commit installs the generator into a fresh environment of its own (this project's files as
they are in the work tree, committed in a scratch repository; its dependencies from PyPI), so
the test also proves that an installed generator (not an editable one) has what it needs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.generate import generate

from .conftest import ENDPOINT, ROOT

GIT = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
SHIPPED = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "generator/", "templates/")
"""What ``pip install`` of the project reads: the files pre-commit needs from it."""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env=os.environ | GIT, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This project's shipped files as the work tree has them, committed in a repository."""
    target = tmp_path_factory.mktemp("hooks") / "maizuo-gen"
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in sorted(set(listed.split("\0")) - {""}):
        source = ROOT / name
        if not name.startswith(SHIPPED) or not (source.exists() or source.is_symlink()):
            continue
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            (target / name).symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target / name)
    git(target.parent, "init", "-q", "-b", "main", str(target))
    commit_all(target, "the project")
    return target


@pytest.fixture
def spec_repo(spec: Path) -> Path:
    """A user's repository: spec/ and the generated/ it gives, committed."""
    repo = spec.parent / "repo"
    repo.mkdir()
    spec = spec.rename(repo / "spec")
    generate(spec, repo / "generated")
    git(repo, "init", "-q", "-b", "main")
    (repo / ".gitignore").write_text(".maizuo-cache/\n", encoding="utf-8")
    commit_all(repo, "spec and SDK")
    return repo


def try_repo(repo: Path, hooks_repo: Path, *hooks: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` (which installs the hooks' environment afresh each time, in a
    store of its own) with pre-commit's home kept out of the user's."""
    home = repo.parent / "pre-commit-home"
    return subprocess.run(
        [
            *(sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), *hooks),
            *("--all-files", "--color", "never"),
        ],
        cwd=repo,
        env=os.environ | GIT | {"PRE_COMMIT_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=900,
    )


def _verdicts(output: str) -> dict[str, str]:
    """Hook name → Passed / Failed, from pre-commit's report lines."""
    verdicts = {}
    for line in output.splitlines():
        name, dots, verdict = line.partition("...")
        if dots and verdict.strip("."):
            verdicts[name.strip().rstrip(".")] = verdict.strip(".").strip()
    return verdicts


@pytest.mark.slow
def test_validate_and_check_run_as_pre_commit_hooks(spec_repo: Path, hooks_repo: Path) -> None:
    clean = try_repo(spec_repo, hooks_repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert _verdicts(clean.stdout) == {
        "maizuo-gen validate": "Passed",
        "maizuo-gen check": "Passed",
    }, clean.stdout

    index = spec_repo / "generated" / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nEdited by hand.\n", encoding="utf-8")
    stale = try_repo(spec_repo, hooks_repo, "maizuo-gen-check")
    assert stale.returncode == 1
    assert _verdicts(stale.stdout) == {"maizuo-gen check": "Failed"}, stale.stdout
    assert "generated is stale" in stale.stdout and "changed  docs/index.md" in stale.stdout
    git(spec_repo, "checkout", "--", "generated")

    endpoint = spec_repo / "spec" / ENDPOINT
    text = endpoint.read_text(encoding="utf-8")
    endpoint.write_text(text.replace("x-top-method:", "x-top-method-typo:", 1), encoding="utf-8")
    invalid = try_repo(spec_repo, hooks_repo)
    assert invalid.returncode == 1
    assert _verdicts(invalid.stdout) == {
        "maizuo-gen validate": "Failed",
        "maizuo-gen check": "Failed",
    }, invalid.stdout
    assert f"error: spec/{ENDPOINT}:" in invalid.stdout
