"""Which generated files a spec change rewrites: the two sides rendered by the same generator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..generate import render_files
from ..write import MANIFEST


@dataclass(frozen=True)
class FileChanges:
    """Paths relative to ``generated/``, each tuple sorted."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def compare_outputs(old: Mapping[str, bytes], new: Mapping[str, bytes]) -> FileChanges:
    """The difference of two outputs; the generator's manifest, pure bookkeeping, is left out."""
    old = {path: data for path, data in old.items() if path != MANIFEST}
    new = {path: data for path, data in new.items() if path != MANIFEST}
    return FileChanges(
        added=tuple(sorted(new.keys() - old.keys())),
        removed=tuple(sorted(old.keys() - new.keys())),
        changed=tuple(sorted(p for p in old.keys() & new.keys() if old[p] != new[p])),
    )


def generated_changes(base: Path, head: Path) -> FileChanges:
    """Render both specs with this checkout's generator and compare the outputs."""
    return compare_outputs(render_files(base), render_files(head))
