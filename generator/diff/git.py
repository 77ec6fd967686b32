"""The few git commands the diff and the release need, run as subprocesses."""

from __future__ import annotations

import subprocess
import tarfile
from pathlib import Path
from typing import IO

from .limits import MAX_REVISION_BYTES, MAX_SPEC_FILE_BYTES, too_big


class GitError(Exception):
    """A git command failed; the message is git's own first line of complaint."""


class UnsafeRevision(GitError):
    """A revision's files are not what a spec may hold (a link, a huge file); the message names
    the file."""


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


def export(commit: str, path: str, into: Path, *, cwd: Path, label: str = "") -> None:
    """Write the files under ``path`` at ``commit`` (named ``label`` in messages) below ``into``
    (``git archive``).

    The archive is read as it streams, one member at a time, and refused (:class:`GitError`,
    naming the file) at the first member that is not a folder or a regular file (a symbolic
    link may point anywhere on this machine), that is larger than a spec file may be, or that
    takes the whole past :data:`~.limits.MAX_REVISION_BYTES`: nothing is held in memory whole.
    """
    try:
        process = subprocess.Popen(
            ["git", "archive", "--format=tar", commit, "--", path],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    assert process.stdout is not None and process.stderr is not None
    try:
        _extract(process.stdout, into, label or commit[:12])
        _drain(process.stdout)  # the archive's end padding, which tarfile leaves unread
    except tarfile.TarError:
        pass  # git failed part way: its own message, read below, says why
    finally:
        process.stdout.close()
        if process.poll() is None:
            process.kill()
        errors = process.stderr.read()
        process.stderr.close()
        returncode = process.wait()
    if returncode != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git archive {commit} -- {path} failed")


def _drain(stream: IO[bytes], limit: int = 1024 * 1024) -> None:
    """Read what is left of the archive (a few blocks of zeros), so git ends by itself."""
    while limit > 0:
        chunk = stream.read(min(limit, 65536))
        if not chunk:
            return
        limit -= len(chunk)


def _extract(stream: IO[bytes], into: Path, revision: str) -> None:
    total = 0
    with tarfile.open(fileobj=stream, mode="r|") as archive:
        for member in archive:
            if member.isdir():
                archive.extract(member, into, filter="data")
                continue
            shown = f"{revision}:{member.name}"
            if member.issym() or member.islnk():
                raise UnsafeRevision(
                    f"{shown} is a symbolic link (to {member.linkname}); a revision's spec must "
                    "hold regular files only: commit the file itself"
                )
            if not member.isfile():
                raise UnsafeRevision(f"{shown} is not a regular file")
            if member.size > MAX_SPEC_FILE_BYTES:
                raise UnsafeRevision(too_big(shown, member.size))
            total += member.size
            if total > MAX_REVISION_BYTES:
                raise UnsafeRevision(
                    f"the spec at {revision} holds more than {MAX_REVISION_BYTES // 2**20} MiB; "
                    "is the path right?"
                )
            archive.extract(member, into, filter="data")
