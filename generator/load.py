"""Stage 1: read the spec's YAML files into one bundled OpenAPI document.

The root document (``spec/openapi.yaml``) lists each endpoint as a path whose Path Item is a
``$ref`` to its own file under ``spec/endpoints/``. Loading inlines those files, rewrites the
references they make (to the root document, or within themselves) into local ``#/...``
references, and remembers for every JSON pointer of the bundled document the file and line it
came from, so every later stage can say ``file:line: pointer: problem``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from .cache import Cache, digest
from .errors import Problem, SpecError

ROOT_FILE = "openapi.yaml"

try:  # libyaml's parser is much faster; the composed nodes are the same
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """Safe YAML without implicit timestamps: ``2016-01-01 12:00:00`` stays a string, as JSON
    has no date type and TOP's own date format is a string."""

    _resolved: dict[tuple[Any, str, Any], str] = {}  # noqa: RUF012 - a shared memo

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag of a node, remembered: a spec repeats the same keys and scalars thousands of
        times, and PyYAML tries every implicit pattern on each (the tables never change)."""
        if kind is not yaml.ScalarNode:
            return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        key = (implicit, value, kind)
        tag = self._resolved.get(key)
        if tag is None:
            tag = self._resolved[key] = str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        return tag


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_SCALARS = yaml.constructor.SafeConstructor()


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(base: str, *tokens: str | int) -> str:
    for token in tokens:
        text = str(token)
        if "~" in text or "/" in text:
            text = escape_pointer_token(text)
        base = f"{base}/{text}"
    return base


@dataclass(frozen=True)
class Location:
    file: Path
    line: int


@dataclass
class SourceMap:
    """JSON pointer in the bundled document → where it was written."""

    locations: dict[str, Location] = field(default_factory=dict)
    mounts: dict[str, tuple[Path, Mapping[str, int]]] = field(default_factory=dict)
    """Endpoint files by the pointer of the path they are bundled at (``/paths/<path>``): the
    file and its own pointer → line table, which take precedence over ``locations``."""

    def locate(self, pointer: str) -> Location | None:
        """The location of ``pointer``, or of its nearest ancestor that has one."""
        while True:
            found = self._mounted(pointer) or self.locations.get(pointer)
            if found is not None or not pointer:
                return found
            pointer = pointer.rsplit("/", 1)[0]

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


def _read_yaml(
    path: Path, shown: Path, cache: Cache | None, mount: tuple[str, ...] | None = None
) -> tuple[Any, Mapping[str, int], str | None]:
    """Parse one YAML file into plain data plus a pointer → line table.

    An endpoint file names its ``mount`` (the path it bundles into, and its own path relative
    to the root file): it is then taken from the cache as it was once its references were
    rewritten (its line table worked out again only if asked for); otherwise the third value
    is the key to cache it under when that is done."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise SpecError(
            [Problem(shown, None, "", "is a directory; expected a YAML file")]
        ) from None
    except FileNotFoundError:
        raise SpecError([Problem(shown, None, "", "no such file")]) from None
    except OSError as exc:
        raise SpecError([Problem(shown, None, "", f"cannot be read: {exc.strerror}")]) from None
    key = digest(raw)
    if mount is not None:  # an endpoint file: its references made local when it was mounted
        key = digest(key, *mount)
        cached = cache.get("mounted", key) if cache is not None else None
        if cached is not None:
            return cached, _LinesOnDemand(raw, shown), None
        data, lines = _parse_yaml(raw, shown)
        return data, lines, key
    cached = cache.get("yaml", key) if cache is not None else None
    if cached is not None:
        data, lines = cached
        return data, lines, None
    parsed = _parse_yaml(raw, shown)
    if cache is not None:
        cache.put("yaml", key, parsed)
    return parsed[0], parsed[1], None


