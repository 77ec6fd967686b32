"""The stages together: spec folder → the bytes of every generated file → the output folder.

Slow work is cached (see :mod:`.cache`) in ``.maizuo-cache/`` beside the output folder: a spec
and generator identical to the last run's are answered from the manifest without loading
anything, and otherwise only the endpoints whose spec changed are validated, rendered and
formatted again. Formatting runs in parallel on every core when there is much of it.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .cache import Cache, Fingerprint, digest, remembered_fingerprint
from .out_folder import output_lock, real_output
from .write import MANIFEST, Changes, compare, manifest_bytes, owned_files, tidy, write_tree

if TYPE_CHECKING:
    from concurrent.futures import Executor

    import jinja2

    from .ir import Api

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
"""The Jinja2 templates (:mod:`.render` reads them; named here so that an unchanged run need not
import the renderer)."""
_PARALLEL_FROM = 16
"""Format in worker processes when at least this many files need it; below, starting them
costs more than it saves."""


def generator_fingerprint(memo: Path | None = None) -> Fingerprint:
    """A hash of the generator's code, templates, runtime and black's version; remembered in
    ``memo`` while none of those files changes (see :func:`.cache.remembered_fingerprint`).
    Neither black nor the renderer is imported for it."""
    from importlib.util import find_spec

    sources = [*PACKAGE.rglob("*.py"), *TEMPLATES.rglob("*.j2")]
    black = find_spec("black")
    return remembered_fingerprint(
        [p for p in sources if "__pycache__" not in p.parts],
        memo,
        _black_version,
        [Path(black.origin)] if black is not None and black.origin else [],
    )


def _black_version() -> str:
    from importlib.metadata import version

    return version("black")


def default_cache(out: Path) -> Path:
    return out.parent / ".maizuo-cache" / f"{out.name}.pickle"


@contextmanager
def worker_pool() -> Iterator[Executor | None]:
    """Processes for one run's slow stages, shared by them (none on a single core). They start
    only when a stage first gives them work."""
    if (os.cpu_count() or 1) < 2:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor() as pool:
        yield pool


def build(spec: Path, cache: Cache | None = None, pool: Executor | None = None) -> Api:
    """Load, validate and build the IR; raises :class:`~generator.errors.SpecError`."""
    from .build import build_api
    from .load import load_spec
    from .validate import validate

    loaded = load_spec(spec, cache)
    with _frozen_heap():
        validate(loaded, cache, pool)
        return build_api(loaded, cache)


def files_for(
    api: Api,
    cache: Cache | None = None,
    pool: Executor | None = None,
    format_all: bool = False,
) -> dict[str, bytes]:
    """Every file the generator owns in the output folder (manifest included), as bytes. Python
    files go through black when it may change them, or all of them with ``format_all`` (see
    :mod:`.format`)."""
    from .mock.spec_data import LINE_CACHE
    from .render import environment

    env = environment(cache)
    lines = LINE_CACHE.set(cache)
    try:
        return _files_for(api, env, cache, pool, format_all)
    finally:
        LINE_CACHE.reset(lines)


def _files_for(
    api: Api,
    env: jinja2.Environment,
    cache: Cache | None,
    pool: Executor | None,
    format_all: bool,
) -> dict[str, bytes]:
    from .format import format_python, may_need_black
    from .render import plan, render

    files: dict[str, bytes] = {}
    unformatted: dict[str, tuple[str, str]] = {}
    for job in plan(api):
        key = digest(job.path, job.template or "", job.key, "black" if format_all else "")
        cached = cache.get("file", key) if cache is not None else None
        if cached is not None:
            files[job.path] = cached
            continue
        text = render(env, job)
        if job.path.endswith(".py") and job.source is None:
            unformatted[job.path] = (key, text)
        else:
            files[job.path] = text.encode("utf-8")
            if cache is not None:
                cache.put("file", key, files[job.path])
    texts = {path: text for path, (_, text) in sorted(unformatted.items())}
    paths = [p for p, text in texts.items() if format_all or may_need_black(text)]
    todo = [texts[p] for p in paths]
    if len(paths) >= _PARALLEL_FROM and pool is not None:
        texts.update(zip(paths, pool.map(format_python, todo, paths, chunksize=8), strict=True))
    elif len(paths) >= _PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor() as own:
            texts.update(zip(paths, own.map(format_python, todo, paths, chunksize=8), strict=True))
    else:
        texts.update(
            (path, format_python(text, path)) for path, text in zip(paths, todo, strict=True)
        )
    for path, text in texts.items():
        files[path] = text.encode("utf-8")
        if cache is not None:
            cache.put("file", unformatted[path][0], files[path])
    files = dict(sorted(files.items()))
    files[MANIFEST] = manifest_bytes(files, __version__)
    return files


def render_files(
    spec: Path, cache: Cache | None = None, format_all: bool = False
) -> dict[str, bytes]:
    """Every file the generator owns in the output folder, from ``spec``."""
    with worker_pool() as pool:
        api = build(spec, cache, pool)
        with _frozen_heap():
            return files_for(api, cache, pool, format_all)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep what is alive now (the bundled document, the IR: millions of objects, no cycles)
    out of the cycle collector's full passes while a stage allocates much, and no longer."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def spec_fingerprint(spec: Path) -> str:
    """A hash of every YAML file of the spec folder (or of the one root file given)."""
    folder = spec if spec.is_dir() else spec.parent
    files = sorted(folder.rglob("*.yaml")) if spec.is_dir() else [spec]
    return digest(
        *(part for f in files for part in (f.relative_to(folder).as_posix(), f.read_bytes()))
    )


def _unchanged(out: Path, cache: Cache, inputs: str) -> bool:
    """Did the last run see these very inputs, and is every file it wrote still as written?"""
    recorded = cache.get("run", digest(str(out.resolve()), inputs))
    if recorded is None:
        return False
    owned = owned_files(out)
    if owned != set(recorded) | {MANIFEST}:
        return False
    base = os.fspath(out)  # string paths: an output holds thousands of files
    try:
        for path, sha in recorded.items():
            with open(os.path.join(base, path), "rb") as file:
                if digest(file.read()) != sha:
                    return False
    except OSError:
        return False
    return True


def generate(
    spec: Path, out: Path, cache_path: Path | None = None, format_all: bool = False
) -> Changes:
    """Regenerate ``out`` from ``spec``; writes nothing unless every stage succeeded. A symbolic
    link as ``out`` is followed; a folder that must not be replaced is refused, and a run on an
    output that another run is writing waits for it (see :mod:`.out_folder`)."""
    out = real_output(out, spec, writing=True)
    with output_lock(out):
        return _generate(spec, out, cache_path, format_all)


def _generate(spec: Path, out: Path, cache_path: Path | None, format_all: bool) -> Changes:
    # the memo lives only in the cache folder the generator owns, not beside a file named by
    # the caller
    memo = default_cache(out).with_name("generator.fingerprint") if cache_path is None else None
    generator = generator_fingerprint(memo)
    cache = Cache(cache_path or default_cache(out), generator.value)
    try:
        inputs = spec_fingerprint(spec)
    except OSError:
        inputs = ""
    if format_all:
        inputs = digest(inputs, "black") if inputs else ""
    if inputs and _unchanged(out, cache, inputs):
        tidy(out)  # what a run killed after its swap left beside the output
        generator.remember()
        return Changes((), (), ())
    files = render_files(spec, cache, format_all)
    with _frozen_heap():  # what the stages left is freed by reference counts or at exit
        changes = write_tree(out, files)
        if inputs:
            recorded = {path: digest(data) for path, data in files.items() if path != MANIFEST}
            cache.put("run", digest(str(out.resolve()), inputs), recorded)
        cache.save()
    generator.remember()
    return changes


def check(spec: Path, out: Path) -> Changes:
    """What ``generate`` would change; empty when ``out`` is up to date. Uses no cache, so it
    proves the output from the spec alone."""
    return verify(spec, out)[0]


def verify(spec: Path, out: Path) -> tuple[Changes, list[str]]:
    """What ``generate`` would change in ``out``, and the generated Python files black would
    change (black judges every one of them here, though ``generate`` skips it on most)."""
    from .format import black_changes

    files = render_files(spec)
    changes = compare(real_output(out, spec, writing=False), files)
    paths = [p for p in files if p.endswith(".py")]
    texts = [files[p].decode("utf-8") for p in paths]
    with worker_pool() as pool:
        judged = (
            pool.map(black_changes, texts, paths, chunksize=8)
            if pool is not None and len(paths) >= _PARALLEL_FROM
            else map(black_changes, texts, paths)
        )
        unstable = [path for path, changed in zip(paths, judged, strict=True) if changed]
    return changes, unstable
