"""The cache file: entries read one by one where they lie; damage of any kind is a miss, never a
wrong value."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cache import Cache


def _saved(path: Path, entries: dict[str, object]) -> None:
    cache = Cache(path, "salt")
    for key, value in entries.items():
        cache.put("ns", key, value)
    cache.save()


def test_entries_come_back_as_they_were_put(tmp_path: Path) -> None:
    path = tmp_path / "cache"
    entries = {"a": {"x": [1, 2]}, "b": b"bytes" * 100, "c": "文本"}
    _saved(path, entries)
    again = Cache(path, "salt")
    assert {key: again.get("ns", key) for key in entries} == entries
    assert again.get("ns", "missing") is None
    assert Cache(path, "other salt").get("ns", "a") is None  # another generator's entries


def test_only_the_entries_a_run_used_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "cache"
    _saved(path, {"a": 1, "b": 2})
    run = Cache(path, "salt")
    assert run.get("ns", "a") == 1
    run.put("ns", "c", 3)
    run.save()
    after = Cache(path, "salt")
    assert (after.get("ns", "a"), after.get("ns", "b"), after.get("ns", "c")) == (1, None, 3)


def test_a_damaged_entry_is_a_miss_and_the_others_still_hit(tmp_path: Path) -> None:
    path = tmp_path / "cache"
    _saved(path, {"a": b"A" * 4000, "b": b"B" * 4000})
    raw = bytearray(path.read_bytes())
    raw[raw.index(b"A" * 4000) + 2000] = ord("Z")  # still a valid pickle, of other bytes
    path.write_bytes(bytes(raw))
    again = Cache(path, "salt")
    assert again.get("ns", "a") is None
    assert again.get("ns", "b") == b"B" * 4000


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: raw + b"more",
        lambda raw: b"",
        lambda raw: b"maizuo-gen cache 1\n" + raw[19:],  # the earlier format
        lambda raw: raw[:19] + b"\xff" * 8 + raw[27:],  # an index length past the end
        lambda raw: raw[:27] + b"\x80garbage" + raw[35:],  # a damaged index
    ],
)
def test_a_damaged_file_is_an_empty_cache(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "cache"
    _saved(path, {"a": b"A" * 100})
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    again = Cache(path, "salt")
    assert again.get("ns", "a") is None
    again.put("ns", "b", 2)
    again.save()
    assert Cache(path, "salt").get("ns", "b") == 2
