"""The spec's root file: what an import reads from it, and the one entry it adds to ``paths``.

The entry is inserted as text, in sorted position among the entries already there, so every
other byte of the file (comments, quoting, layout) stays as its authors wrote it::

    paths:
      /alibaba.damai.maizuo.openapi.event.list:
        $ref: endpoints/alibaba.damai.maizuo.openapi.event.list.yaml
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_PATHS_RE = re.compile(r"^paths:\s*(?P<empty>\{\s*\})?\s*(?:#.*)?$")
_KEY_RE = re.compile(r"^(?P<indent>\s+)(?P<quote>['\"]?)(?P<key>/[^'\"]*?)(?P=quote):(?:\s|$)")


class RootError(Exception):
    """The root file cannot be read, or cannot take the entry."""


@dataclass(frozen=True)
class Root:
    text: str
    document: dict[str, Any]

    @classmethod
    def read(cls, text: str) -> Root:
        try:
            document = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise RootError(f"not valid YAML: {exc}") from None
        if not isinstance(document, dict):
            raise RootError("not an OpenAPI document (a mapping)")
        return cls(text, document)

    @property
    def method_prefixes(self) -> tuple[str, ...]:
        """The method prefixes the spec holds: those of ``x-top-package.families``, or the
        one-family shorthand ``method-prefix``; empty when it declares none (any method)."""
        package = (self.document.get("info") or {}).get("x-top-package") or {}
        families = package.get("families")
        if isinstance(families, list):
            return tuple(
                str(f["prefix"]) for f in families if isinstance(f, dict) and f.get("prefix")
            )
        prefix = package.get("method-prefix")
        return (str(prefix),) if prefix else ()

    @property
    def components(self) -> dict[str, Any]:
        return self.document.get("components") or {}

    def ref_of(self, path: str) -> str | None:
        """The ``$ref`` of the path ``path``, when its entry is just that."""
        item = (self.document.get("paths") or {}).get(path)
        if isinstance(item, dict) and set(item) == {"$ref"}:
            return str(item["$ref"])
        return None

    def with_path(self, path: str, ref: str) -> str:
        """The file's text with the entry ``path: {$ref: ref}``; unchanged when it is there."""
        paths = self.document.get("paths")
        if isinstance(paths, dict) and path in paths:
            if self.ref_of(path) == ref:
                return self.text
            raise RootError(f"paths already has {path}, and it is not `$ref: {ref}`")
        lines = self.text.splitlines(keepends=True)
        found = [(i, _PATHS_RE.match(line.rstrip())) for i, line in enumerate(lines)]
        start, match = next(((i, m) for i, m in found if m), (None, None))
        if start is None or match is None:
            raise RootError("no top-level `paths:` mapping to add the endpoint to")
        newline = "\r\n" if lines[start].endswith("\r\n") else "\n"
        if match["empty"]:  # `paths: {}`
            lines[start] = "paths:" + newline
        entries, end = _entries(lines, start)
        key_indent, ref_indent = _indents(lines, entries)
        new = [f"{key_indent}{path}:{newline}", f"{ref_indent}$ref: {ref}{newline}"]
        at = next((i for i, _, key in entries if key > path), _after_last(lines, start, end))
        updated = "".join(lines[:at] + new + lines[at:])
        self._check(updated, path, ref)
        return updated

    def _check(self, updated: str, path: str, ref: str) -> None:
        """The new text must hold the same document plus the one entry."""
        expected = dict(self.document)
        expected["paths"] = dict(self.document.get("paths") or {}, **{path: {"$ref": ref}})
        if yaml.safe_load(updated) != expected:
            raise RootError(f"cannot add {path} to paths without changing other entries")


def _entries(lines: list[str], start: int) -> tuple[list[tuple[int, str, str]], int]:
    """``(line index, indentation, path)`` of each entry under ``paths:``, and the index of the
    line after the mapping."""
    entries: list[tuple[int, str, str]] = []
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line[:1].isspace() and not line.startswith("#"):
            break
        match = _KEY_RE.match(line.rstrip("\r\n"))
        if match and (not entries or match["indent"] == entries[0][1]):
            entries.append((end, match["indent"], match["key"]))
        end += 1
    return entries, end


def _indents(lines: list[str], entries: list[tuple[int, str, str]]) -> tuple[str, str]:
    """The indentation of an entry's key and of its ``$ref``, as the file already has them."""
    if not entries:
        return "  ", "    "
    first, key_indent, _ = entries[0]
    following = lines[first + 1] if first + 1 < len(lines) else ""
    ref_indent = following[: len(following) - len(following.lstrip())]
    return key_indent, ref_indent if len(ref_indent) > len(key_indent) else key_indent * 2


def _after_last(lines: list[str], start: int, end: int) -> int:
    """Where an entry goes after all the others: before the blank lines and comments that end
    the mapping."""
    at = end
    while at > start + 1 and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
        at -= 1
    return at
