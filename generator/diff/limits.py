"""What a side of a diff may hold before it is read: regular files of a bounded size.

The diff reads specs that are not the user's own working tree (a pull request's revision, a
path given on a command line in CI), so it checks what it is about to read before reading
it: a named pipe would block for ever, ``/dev/zero`` or a file of many gigabytes would fill
the memory, and a symbolic link in a revision may point anywhere on the machine that runs the
diff. Each case is refused with the file named and what to do.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_SPEC_FILE_BYTES = 8 * 1024 * 1024
"""The largest spec file read (8 MiB): an endpoint file is a few kilobytes, a root file listing
thousands of endpoints well under a megabyte, so this is far above any real spec."""
MAX_REVISION_BYTES = 256 * 1024 * 1024
"""The most a revision's spec folder may hold in all (256 MiB), checked while it is exported."""

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnreadableSpec(Exception):
    """A file of a side cannot be read safely; the message names it and says why."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, as a reader names it."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def check_spec_path(path: Path, shown: str) -> None:
    """Refuse ``path`` (a spec folder or root file) unless every YAML file the generator may read
    there is a regular file of at most :data:`MAX_SPEC_FILE_BYTES`.

    Symbolic links are followed, as the loader follows them; a link that leads nowhere is
    left for the loader to report."""
    try:
        info = path.stat()
    except OSError as exc:
        raise UnreadableSpec(f"{shown} cannot be read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        for folder, dirs, names in os.walk(path):
            dirs.sort()
            for name in sorted(names):
                if name.endswith(".yaml"):
                    file = Path(folder) / name
                    _check_file(file, _inside(shown, path, file))
        return
    _check_file(path, shown, info)


def _check_file(file: Path, shown: str, info: os.stat_result | None = None) -> None:
    try:
        info = info or file.stat()
    except OSError:
        return  # a dangling link or a file removed meanwhile: the loader says which
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableSpec(
            f"{shown} is {kind_of(info.st_mode)}, not a spec file; "
            "point at a spec folder or its root YAML file"
        )
    if info.st_size > MAX_SPEC_FILE_BYTES:
        raise UnreadableSpec(too_big(shown, info.st_size))


def too_big(shown: str, size: int) -> str:
    return (
        f"{shown} is {_mebibytes(size)}, more than a spec file may be "
        f"({_mebibytes(MAX_SPEC_FILE_BYTES)}); split it or check that it is the right file"
    )


def _mebibytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def _inside(shown: str, folder: Path, file: Path) -> str:
    return str(Path(shown) / file.relative_to(folder))
