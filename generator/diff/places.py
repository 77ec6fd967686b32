"""Where a change is written: its pointer's file and line, through the loader's source map.

Paths are given from the repository's root when the side is in one (what a forge's
annotations need), and a revision's files by their path in that revision; a change on the base
side (something removed) keeps the revision it was read from, so a reader is told the line is
in the old spec.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..load import LoadedSpec
from ..pointer import resolve
from ..pointer import unescape_token as unescape_pointer_token
from .changes import Change, Place, Side


@dataclass(frozen=True)
class SideMap:
    """One side's source map, and how to name its files."""

    loaded: LoadedSpec
    label: str
    """How the side was named (``origin/main``, ``spec``)."""
    root: Path | None
    """The folder paths are made relative to: the export of a revision, or the repository
    around a folder side; ``None`` keeps them as the loader shows them."""

    _texts: dict[Path, list[str]] = field(default_factory=dict, compare=False)

    def place(self, pointer: str, side: Side) -> Place | None:
        where = self.loaded.source.locate(pointer)
        if where is None:
            return None
        file = where.file
        absolute = (file if file.is_absolute() else Path.cwd() / file).resolve()
        shown = str(file)
        if self.root is not None and absolute.is_relative_to(self.root.resolve()):
            shown = absolute.relative_to(self.root.resolve()).as_posix()
        line = self._key_line(absolute, where.line, pointer)
        return Place(shown, line, side, self.label if side == "base" else "")

    def _key_line(self, file: Path, line: int, pointer: str) -> int:
        """The line of a mapping's or list's key (``channel_token:``) rather than of its first
        entry, which is where the loader's line table puts a block value."""
        try:
            node = resolve(self.loaded.document, "#" + pointer)
        except KeyError:
            return line
        if not isinstance(node, dict | list) or line < 2 or "/" not in pointer:
            return line
        key = unescape_pointer_token(pointer.rsplit("/", 1)[1])
        text = self._texts.get(file)
        if text is None:
            try:
                text = self._texts[file] = file.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                return line
        above = text[line - 2].strip() if line - 2 < len(text) else ""
        keys = {f"{key}:", f"'{key}':", f'"{key}":'}
        return line - 1 if above in keys or above.removeprefix("- ") in keys else line


def locate(changes: tuple[Change, ...], base: SideMap, head: SideMap) -> tuple[Change, ...]:
    """``changes`` with the place of each pointer filled in."""
    return tuple(
        replace(
            change,
            place=(base if change.side == "base" else head).place(change.pointer, change.side),
        )
        for change in changes
    )
