"""The stages together: spec folder → the bytes of every generated file → the output folder."""

from __future__ import annotations

from pathlib import Path

from . import __version__
from .format import format_python
from .ir import Api, build_api
from .load import load_spec
from .render import render_api
from .validate import validate
from .write import MANIFEST, Changes, compare, manifest_bytes, write_tree


def build(spec: Path) -> Api:
    """Load, validate and build the IR; raises :class:`~generator.errors.SpecError`."""
    loaded = load_spec(spec)
    validate(loaded)
    return build_api(loaded)


def render_files(spec: Path) -> dict[str, bytes]:
    """Every file the generator owns in the output folder (manifest included), as bytes."""
    return files_for(build(spec))


def files_for(api: Api) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path, text in render_api(api).items():
        if path.endswith(".py"):
            text = format_python(text, path)
        files[path] = text.encode("utf-8")
    files[MANIFEST] = manifest_bytes(files, __version__)
    return files


def generate(spec: Path, out: Path) -> Changes:
    """Regenerate ``out`` from ``spec``; writes nothing unless every stage succeeded."""
    return write_tree(out, render_files(spec))


def check(spec: Path, out: Path) -> Changes:
    """What ``generate`` would change; empty when ``out`` is up to date."""
    return compare(out, render_files(spec))
