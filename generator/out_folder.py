"""Where the output folder really is, whether it may be written, and who is writing it.

The writer (:mod:`.write`) replaces the output folder as a whole, by building the new tree
beside it and swapping the two. That is only safe for a real folder that is neither the spec
nor around it, and with one writer at a time:

- a symbolic link given as ``--out`` is followed, so the swap happens at the link's target and
  the link stays a link (swapping the link itself would replace it with a folder and leave its
  target behind, never written again);
- an output folder that is, holds or sits inside the spec folder, or that holds the working
  folder, is refused: the swap would replace hand-written files, copy a folder into itself, or
  leave the caller's shell in a deleted folder;
- two runs on one output take turns, by a lock beside it, so neither sweeps away the other's
  half-built tree (each run clears what killed runs left, which is only safe under the lock).
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import GeneratorError

LOCKS = ".maizuo-cache"
"""The folder beside the output that holds its lock (the cache's folder: ignored by git)."""


def real_output(out: Path, spec: Path, *, writing: bool) -> Path:
    """The absolute path of the folder ``out`` names, every symbolic link followed; raises
    :class:`GeneratorError` when the generator must not use it (see the module docstring)."""
    real = _real_path(out, "--out")
    if real.exists() and not real.is_dir():
        raise GeneratorError(
            f"--out {out} is a file, not a folder: name a folder (it is created if missing)"
        )
    spec_path = _real_path(spec, "--spec")
    spec_folder = spec_path.parent if spec_path.is_file() else spec_path
    advice = "choose a folder beside the spec, such as generated/"
    if real == spec_folder:
        raise GeneratorError(f"--out {out} is the spec folder ({spec_folder}): {advice}")
    if real.is_relative_to(spec_folder):
        raise GeneratorError(f"--out {out} is inside the spec folder ({spec_folder}): {advice}")
    if spec_folder.is_relative_to(real):
        raise GeneratorError(
            f"--out {out} holds the spec folder ({spec_folder}); the output folder is replaced"
            f" as a whole, so it must not hold anything written by hand: {advice}"
        )
    if writing and Path.cwd().resolve().is_relative_to(real):
        raise GeneratorError(
            f"--out {out} is the working folder or holds it; the output folder is replaced as a"
            " whole, which would leave this shell in a deleted folder: run from outside it"
            " (for example from the folder that holds the spec)"
        )
    return real


def _real_path(path: Path, option: str) -> Path:
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        return Path(os.path.realpath(path))
    except OSError as exc:
        raise GeneratorError(f"{option} {path}: {exc.strerror or exc}") from None


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold the lock of the output folder ``out`` (a real path); wait, saying so on stderr,
    while another run holds it. The lock goes with the process, so a killed run frees it."""
    lock_file = out.parent / LOCKS / f"{out.name}.lock"
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise GeneratorError(
            f"cannot write {out}: {exc.strerror or exc} ({exc.filename or lock_file})"
        ) from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"waiting for another maizuo-gen run writing {out} to finish (Ctrl-C to stop)",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock
