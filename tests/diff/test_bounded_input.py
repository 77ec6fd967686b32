"""What a side of a diff may be: special files, huge files and links are refused in one line.

The command runs in a child process with a memory limit and a timeout, so a read that blocks
(a named pipe) or never ends (``/dev/zero``, a file of many gigabytes) fails the test instead
of hanging it or taking the machine's memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diff.limits import MAX_SPEC_FILE_BYTES

from . import repo as git_repo
from .specs import METHOD, Spec

_MEMORY_LIMIT = 1024 * 1024 * 1024


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_LIMIT, _MEMORY_LIMIT))


def diff(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``maizuo-gen diff ARGS --no-files`` in ``cwd``, bounded in memory and time."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "diff", *args, "--no-files"],
        cwd=cwd,
        env=os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
        check=False,
    )


def _one_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    return Spec.project().save(tmp_path / "spec")


def test_a_named_pipe_as_a_side(tmp_path: Path, spec: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    line = _one_error(diff(tmp_path, "pipe.yaml", "spec"))
    assert line == (
        "error: base: pipe.yaml is a named pipe (FIFO), not a spec file; "
        "point at a spec folder or its root YAML file"
    )


def test_a_named_pipe_inside_a_spec_folder(tmp_path: Path, spec: Path) -> None:
    endpoint = spec / f"endpoints/{METHOD}.yaml"
    endpoint.unlink()
    os.mkfifo(endpoint)
    line = _one_error(diff(tmp_path, str(tmp_path / "spec"), "spec"))
    assert f"endpoints/{METHOD}.yaml is a named pipe (FIFO)" in line


def test_a_device_as_a_side(tmp_path: Path, spec: Path) -> None:
    line = _one_error(diff(tmp_path, "spec", "/dev/zero"))
    assert line.startswith("error: head: /dev/zero is a character device, not a spec file")


def test_a_huge_file_is_not_read(tmp_path: Path, spec: Path) -> None:
    """A sparse file of 64 GiB: reading it would pass the child's memory limit many times."""
    huge = Spec.project().save(tmp_path / "huge") / "openapi.yaml"
    with huge.open("r+b") as root:
        root.truncate(64 * 1024**3)
    line = _one_error(diff(tmp_path, "spec", str(huge)))
    assert line.startswith(f"error: head: {huge} is 65536.0 MiB")
    assert "more than a spec file may be (8.0 MiB)" in line


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = git_repo.init(tmp_path / "repo")
    Spec.project().save(root / "spec")
    git_repo.commit(root, "spec")
    return root


@pytest.mark.parametrize("target", ["/etc/passwd", "../../outside.yaml", "openapi.yaml"])
def test_a_revision_holding_a_symbolic_link(repo: Path, target: str) -> None:
    (repo / "spec" / "endpoints" / "linked.yaml").symlink_to(target)
    git_repo.commit(repo, "a link")
    line = _one_error(diff(repo, "HEAD", "HEAD~1"))
    assert line == (
        f"error: base: HEAD:spec/endpoints/linked.yaml is a symbolic link (to {target}); "
        "a revision's spec must hold regular files only: commit the file itself"
    )


def test_a_revision_holding_a_huge_file(repo: Path) -> None:
    comment = b"# " + b"x" * 1021 + b"\n"
    with (repo / "spec" / "openapi.yaml").open("wb") as root:
        for _ in range(MAX_SPEC_FILE_BYTES // len(comment) + 1):
            root.write(comment)
    git_repo.commit(repo, "a huge root file")
    line = _one_error(diff(repo, "HEAD", "HEAD~1"))
    assert line.startswith("error: base: HEAD:spec/openapi.yaml is 8.0 MiB, more than")


def test_regular_files_still_compare(repo: Path) -> None:
    done = diff(repo, "HEAD", "spec")
    assert done.returncode == 0, done.stderr
    assert "No changes to the SDK's API" in done.stdout
