"""The few git commands the diff and the release need, run as subprocesses."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    """A git command failed; the message is git's own first line of complaint."""


def git(*args: str, cwd: Path) -> str:
    """Run ``git args`` in ``cwd`` and return its output, stripped."""
    return git_bytes(*args, cwd=cwd).decode("utf-8", "replace").strip()


def git_bytes(*args: str, cwd: Path) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {' '.join(args)} failed")
    return done.stdout


def toplevel(cwd: Path) -> Path:
    """The root of the work tree holding ``cwd``; :class:`GitError` outside one."""
    return Path(git("rev-parse", "--show-toplevel", cwd=cwd))


def commit_of(revision: str, cwd: Path) -> str | None:
    """The commit ``revision`` names, or ``None`` when it names none."""
    try:
        return git(
            "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}", cwd=cwd
        )
    except GitError:
        return None


def export(commit: str, path: str, into: Path, *, cwd: Path) -> None:
    """Write the files under ``path`` at ``commit`` below ``into`` (``git archive``)."""
    data = git_bytes("archive", "--format=tar", commit, "--", path, cwd=cwd)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
