"""Stage 1: read the spec's YAML files into one bundled OpenAPI document.

The root document (``spec/openapi.yaml``) lists each endpoint as a path whose Path Item is a
``$ref`` to its own file under ``spec/endpoints/``. Loading inlines those files, rewrites the
references they make (to the root document, or within themselves) into local ``#/...``
references, and remembers for every JSON pointer of the bundled document the file and line it
came from, so every later stage can say ``file:line: pointer: problem``. Reading one file (and
its limits) is :mod:`.specfile`'s; JSON pointers are :mod:`.pointer`'s.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .cache import Cache, canonical_json, digest
from .errors import Problem, SpecError
from .pointer import join as join_pointer
from .specfile import ROOT_FILE, read_yaml, shown_path

__all__ = ["ROOT_FILE", "LoadedSpec", "Location", "SourceMap", "load_spec"]


@dataclass(frozen=True)
class Location:
    file: Path
    line: int


@dataclass
class SourceMap:
    """JSON pointer in the bundled document → where it was written."""

    root_file: Path
    root_lines: Mapping[str, int]
    """The root document's pointer → line table."""
    mounts: dict[str, tuple[Path, Mapping[str, int]]] = field(default_factory=dict)
    """Endpoint files by the pointer of the path they are bundled at (``/paths/<path>``): the
    file and its own pointer → line table, which take precedence over ``root_lines``."""

    def locate(self, pointer: str) -> Location | None:
        """The location of ``pointer``, or of its nearest ancestor that has one."""
        while True:
            found = self._mounted(pointer) or self._in_root(pointer)
            if found is not None or not pointer:
                return found
            pointer = pointer.rsplit("/", 1)[0]

    def _in_root(self, pointer: str) -> Location | None:
        line = self.root_lines.get(pointer)
        return None if line is None else Location(self.root_file, line)

    def _mounted(self, pointer: str) -> Location | None:
        if not pointer.startswith("/paths/"):
            return None
        parts = pointer.split("/", 3)
        mounted = self.mounts.get("/".join(parts[:3]))
        if mounted is None:
            return None
        line = mounted[1].get("/" + parts[3] if len(parts) > 3 else "")
        return None if line is None else Location(mounted[0], line)

    def problem(self, pointer: str, message: str) -> Problem:
        where = self.locate(pointer)
        return Problem(
            where.file if where else None,
            where.line if where else None,
            pointer,
            message,
        )


@dataclass(frozen=True)
class LoadedSpec:
    """The bundled document, where each part came from, and the files it was read from."""

    document: dict[str, Any]
    source: SourceMap
    root_file: Path
    files: tuple[Path, ...]

    @cached_property
    def path_digests(self) -> dict[str, str]:
        """A hash per path of its Path Item and of the document's shared parts (all but
        ``paths``): everything an endpoint's checks and IR depend on, so what the cache keys
        them by."""
        paths = self.document.get("paths") or {}
        shared = canonical_json({k: v for k, v in self.document.items() if k != "paths"})
        return {path: digest(shared, path, canonical_json(item)) for path, item in paths.items()}


def _split_ref(ref: str) -> tuple[str, str]:
    target, _, fragment = ref.partition("#")
    return target, fragment


