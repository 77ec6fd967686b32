"""An import as a plan of file changes, checked whole before anything is written.

Each page gives one endpoint file, ``spec/endpoints/<method>.yaml``, and one entry in the root's
``paths``. Nothing else in the spec is read for writing, and nothing at all is written unless
every page could be read and no hand-edited endpoint file would be overwritten without
``--force``.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .operation import build_path_item
from .page import Page, PageError
from .parse import parse_page
from .rootfile import Root, RootError
from .yamlout import to_yaml

ROOT_FILE = "openapi.yaml"
ENDPOINTS = "endpoints"


class ImportFailure(Exception):
    """A page or the spec cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Change:
    """One file's content before (``None`` when it does not exist) and after the import."""

    path: Path
    old: str | None
    new: str
    hand_edited: bool = False
    """An endpoint file that exists and differs from what the import writes."""

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def diff(self) -> str:
        shown = shown_path(self.path)
        before, after = (
            (str(shown), str(shown)) if shown.is_absolute() else (f"a/{shown}", f"b/{shown}")
        )
        return "".join(
            difflib.unified_diff(
                (self.old or "").splitlines(keepends=True),
                self.new.splitlines(keepends=True),
                "/dev/null" if self.old is None else before,
                after,
            )
        )


def plan_import(pages: Sequence[Path], spec: Path) -> list[Change]:
    """The changes importing ``pages`` into the spec folder (or root file) ``spec`` makes:
    each endpoint file in page order, then the root file."""
    root_file = spec / ROOT_FILE if spec.is_dir() else spec
    root_text = _read(root_file)
    try:
        root = Root.read(root_text)
    except RootError as error:
        raise ImportFailure(f"{shown_path(root_file)}: {error}") from None
    changes: list[Change] = []
    seen: dict[str, Path] = {}
    text = root_text
    for page_path in pages:
        page = _page(page_path, _source(page_path, root_file.parent))
        try:
            item = build_path_item(page, root)
        except PageError as error:
            shown = page.lines[error.line - 1] if 0 < error.line <= len(page.lines) else ""
            raise error.located(str(page_path), shown) from None
        if page.method in seen:
            raise ImportFailure(
                f"{page_path}: {page.method} is also the method of {seen[page.method]}"
            )
        seen[page.method] = page_path
        new = to_yaml(item)
        target = root_file.parent / ENDPOINTS / f"{page.method}.yaml"
        old = target.read_text(encoding="utf-8") if target.exists() else None
        changes.append(Change(target, old, new, hand_edited=old is not None and old != new))
        try:
            text = Root.read(text).with_path(f"/{page.method}", f"{ENDPOINTS}/{page.method}.yaml")
        except RootError as error:
            raise ImportFailure(f"{shown_path(root_file)}: {error}") from None
    changes.append(Change(root_file, root_text, text))
    return changes


def apply(changes: Sequence[Change]) -> None:
    """Write every changed file, each one atomically (a temporary file, then a rename)."""
    for change in changes:
        if change.changed:
            change.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=change.path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                    file.write(change.new)
                os.replace(temporary, change.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise


def _source(path: Path, spec_folder: Path) -> str:
    """What ``x-top-doc.source`` names: the page's path relative to the spec folder when the page
    is kept inside it (``pages/<method>.txt``), so the reference leads to a file of the
    repository; else the page's file name."""
    try:
        return path.resolve().relative_to(spec_folder.resolve()).as_posix()
    except ValueError:
        return path.name


def _page(path: Path, source: str) -> Page:
    """The page at ``path``; errors name the page as it was given."""
    raw = _read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PageError(line, "the page is not UTF-8 text", page=str(path)) from None
    try:
        return parse_page(text, source)
    except PageError as error:
        raise error.located(str(path), error.text) from None


def _read(path: Path) -> str:
    return _read_bytes(path).decode("utf-8", errors="replace")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFailure(f"{path}: no such file") from None
    except OSError as error:
        raise ImportFailure(f"{path}: cannot be read ({error.strerror})") from None


def shown_path(path: Path) -> Path:
    """``path`` relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path
