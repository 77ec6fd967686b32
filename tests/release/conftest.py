"""A throwaway repository holding a spec and what it generates, for release tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.generate import generate

from ..diff import repo as git_repo
from ..diff.specs import ROOT, Spec


def commit_spec(root: Path, spec: Spec, message: str) -> str:
    """Write ``spec``, regenerate, and commit both."""
    spec.save(root / "spec")
    generate(root / "spec", root / "generated")
    return git_repo.commit(root, message)


@pytest.fixture
def release_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one commit of the project's first endpoint and its generated SDK;
    the working folder is its root."""
    root = git_repo.init(tmp_path / "repo")
    shutil.copyfile(ROOT / ".gitignore", root / ".gitignore")
    commit_spec(root, Spec.project(), "spec and SDK")
    monkeypatch.chdir(root)
    return root