def load_spec(spec: Path, cache: Cache | None = None) -> LoadedSpec:
    """Read ``spec`` (a folder holding ``openapi.yaml``, or the root file itself) and bundle it."""
    root_file = Path(os.path.normpath(spec / ROOT_FILE if spec.is_dir() else spec))
    if not root_file.exists():
        raise SpecError(
            [
                Problem(
                    spec,
                    None,
                    "",
                    f"no {ROOT_FILE} here; point --spec at the spec folder or its root file",
                )
            ]
        )
    root_dir = root_file.parent
    shown_root = shown_path(root_file)
    document, root_lines, _ = read_yaml(root_file, shown_root, cache)
    if not isinstance(document, dict):
        raise SpecError(
            [
                Problem(
                    shown_root,
                    1,
                    "",
                    "the root document must be a mapping (an OpenAPI object)",
                )
            ]
        )
    source = SourceMap(shown_root, root_lines)
    files = [root_file]
    problems: list[Problem] = []
    mounted: set[str] = set()

    paths = document.get("paths")
    if isinstance(paths, dict):
        for path_key, item in paths.items():
            item_pointer = join_pointer("/paths", path_key)
            if not (
                isinstance(item, dict) and set(item) == {"$ref"} and isinstance(item["$ref"], str)
            ):
                # inline path items are allowed; their refs are checked like any other
                continue
            target, fragment = _split_ref(item["$ref"])
            if not target or fragment:
                problems.append(
                    source.problem(
                        join_pointer(item_pointer, "$ref"),
                        "a path's $ref must name a whole endpoint file, like endpoints/<method>.yaml",
                    )
                )
                continue
            file = Path(os.path.normpath(root_dir / target))
            if not file.is_relative_to(root_dir) or file.suffix != ".yaml":
                problems.append(
                    source.problem(
                        join_pointer(item_pointer, "$ref"),
                        "an endpoint file must be a .yaml file inside the spec folder",
                    )
                )
                continue
            shown = shown_path(file)
            try:
                mount = (item_pointer, os.path.relpath(file, root_dir), root_file.name)
                data, lines, unmounted = read_yaml(file, shown, cache, mount)
            except SpecError as exc:
                paths[path_key] = {}
                problems.extend(
                    (p if p.file is not None else Problem(shown, p.line, p.pointer, p.message))
                    for p in exc.problems
                )
                continue
            if not isinstance(data, dict):
                problems.append(
                    Problem(
                        shown,
                        1,
                        "",
                        "an endpoint file must be a mapping (an OpenAPI Path Item)",
                    )
                )
                continue
            files.append(file)
            mounted.add(path_key)
            if unmounted is not None:
                before = len(problems)
                _rewrite_refs(data, file, root_file, item_pointer, "", source, problems, lines)
                if cache is not None and len(problems) == before:
                    cache.put("mounted", unmounted, data)
            paths[path_key] = data
            source.mounts[item_pointer] = (shown, lines)
    # the rest of the root document (endpoint files were done as they were mounted)
    if "$ref" in document:  # not an OpenAPI object: walk all of it, as its $ref is wrong
        _rewrite_refs(document, root_file, root_file, "", "", source, problems, None)
    for key, value in document.items() if "$ref" not in document else ():
        if key != "paths" or not isinstance(value, dict):
            pointer = join_pointer("", key)
            _rewrite_refs(value, root_file, root_file, "", pointer, source, problems, None)
            continue
        for path_key, item in value.items():
            if path_key not in mounted:
                pointer = join_pointer("/paths", path_key)
                _rewrite_refs(item, root_file, root_file, "", pointer, source, problems, None)
    if problems:
        raise SpecError(problems)
    return LoadedSpec(document, source, shown_root, tuple(files))


def _rewrite_refs(
    node: Any,
    file: Path,
    root_file: Path,
    mount: str,
    pointer: str,
    source: SourceMap,
    problems: list[Problem],
    lines: Mapping[str, int] | None,
) -> None:
    """Turn every ``$ref`` written in ``file`` (mounted at ``mount`` in the bundle) local."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            target, fragment = _split_ref(ref)
            problem = None
            if fragment and not fragment.startswith("/"):
                problem = (
                    "the part after # must be a JSON pointer such as #/components/schemas/Name"
                )
            elif not target:
                node["$ref"] = "#" + mount + fragment
            elif os.path.normpath(file.parent / target) == os.path.normpath(root_file):
                node["$ref"] = "#" + fragment
            else:
                problem = f"a reference must point into the root document ({ROOT_FILE}) or into its own file"
            if problem is not None:
                problems.append(
                    _problem_at(file, lines, source, mount, pointer, f"$ref {ref!r}: {problem}")
                )
        for key, value in node.items():
            if not isinstance(value, dict | list):
                continue
            _rewrite_refs(
                value,
                file,
                root_file,
                mount,
                join_pointer(pointer, key),
                source,
                problems,
                lines,
            )
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if not isinstance(value, dict | list):
                continue
            _rewrite_refs(
                value,
                file,
                root_file,
                mount,
                join_pointer(pointer, i),
                source,
                problems,
                lines,
            )


def _problem_at(
    file: Path,
    lines: Mapping[str, int] | None,
    source: SourceMap,
    mount: str,
    pointer: str,
    message: str,
) -> Problem:
    if lines is None:
        return source.problem(pointer, message)
    return Problem(
        shown_path(file),
        lines.get(join_pointer(pointer, "$ref"), lines.get(pointer)),
        mount + pointer,
        message,
    )
