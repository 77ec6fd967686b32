"""A private, content-addressed cache of the slow stages (parsing, validating, rendering and
formatting), so that regenerating after editing one endpoint of many costs about one endpoint.

Every entry is keyed by a hash of everything its value depends on (the input's bytes and the
generator's own fingerprint), so a stale entry can never be used: it is simply never asked for
again, and entries a run did not use are dropped when the cache is saved. A missing or damaged
cache file is an empty cache.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import pickle
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_FORMAT = b"maizuo-gen cache 2\n"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def canonical_json(value: Any) -> bytes:
    """Stable bytes of a JSON value (keys sorted, no spaces), to hash or compare parts of a
    document by."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def fingerprint(paths: Iterable[Path]) -> str:
    """A hash of the contents (and names) of ``paths``: the generator's own code and templates."""
    parts: list[bytes | str] = []
    for path in sorted(paths):
        parts += [path.as_posix(), path.read_bytes()]
    return digest(*parts)


RACY_NS = 2_000_000_000
"""A file changed this recently (in nanoseconds) is hashed whatever its stamp says: a second
edit within the file system's clock tick could leave the same stamp (git's "racily clean")."""


@dataclass(frozen=True)
class Fingerprint:
    """A fingerprint, and how to remember it (:meth:`remember`, once the run it keys has
    succeeded: a refused spec leaves nothing behind)."""

    value: str
    memo: Path | None = None
    memo_text: str | None = None

    def remember(self) -> None:
        """Write the memo, atomically; a failure to write only costs the next run the hash."""
        if self.memo is None or self.memo_text is None:
            return
        tmp = self.memo.with_name(f"{self.memo.name}.{os.getpid()}.tmp")
        try:
            self.memo.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(self.memo_text, encoding="ascii")
            os.replace(tmp, self.memo)
        except OSError:
            tmp.unlink(missing_ok=True)


def remembered_fingerprint(
    paths: Sequence[Path], memo: Path | None, extra: Callable[[], str], stamped: Sequence[Path] = ()
) -> Fingerprint:
    """``digest(fingerprint(paths), extra())``, remembered in the file ``memo`` under the stamps
    (name, size, modification and change times, inode) of ``paths`` and ``stamped``: on a run
    that changes nothing, hashing the generator's own files cost more than the rest of the run.
    Any write to a file moves its change time, which no tool can set back, so a remembered value
    is never that of other contents; a missing, unreadable or stale memo only costs the hash."""
    try:
        stats = [(path, path.stat()) for path in sorted(paths)]
        stats += [(path, path.stat()) for path in stamped]
    except OSError:
        return Fingerprint(digest(fingerprint(paths), extra()))
    stamp = digest(
        *(
            f"{p.as_posix()}\0{s.st_size}\0{s.st_mtime_ns}\0{s.st_ctime_ns}\0{s.st_ino}"
            for p, s in stats
        )
    )
    now = time.time_ns()
    settled = all(now - max(s.st_mtime_ns, s.st_ctime_ns) >= RACY_NS for _, s in stats)
    if memo is None or not settled:
        return Fingerprint(digest(fingerprint(paths), extra()))
    try:
        recorded, _, value = memo.read_text(encoding="ascii").partition(" ")
        if recorded == stamp and len(value) == 64:
            return Fingerprint(value)
    except (OSError, UnicodeDecodeError):
        pass
    value = digest(fingerprint(paths), extra())
    return Fingerprint(value, memo, f"{stamp} {value}")


class Cache:
    """``namespace, key → value`` kept in one file; values are pickled, so each ``get`` returns
    a fresh copy that the caller may change.

    The file is an index (each entry's name, place and checksum) followed by the entries'
    bytes: opening it reads the index only, and a ``get`` unpickles just its own entry, so a
    run that needs a few of many thousand entries pays for those few. An entry whose bytes do
    not match its checksum, or that cannot be unpickled, is a miss."""

    def __init__(self, path: Path | None, salt: str = "") -> None:
        """``salt`` goes into every key: the generator's fingerprint, so that entries made by
        another version of the generator are never used."""
        self.path = path
        self.salt = salt
        self._stored: _Stored | None = _Stored.open(path) if path is not None else None
        self._new: dict[str, bytes] = {}
        self._used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def get(self, namespace: str, key: str) -> Any:
        name = f"{namespace}:{digest(self.salt, key)}"
        data: bytes | memoryview | None = self._new.get(name)
        if data is None and self._stored is not None:
            data = self._stored.view(name)
        if data is not None:
            try:
                value = pickle.loads(data)
            except Exception:  # damaged: as if it were not there
                value = None
            else:
                self.hits += 1
                self._used.add(name)
                return value
        self.misses += 1
        return None

    def put(self, namespace: str, key: str, value: Any) -> None:
        name = f"{namespace}:{digest(self.salt, key)}"
        self._new[name] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._used.add(name)

    def save(self) -> None:
        """Write the entries this run used, atomically; a failure to write only loses speed."""
        if self.path is None:
            return
        kept: list[tuple[str, bytes | memoryview, int]] = []
        for name in sorted(self._used):
            new = self._new.get(name)
            if new is not None:
                kept.append((name, new, zlib.crc32(new)))
            elif self._stored is not None and name in self._stored.places:
                # used, so read and checked by ``get``: its checksum is still the one it has
                offset, length, crc = self._stored.places[name]
                kept.append((name, memoryview(self._stored.data)[offset : offset + length], crc))
        index = [(name, len(data), crc) for name, data, crc in kept]
        head = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as file:
                file.write(_FORMAT + len(head).to_bytes(8, "big") + head)
                file.writelines(data for _, data, _ in kept)
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)
        finally:
            del kept
            if self._stored is not None:  # the file it maps was replaced
                self._stored.close()
                self._stored = None


@dataclass
class _Stored:
    """The entries of a cache file, read where they lie (the file is mapped, not read whole)."""

    data: mmap.mmap
    places: dict[str, tuple[int, int, int]]
    """name → offset, length and CRC-32 of its bytes."""

    @classmethod
    def open(cls, path: Path) -> _Stored | None:
        """The file's entries; ``None`` when it is missing, unreadable, of another format or
        damaged (an empty cache)."""
        try:
            with open(path, "rb") as file:
                data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable, or empty (nothing to map)
            return None
        try:
            if data[: len(_FORMAT)] != _FORMAT:
                raise ValueError("another format")
            start = len(_FORMAT) + 8
            size = int.from_bytes(data[len(_FORMAT) : start], "big")
            index = pickle.loads(data[start : start + size])
            places: dict[str, tuple[int, int, int]] = {}
            offset = start + size
            for name, length, crc in index:
                if not (isinstance(name, str) and isinstance(length, int) and length >= 0):
                    raise ValueError("a damaged index")
                places[name] = (offset, length, crc)
                offset += length
            if offset != len(data):
                raise ValueError("a damaged or cut file")
        except Exception:  # damaged in any way: start empty
            data.close()
            return None
        return cls(data, places)

    def view(self, name: str) -> memoryview | None:
        """The bytes of ``name``, checked against their checksum."""
        place = self.places.get(name)
        if place is None:
            return None
        offset, length, crc = place
        found = memoryview(self.data)[offset : offset + length]
        if zlib.crc32(found) != crc:
            return None
        return found

    def close(self) -> None:
        with suppress(BufferError):  # a view still held: the mapping goes with it
            self.data.close()
