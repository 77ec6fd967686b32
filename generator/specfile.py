"""Reading one spec file from disk: bounded, and only when it is a regular file.

A spec file is read whole, so what may be read is limited first: a device (``/dev/zero``), a
FIFO, a socket or a directory is refused before any byte is read (a FIFO is opened without
waiting for a writer), and so is a file over :data:`MAX_FILE_BYTES`. The parsed data of an
unchanged file comes from the cache.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .cache import Cache, digest
from .errors import Problem, SpecError
from .yamldata import LinesOnDemand, parse_yaml

ROOT_FILE = "openapi.yaml"
"""The root document's name in a spec folder."""
MAX_FILE_BYTES = 8 << 20
"""The largest spec file read: 8 MiB. The project's root file for 1000 endpoints is about
0.1 MiB; parsing YAML takes some hundred times a file's size in memory, so a larger file would
need more memory than a spec should, and is more likely a wrong path than a spec."""
_KINDS = (
    (stat.S_ISDIR, "is a directory; expected a YAML file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a file; point at the YAML file itself"),
    (stat.S_ISCHR, "is a device, not a file; point at the YAML file itself"),
    (stat.S_ISBLK, "is a device, not a file; point at the YAML file itself"),
    (stat.S_ISSOCK, "is a socket, not a file; point at the YAML file itself"),
)


def read_spec_bytes(path: Path, shown: Path) -> bytes:
    """The bytes of the regular file ``path``, at most :data:`MAX_FILE_BYTES` of them;
    :class:`SpecError` naming ``shown`` otherwise."""

    def fail(message: str) -> SpecError:
        return SpecError([Problem(shown, None, "", message)])

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail("is a directory; expected a YAML file") from None
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror}") from None
    chunks: list[bytes] = []
    size = 0
    try:
        mode = os.fstat(fd).st_mode
        for kind, message in _KINDS:
            if kind(mode):
                raise fail(message)
        if not stat.S_ISREG(mode):
            raise fail("is not a regular file; point at the YAML file itself")
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise fail(f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if size > MAX_FILE_BYTES:
        raise fail(
            f"is larger than {MAX_FILE_BYTES >> 20} MiB, the most a spec file may be; "
            "split it into endpoint files"
        )
    return b"".join(chunks)


def read_yaml(
    path: Path, shown: Path, cache: Cache | None, mount: tuple[str, ...] | None = None
) -> tuple[Any, Mapping[str, int], str | None]:
    """Parse one YAML file into plain data plus a pointer → line table (worked out only when
    a problem asks for a line; see :mod:`.yamldata`).

    An endpoint file names its ``mount`` (the path it bundles into, and its own path relative
    to the root file): it is then taken from the cache as it was once its references were
    rewritten; otherwise the third value is the key to cache it under when that is done."""
    raw = read_spec_bytes(path, shown)
    key = digest(raw)
    if mount is not None:  # an endpoint file: its references made local when it was mounted
        key = digest(key, *mount)
        cached = cache.get("mounted", key) if cache is not None else None
        if cached is not None:
            return cached, LinesOnDemand(raw, shown), None
        data, lines = parse_yaml(raw, shown)
        return data, lines, key
    cached = cache.get("yaml", key) if cache is not None else None
    if cached is not None:
        return cached, LinesOnDemand(raw, shown), None
    data, lines = parse_yaml(raw, shown)
    if cache is not None:
        cache.put("yaml", key, data)
    return data, lines, None


def shown_path(path: Path) -> Path:
    """A path as the user would like to read it: relative to the working folder when inside it.
    (In strings: it is asked for every file of the spec, thousands of them.)"""
    cwd = os.getcwd()
    absolute = os.path.normpath(os.path.join(cwd, path))
    if absolute == cwd:
        return Path(".")
    inside = cwd.rstrip(os.sep) + os.sep
    return Path(absolute[len(inside) :] if absolute.startswith(inside) else absolute)
