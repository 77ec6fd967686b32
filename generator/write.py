"""Stage 6: put the rendered files in the output folder, all or nothing.

The new tree is built beside the output folder — unchanged files hard-linked from the old tree,
changed ones written — and then swapped with it in one atomic ``renameat2(RENAME_EXCHANGE)``
(two renames, with recovery on the next run, where the kernel lacks it). A run killed at any
moment leaves either the whole old output or the whole new one. Files the generator wrote before
and no longer generates are left out of the new tree; files it never owned (a changelog, caches)
are carried over. What it owns is listed in a manifest inside the folder; the manifest is
trusted only for plain relative paths inside the folder, so an edited or hostile listing can
never make a run remove (or report removing) anything elsewhere. Symbolic links inside the
folder are carried over as links, and a generated file is never written through one.

Which folder is written, and that one run writes it at a time, is :mod:`.out_folder`'s concern.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import GeneratorError

MANIFEST = ".maizuo-manifest.json"
_STAGING = ".staging"
_RETIRED = ".retired"
_RENAME_EXCHANGE = 2


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        lines = [f"  added    {p}" for p in self.added]
        lines += [f"  changed  {p}" for p in self.changed]
        lines += [f"  removed  {p}" for p in self.removed]
        return "\n".join(lines)


def manifest_bytes(files: dict[str, bytes], generator_version: str) -> bytes:
    listing = {path: hashlib.sha256(data).hexdigest() for path, data in sorted(files.items())}
    body = {"generator": "maizuo-gen " + generator_version, "files": listing}
    return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode()


def owned_files(out: Path) -> set[str]:
    """The files a previous run generated, by the manifest it left (none when there is none).
    Only plain relative paths are believed: see :func:`is_plain_relative`."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        listed = set(data["files"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {path for path in listed if is_plain_relative(path)} | {MANIFEST}


def is_plain_relative(path: object) -> bool:
    """Is ``path`` a relative POSIX path of named parts (no ``..``, ``.``, empty part, leading
    ``/``, backslash or NUL), one that cannot leave the folder it is joined to?"""
    if not isinstance(path, str) or not path or "\\" in path or "\0" in path:
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


def _through_link(out: Path, path: str) -> bool:
    """Does ``out / path`` pass through a symbolic link below ``out`` (its last part aside)?"""
    folder = out
    for part in path.split("/")[:-1]:
        folder = folder / part
        if folder.is_symlink():
            return True
    return False


def compare(out: Path, files: dict[str, bytes]) -> Changes:
    """What writing ``files`` (which include the manifest) would change in ``out``."""
    added, changed = [], []
    base = os.fspath(out)
    for path, data in sorted(files.items()):
        try:
            with open(os.path.join(base, path), "rb") as file:
                current = file.read()
        except FileNotFoundError:
            added.append(path)
            continue
        except (IsADirectoryError, NotADirectoryError):
            changed.append(path)
            continue
        if current != data:
            changed.append(path)
    removed = sorted(
        p
        for p in owned_files(out) - set(files)
        if not _through_link(out, p) and os.path.lexists(out / p)
    )
    return Changes(tuple(added), tuple(changed), tuple(removed))


def recover(out: Path) -> None:
    """Finish or undo what a killed run left: a retired tree with no output, staging folders."""
    parent = out.parent
    retired = parent / f".{out.name}{_RETIRED}"
    if retired.exists():
        if not out.exists():
            os.rename(retired, out)
        else:
            shutil.rmtree(retired, ignore_errors=True)
    for staging in parent.glob(f".{out.name}{_STAGING}-*"):
        shutil.rmtree(staging, ignore_errors=True)


def tidy(out: Path) -> None:
    """:func:`recover`, failing as :func:`write_tree` fails."""
    try:
        recover(out)
    except OSError as exc:
        raise GeneratorError(
            f"cannot write {out}: {exc.strerror or exc} ({exc.filename or out})"
        ) from None


def write_tree(out: Path, files: dict[str, bytes]) -> Changes:
    """Make ``out`` hold ``files`` (relative path → bytes), changing nothing if nothing differs."""
    try:
        recover(out)
        changes = compare(out, files)
        if not changes:
            return changes
        for path in (*changes.added, *changes.changed):
            if _through_link(out, path):
                raise GeneratorError(
                    f"cannot write {out / path}: a folder on its way is a symbolic link, and"
                    f" generated files are never written through one (into another folder);"
                    f" replace the link with a real folder"
                )
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = out.parent / f".{out.name}{_STAGING}-{os.getpid()}"
        drop = set(changes.removed) | set(changes.changed)
        if out.exists():
            _link_tree(out, staging, skip=drop | set(changes.added))
        else:
            staging.mkdir()
        for path in (*changes.added, *changes.changed):
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_dir():
                shutil.rmtree(target)
            target.write_bytes(files[path])
        _prune_empty_dirs(staging, {str(Path(p).parent) for p in changes.removed})
        _swap(staging, out)
        return changes
    except OSError as exc:
        raise GeneratorError(
            f"cannot write {out}: {exc.strerror or exc} ({exc.filename or out})"
        ) from None


def _link_tree(source: Path, target: Path, skip: set[str]) -> None:
    """Hard-link every file of ``source`` into ``target`` (copy where a link is refused), but
    those in ``skip``; symbolic links are made again as links, never followed. Plain string
    paths: an output holds thousands of files, and this runs on every change."""
    _link_folder(os.fspath(source), os.fspath(target), "", skip)


def _link_folder(source: str, target: str, relative: str, skip: set[str]) -> None:
    try:
        with os.scandir(os.path.join(source, relative)) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError:  # unreadable: left out, as os.walk leaves it
        return
    os.makedirs(os.path.join(target, relative), exist_ok=True)
    for entry in entries:
        path = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_dir(follow_symlinks=False):
            _link_folder(source, target, path, skip)
            continue
        if path in skip:
            continue
        destination = os.path.join(target, path)
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), destination)
            continue
        try:
            os.link(entry.path, destination)
        except OSError:
            shutil.copy2(entry.path, destination)


def _prune_empty_dirs(root: Path, candidates: set[str]) -> None:
    for candidate in sorted(candidates, key=len, reverse=True):
        folder = root / candidate
        while (
            folder != root
            and not folder.is_symlink()
            and folder.is_dir()
            and not any(folder.iterdir())
        ):
            folder.rmdir()
            folder = folder.parent


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging)
        return
    retired = out.parent / f".{out.name}{_RETIRED}"
    os.rename(out, retired)
    os.rename(staging, out)
    shutil.rmtree(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux ``renameat2``); ``False`` where that is not available."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    if result != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot
            return False
        raise OSError(errno, os.strerror(errno), str(b))
    return True
