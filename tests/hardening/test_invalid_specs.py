"""Fuzzer 2: mutations of valid specs never crash ``maizuo-gen generate``.

Each example copies a valid spec and its generated output, mutates the spec (a value of the
wrong type, a dangling ``$ref``, a duplicate key or Python name, broken YAML, binary garbage, a
YAML alias bomb, ...), and runs ``maizuo-gen generate`` on it in a subprocess, as a user would.
A mutation that surely breaks the spec must end with exit status 2; one that might leave it
valid may also succeed. Exit 2 means: ``error:`` lines on stderr and nothing else, no
traceback, and the output folder byte for byte as it was, with nothing left beside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.generate import generate

from .fuzzing import count, fuzz_settings
from .specs import ROOT, dump, specs
from .test_regressions_generator import tricky_endpoint, write_spec

pytestmark = pytest.mark.fuzz

MAIZUO_GEN = Path(sys.executable).parent / "maizuo-gen"
TIMEOUT = 120
ERROR_LINE = re.compile(r"error: \S.*")


@dataclass(frozen=True)
class Base:
    spec: Path
    out: Path


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Base]:
    """Valid specs with their generated output: the project's own and the regression tests'
    tricky one (the fuzzer also draws random ones)."""
    folder = tmp_path_factory.mktemp("bases")
    shutil.copytree(ROOT / "spec", folder / "project" / "spec")
    write_spec(folder / "tricky" / "spec", tricky_endpoint())
    result = {}
    for name in ("project", "tricky"):
        generate(folder / name / "spec", folder / name / "out")
        result[name] = Base(folder / name / "spec", folder / name / "out")
    return result


# -- mutations -------------------------------------------------------------------------------
# Each takes the spec folder and a hypothesis data object and changes the spec; it returns
# whether the spec is surely invalid afterwards.

Mutation = Callable[[Path, st.DataObject], bool]


def _files(spec: Path) -> list[Path]:
    return [spec / "openapi.yaml", *sorted((spec / "endpoints").glob("*.yaml"))]


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _nodes(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _nodes(value, (*path, i))


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


_SIGNIFICANT = {
    "type",
    "properties",
    "required",
    "items",
    "enum",
    "x-top-method",
    "x-top-idempotent",
    "x-top-session",
    "x-top-business-result",
    "x-top-enum",
    "x-top-package",
    "x-top-doc",
    "encoding",
    "requestBody",
    "responses",
    "content",
    "schema",
    "oneOf",
    "$ref",
    "title",
    "format",
    "examples",
    "operationId",
    "openapi",
    "info",
    "paths",
    "post",
    "version",
    "module",
    "success",
    "path",
    "value",
    "minimum",
    "maxLength",
    "pattern",
}
_WRONG_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "string", "#/nowhere", "telephone", "1.0-beta", "a b"]),
    st.just([]),
    st.just([1, "x", None]),
    st.just({}),
    st.just({"type": "nothing"}),
)


def wrong_type(spec: Path, data: st.DataObject) -> bool:
    """A value of another type (or another value) where a significant key is."""
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    document = _load(file)
    places = [
        p for p, _ in _nodes(document) if p and isinstance(p[-1], str) and p[-1] in _SIGNIFICANT
    ]
    path = data.draw(st.sampled_from(places), label="where")
    value = data.draw(_WRONG_VALUES, label="value")
    _at(document, path[:-1])[path[-1]] = value
    dump(file, document)
    return False


def dangling_ref(spec: Path, data: st.DataObject) -> bool:
    """A ``$ref`` to nothing, in place of a schema of an endpoint."""
    file = data.draw(st.sampled_from(_files(spec)[1:]), label="file")
    document = _load(file)
    places = [p for p, n in _nodes(document) if isinstance(n, dict) and "type" in n]
    path = data.draw(st.sampled_from(places), label="where")
    target = data.draw(
        st.sampled_from(
            [
                "#/post/nothing",
                "#/components/schemas/Nope",
                "../openapi.yaml#/components/schemas/Missing",
                "../openapi.yaml#/paths/~1nothing",
                "#/post/requestBody/content/application~1x-www-form-urlencoded/schema/nope",
            ]
        ),
        label="target",
    )
    _at(document, path[:-1])[path[-1]] = {"$ref": target}
    dump(file, document)
    return True


def duplicate_key(spec: Path, data: st.DataObject) -> bool:
    """A mapping key written twice (YAML allows it; the loader must not)."""
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    keys = [i for i, line in enumerate(lines) if re.match(r"\s*[A-Za-z_$'\"][^:#]*:(\s|$)", line)]
    if not keys:  # a spec written as JSON: write the first key of the first object twice
        text = file.read_text(encoding="utf-8")
        first = re.search(r'\{\s*("(?:[^"\\]|\\.)*")\s*:', text)
        assert first is not None
        at = first.start() + 1
        file.write_text(f"{text[:at]}{first.group(1)}: null, {text[at:]}", encoding="utf-8")
        return True
    i = data.draw(st.sampled_from(keys), label="line")
    indent = len(lines[i]) - len(lines[i].lstrip())
    key = lines[i].strip().split(":")[0]
    lines.insert(i + 1, " " * indent + f"{key}: duplicated\n")
    file.write_text("".join(lines), encoding="utf-8")
    return True


def duplicate_name(spec: Path, data: st.DataObject) -> bool:
    """Two things that take one Python name: fields, parameters, or operations."""
    endpoints = _files(spec)[1:]
    kind = data.draw(st.sampled_from(["field", "operationId", "method"]), label="kind")
    if kind == "operationId" and len(endpoints) > 1:
        for file in endpoints[:2]:
            document = _load(file)
            document["post"]["operationId"] = "same.operation"
            dump(file, document)
        return True
    if kind == "method":  # a second endpoint whose Python names are the first's
        root = _load(spec / "openapi.yaml")
        method = _load(endpoints[0])["post"]["x-top-method"]
        other = method + "_"  # the segment "send_" is named send, as "send" is
        text = endpoints[0].read_text(encoding="utf-8").replace(method, other)
        text = text.replace(method.replace(".", "_"), other.replace(".", "_"))
        (spec / "endpoints" / f"{other}.yaml").write_text(text, encoding="utf-8")
        root["paths"][f"/{other}"] = {"$ref": f"endpoints/{other}.yaml"}
        dump(spec / "openapi.yaml", root)
        return True
    file = data.draw(st.sampled_from(endpoints), label="file")
    document = _load(file)
    objects = [n for _, n in _nodes(document) if isinstance(n, dict) and "properties" in n]
    objects = [n for n in objects if isinstance(n["properties"], dict) and n["properties"]]
    if not objects:
        return wrong_type(spec, data)
    target = data.draw(st.sampled_from(objects), label="object")
    name = data.draw(st.sampled_from(sorted(target["properties"])), label="field")
    twin = data.draw(
        st.sampled_from(
            [name + "_" if name.isidentifier() else "x", name.replace("_", "-"), f"_{name}"]
        ),
        label="twin",
    )
    if twin == name or twin in target["properties"]:
        twin = name.upper() if name.upper() != name else name.lower() + "-"
    target["properties"][twin] = {"type": "string"}
    dump(file, document)
    return False  # may not collide after all (then it must generate)


def broken_yaml(spec: Path, data: st.DataObject) -> bool:
    """YAML the parser refuses: an unclosed bracket or quote, a tab, a stray indent."""
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines)), label="line")
    breakage = data.draw(
        st.sampled_from(
            ["key: [unclosed\n", 'key: "unclosed\n', "\tkey: tab\n", "- : :\n", "  ]]\n", "{\n"]
        ),
        label="breakage",
    )
    lines.insert(i, breakage)
    file.write_text("".join(lines), encoding="utf-8")
    return False  # inside a block scalar it is just text


def truncated(spec: Path, data: st.DataObject) -> bool:
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    raw = file.read_bytes()
    file.write_bytes(raw[: data.draw(st.integers(0, len(raw) - 1), label="cut")])
    return False


def binary_garbage(spec: Path, data: st.DataObject) -> bool:
    """Random bytes: a whole file, or some inserted into one (NUL, bad UTF-8, BOMs, ...)."""
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    garbage = data.draw(
        st.one_of(
            st.binary(min_size=1, max_size=200),
            st.sampled_from([b"\x00", b"\xff\xfe", b"\xc3(", b"\xef\xbb\xbf", b"\x1b[0m", b"\x7f"]),
        ),
        label="garbage",
    )
    if data.draw(st.booleans(), label="whole file"):
        file.write_bytes(garbage)
        return not _is_yaml_mapping(garbage)
    raw = file.read_bytes()
    at = data.draw(st.integers(0, len(raw)), label="at")
    file.write_bytes(raw[:at] + garbage + raw[at:])
    return b"\x00" in garbage or _not_utf8(raw[:at] + garbage + raw[at:])


def _is_yaml_mapping(raw: bytes) -> bool:
    try:
        return isinstance(yaml.safe_load(raw.decode("utf-8")), dict)
    except (UnicodeDecodeError, yaml.YAMLError, ValueError):
        return False


def _not_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def other_encoding(spec: Path, data: st.DataObject) -> bool:
    """The same text saved as UTF-16 or GB 18030, as editors on other systems do."""
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    text = file.read_text(encoding="utf-8")
    encoding = data.draw(st.sampled_from(["utf-16", "utf-32", "gb18030"]), label="encoding")
    file.write_bytes(text.encode(encoding))
    return encoding != "gb18030" or not text.isascii()


def alias_bomb(spec: Path, data: st.DataObject) -> bool:
    """YAML anchors that expand exponentially ("billion laughs" in YAML)."""
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    levels = data.draw(st.integers(12, 30), label="levels")
    bomb = ['x-lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    for n in range(1, levels):
        refs = ", ".join([f"*l{n - 1}"] * 9)
        bomb.append(f"x-lol{n}: &l{n} [{refs}]\n")
    text = file.read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):  # JSON: write it back as YAML first
        text = yaml.safe_dump(json.loads(text), allow_unicode=True, sort_keys=False)
    file.write_text("".join(bomb) + text, encoding="utf-8")
    return True


def too_deep(spec: Path, data: st.DataObject) -> bool:
    """Lists or mappings nested hundreds of levels deep."""
    file = data.draw(st.sampled_from(_files(spec)), label="file")
    levels = data.draw(st.integers(101, 3000), label="levels")
    opening, closing = data.draw(st.sampled_from([("[", "]"), ("{a: ", "}")]), label="kind")
    text = file.read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        text = yaml.safe_dump(json.loads(text), allow_unicode=True, sort_keys=False)
    file.write_text(f"x-deep: {opening * levels}1{closing * levels}\n{text}", encoding="utf-8")
    return True


def missing_piece(spec: Path, data: st.DataObject) -> bool:
    """An endpoint file gone, turned into a folder, or its path pointed elsewhere."""
    endpoints = _files(spec)[1:]
    file = data.draw(st.sampled_from(endpoints), label="file")
    how = data.draw(st.sampled_from(["gone", "folder", "outside", "fragment"]), label="how")
    if how == "gone":
        file.unlink()
    elif how == "folder":
        file.unlink()
        file.mkdir()
    else:
        root = _load(spec / "openapi.yaml")
        path = f"/{file.stem}"
        target = "../../etc/passwd.yaml" if how == "outside" else f"endpoints/{file.name}#/post"
        root["paths"][path] = {"$ref": target}
        dump(spec / "openapi.yaml", root)
    return True


def bad_names(spec: Path, data: st.DataObject) -> bool:
    """Names the SDK cannot have: a system-parameter name, a package or version pip refuses,
    a one-segment method."""
    root = _load(spec / "openapi.yaml")
    how = data.draw(
        st.sampled_from(["module", "distribution", "version", "system", "prefix"]), label="how"
    )
    package = root["info"].setdefault("x-top-package", {})
    if how == "module":
        package["module"] = data.draw(st.sampled_from(["my-sdk", "class", "1sdk", "", "a.b"]))
    elif how == "distribution":
        package["distribution"] = data.draw(st.sampled_from(["a b", "-x", "sdk!", ""]))
    elif how == "version":
        root["info"]["version"] = data.draw(st.sampled_from(["1.0-beta", "v1", "", "1..0", "x"]))
    elif how == "prefix":
        package["method-prefix"] = "alibaba.damai"
    else:
        file = data.draw(st.sampled_from(_files(spec)[1:]), label="file")
        document = _load(file)
        body = document["post"].setdefault("requestBody", {"content": {}})
        form = body["content"].setdefault(
            "application/x-www-form-urlencoded", {"schema": {"type": "object"}}
        )
        form["schema"].setdefault("properties", {})[
            data.draw(st.sampled_from(["method", "sign", "session", "timestamp", "v"]))
        ] = {"type": "string"}
        dump(file, document)
    dump(spec / "openapi.yaml", root)
    return True


def ref_cycle(spec: Path, data: st.DataObject) -> bool:
    """A struct holding itself through a ``$ref``, or a ``$ref`` to itself."""
    file = data.draw(st.sampled_from(_files(spec)[1:]), label="file")
    document = _load(file)
    places = [p for p, n in _nodes(document) if isinstance(n, dict) and "properties" in n]
    places = [p for p in places if "post" in p]
    if not places:
        return dangling_ref(spec, data)
    path = data.draw(st.sampled_from(places), label="where")
    pointer = "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)
    target = _at(document, path)
    if not isinstance(target["properties"], dict):
        target["properties"] = {}
    target["properties"]["again"] = {"$ref": pointer}
    if data.draw(st.booleans(), label="direct"):
        target["properties"]["self_ref"] = {"$ref": pointer + "/properties/self_ref"}
    dump(file, document)
    return False  # inside an array of a reply it may be a legal recursive list


MUTATIONS: dict[str, Mutation] = {
    "wrong type": wrong_type,
    "dangling ref": dangling_ref,
    "duplicate key": duplicate_key,
    "duplicate name": duplicate_name,
    "broken YAML": broken_yaml,
    "truncated": truncated,
    "binary garbage": binary_garbage,
    "other encoding": other_encoding,
    "alias bomb": alias_bomb,
    "too deep": too_deep,
    "missing piece": missing_piece,
    "bad names": bad_names,
    "ref cycle": ref_cycle,
}


# -- the fuzzer ------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folder`` (files with their bytes)."""
    return {
        p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


@fuzz_settings(fast=10, long=220)
@given(data=st.data())
def test_a_mutated_spec_is_refused_clearly_and_changes_nothing(
    bases: dict[str, Base], tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    work = tmp_path_factory.mktemp("mutant")
    spec, out = work / "spec", work / "out"
    chosen = data.draw(st.sampled_from(["project", "tricky", "random"]), label="base")
    if chosen == "random":
        data.draw(specs(0), label="spec").write(spec)
        generate(spec, out, cache_path=work / "cache.pickle")
        (work / "cache.pickle").unlink()
    else:
        shutil.copytree(bases[chosen].spec, spec)
        shutil.copytree(bases[chosen].out, out)
    (out / "NOTES.md").write_text("a file the generator does not own\n", encoding="utf-8")
    before = snapshot(out)
    name = data.draw(st.sampled_from(sorted(MUTATIONS)), label="mutation")
    surely_invalid = MUTATIONS[name](spec, data)
    result = subprocess.run(
        [str(MAIZUO_GEN), "generate", "--spec", str(spec), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=work,
        env={**os.environ, "MAIZUO_GEN_DEBUG": ""},
    )
    count("2 invalid specs")
    shown = f"{name}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stdout + result.stderr, shown
    assert result.returncode in ((2,) if surely_invalid else (0, 2)), shown
    if result.returncode == 0:
        for path in out.rglob("*.py"):
            compile(path.read_text(encoding="utf-8"), str(path), "exec")
        return
    lines = result.stderr.splitlines()
    assert lines and all(ERROR_LINE.fullmatch(line) for line in lines), shown
    assert result.stdout == "", shown
    assert snapshot(out) == before, f"{name}: the output folder changed"
    # Beside the output, a refused run leaves at most the output's lock (in the cache folder,
    # which git ignores): removing a lock file others may be waiting on would let two runs in.
    cache = work / ".maizuo-cache"
    assert sorted(p.name for p in work.iterdir() if p != cache) == ["out", "spec"], shown
    if cache.exists():
        assert sorted(p.name for p in cache.iterdir()) == ["out.lock"], shown