class _LinesOnDemand(Mapping[str, int]):
    """The pointer → line table of a file taken from the cache, parsed again only if a problem
    needs a line number (most runs never ask, and the tables would be most of the cache)."""

    def __init__(self, raw: bytes, shown: Path) -> None:
        self._raw = raw
        self._shown = shown
        self._lines: Mapping[str, int] | None = None

    def _table(self) -> Mapping[str, int]:
        if self._lines is None:
            self._lines = _parse_yaml(self._raw, self._shown)[1]
        return self._lines

    def __getitem__(self, pointer: str) -> int:
        return self._table()[pointer]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def _parse_yaml(raw: bytes, shown: Path) -> tuple[Any, dict[str, int]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError(
            [Problem(shown, line, "", "is not UTF-8 text; save the spec as UTF-8")]
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SpecError([Problem(shown, line, "", "contains a NUL byte; YAML cannot hold one")])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        raise SpecError(
            [
                Problem(
                    shown,
                    where,
                    "",
                    f"invalid YAML: {what}; fix the syntax at this line",
                )
            ]
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text[: exc.position].count("\n") + 1
        what = (
            f"character U+{exc.character:04X} is not allowed in YAML"
            if isinstance(exc.character, int)
            else exc.reason
        )
        raise SpecError(
            [Problem(shown, line, "", f"invalid YAML: {what}; write it as an escape")]
        ) from None
    except yaml.YAMLError as exc:
        what = " ".join(str(exc).split())  # one line
        raise SpecError([Problem(shown, None, "", f"invalid YAML: {what}")]) from None
    if node is None:
        raise SpecError([Problem(shown, 1, "", "is empty; expected an OpenAPI document")])
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    try:
        data = _construct(node, "", lines, problems, shown, set())
    except _TooBig as exc:
        raise SpecError([Problem(shown, exc.line, exc.pointer, exc.message)]) from None
    if problems:
        raise SpecError(problems)
    return data, lines


MAX_DEPTH = 100
"""How deep a YAML file may nest (openapi-spec-validator fails somewhat deeper)."""
MAX_VALUES = 500_000
"""How many values a YAML file may hold once its aliases are expanded (a few anchors used
over and over can stand for billions: the "billion laughs")."""


class _TooBig(Exception):
    def __init__(self, pointer: str, line: int, message: str) -> None:
        super().__init__(message)
        self.pointer, self.line, self.message = pointer, line, message


def _construct(
    node: yaml.Node,
    pointer: str,
    lines: dict[str, int],
    problems: list[Problem],
    shown: Path,
    active: set[int],
) -> Any:
    lines[pointer] = node.start_mark.line + 1
    if len(active) > MAX_DEPTH:  # ``active`` holds the containers around this node
        raise _TooBig(pointer, lines[pointer], f"nested deeper than {MAX_DEPTH} levels")
    if len(lines) > MAX_VALUES:
        raise _TooBig(
            "",
            lines[pointer],
            f"holds more than {MAX_VALUES} values once its YAML aliases are expanded; "
            "repeat fewer anchors",
        )
    if id(node) in active:
        problems.append(Problem(shown, lines[pointer], pointer, "recursive YAML alias"))
        return None
    if isinstance(node, yaml.MappingNode):
        active.add(id(node))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = (
                _SCALARS.construct_object(key_node)
                if isinstance(key_node, yaml.ScalarNode)
                else None
            )
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        shown,
                        key_node.start_mark.line + 1,
                        pointer,
                        "YAML merge keys (<<) are not supported; write the keys out",
                    )
                )
                continue
            if isinstance(key, int) and not isinstance(key, bool):
                key = str(key)
            if not isinstance(key, str):
                problems.append(
                    Problem(
                        shown,
                        key_node.start_mark.line + 1,
                        pointer,
                        f"mapping key {key!r} must be a string",
                    )
                )
                continue
            if key in result:
                problems.append(
                    Problem(
                        shown,
                        key_node.start_mark.line + 1,
                        join_pointer(pointer, key),
                        f"duplicate key {key!r} (first at line {lines[join_pointer(pointer, key)]}); keep one",
                    )
                )
                continue
            result[key] = _construct(
                value_node, join_pointer(pointer, key), lines, problems, shown, active
            )
        active.discard(id(node))
        return result
    if isinstance(node, yaml.SequenceNode):
        active.add(id(node))
        items = [
            _construct(item, join_pointer(pointer, i), lines, problems, shown, active)
            for i, item in enumerate(node.value)
        ]
        active.discard(id(node))
        return items
    value = _SCALARS.construct_object(node)
    if isinstance(value, bytes):
        problems.append(
            Problem(
                shown,
                lines[pointer],
                pointer,
                "binary (!!binary) values are not supported",
            )
        )
        return None
    if isinstance(value, float) and value != value:  # NaN cannot be written as JSON
        problems.append(Problem(shown, lines[pointer], pointer, "NaN is not a JSON value"))
        return None
    return value


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
    shown_root = _shown(root_file)
    document, root_lines, _ = _read_yaml(root_file, shown_root, cache)
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
    source = SourceMap({p: Location(shown_root, line) for p, line in root_lines.items()})
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
            try:
                mount = (item_pointer, os.path.relpath(file, root_dir), root_file.name)
                data, lines, unmounted = _read_yaml(file, _shown(file), cache, mount)
            except SpecError as exc:
                paths[path_key] = {}
                problems.extend(
                    (
                        p
                        if p.file is not None
                        else Problem(_shown(file), p.line, p.pointer, p.message)
                    )
                    for p in exc.problems
                )
                continue
            if not isinstance(data, dict):
                problems.append(
                    Problem(
                        _shown(file),
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
            source.mounts[item_pointer] = (_shown(file), lines)
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
        _shown(file),
        lines.get(join_pointer(pointer, "$ref"), lines.get(pointer)),
        mount + pointer,
        message,
    )


def _shown(path: Path) -> Path:
    """A path as the user would like to read it: relative to the working folder when inside it."""
    absolute = Path(os.path.normpath(Path.cwd() / path))
    try:
        return absolute.relative_to(Path.cwd())
    except ValueError:
        return absolute


def resolve(document: Mapping[str, Any], ref: str) -> Any:
    """Follow a local ``#/...`` reference in the bundled document; ``KeyError`` when dangling."""
    if not ref.startswith("#"):
        raise KeyError(ref)
    node: Any = document
    for token in ref[1:].split("/")[1:]:
        token = unescape_pointer_token(token)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(ref)
    return node


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every ``(pointer, $ref)`` in a document, in document order."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield pointer, ref
        for key, value in node.items():
            yield from iter_refs(value, join_pointer(pointer, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_refs(value, join_pointer(pointer, i))


def canonical_json(value: Any) -> bytes:
    """Stable bytes for hashing and comparing parts of a document."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
