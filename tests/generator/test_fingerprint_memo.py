"""The generator's fingerprint is remembered under its files' stamps, never past a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import generator.cache
from generator.cache import digest, fingerprint, remembered_fingerprint

HOUR_NS = 3600 * 10**9


@pytest.fixture
def sources(tmp_path: Path) -> list[Path]:
    files = [tmp_path / "src" / "a.py", tmp_path / "src" / "b.j2"]
    for i, path in enumerate(files):
        path.parent.mkdir(exist_ok=True)
        path.write_text(f"content {i}\n")
        _age(path)
    return files


def _age(path: Path) -> None:
    """Stamp ``path`` an hour ago (its change time still moves to now: a test waits past the
    racy window by shrinking it)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns - HOUR_NS, stat.st_mtime_ns - HOUR_NS))


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator.cache, "RACY_NS", 0)


def test_an_unchanged_generator_is_not_hashed_again(
    sources: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = tmp_path / "cache" / "generator.fingerprint"
    found = remembered_fingerprint(sources, memo, lambda: "black 1")
    first = found.value
    assert first == digest(fingerprint(sources), "black 1")
    found.remember()

    def must_not_hash(paths: object) -> str:
        raise AssertionError("hashed again")

    monkeypatch.setattr(generator.cache, "fingerprint", must_not_hash)
    assert remembered_fingerprint(sources, memo, lambda: "black 1").value == first


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    sources: list[Path], tmp_path: Path
) -> None:
    memo = tmp_path / "generator.fingerprint"
    found = remembered_fingerprint(sources, memo, lambda: "black 1")
    found.remember()
    first = found.value
    before = sources[0].stat()
    sources[0].write_text("content X\n")  # same size
    os.utime(sources[0], ns=(before.st_atime_ns, before.st_mtime_ns))

    again = remembered_fingerprint(sources, memo, lambda: "black 1").value

    assert again != first
    assert again == digest(fingerprint(sources), "black 1")


def test_a_file_changed_within_the_racy_window_is_always_hashed(
    sources: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generator.cache, "RACY_NS", HOUR_NS)
    memo = tmp_path / "generator.fingerprint"
    remembered_fingerprint(sources, memo, lambda: "black 1").remember()
    assert not memo.exists()  # nothing remembered while a file may still change unseen


def test_a_stamped_file_that_changes_rehashes(sources: list[Path], tmp_path: Path) -> None:
    memo = tmp_path / "generator.fingerprint"
    black = tmp_path / "black.so"
    black.write_bytes(b"v1")
    remembered_fingerprint(sources, memo, lambda: "black 1", [black]).remember()
    black.write_bytes(b"v22")

    assert remembered_fingerprint(sources, memo, lambda: "black 2", [black]).value == digest(
        fingerprint(sources), "black 2"
    )


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\xff\xfe", b"x " + b"0" * 64])
def test_a_damaged_memo_only_costs_the_hash(
    sources: list[Path], tmp_path: Path, damage: bytes
) -> None:
    memo = tmp_path / "generator.fingerprint"
    memo.write_bytes(damage)
    found = remembered_fingerprint(sources, memo, lambda: "b")
    assert found.value == digest(fingerprint(sources), "b")


def test_nothing_is_remembered_until_asked(sources: list[Path], tmp_path: Path) -> None:
    """A run that fails (a refused spec) must leave nothing behind."""
    memo = tmp_path / "generator.fingerprint"
    found = remembered_fingerprint(sources, memo, lambda: "b")
    assert not memo.exists()
    found.remember()
    assert memo.exists()
