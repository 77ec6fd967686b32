"""Generation: ``maizuo-gen generate`` beside openapi-python-client on the same synthetic API.

For each size, each repetition runs, in alternating order, our sequence (cold: new process,
empty output folder, no cache; warm: the same spec again; one endpoint changed) and
openapi-python-client generating the equivalent document from scratch (its default config,
which runs its ruff hooks). Then both generated packages of the largest size are imported,
alternately, in new processes (bytecode compiled first, as an install would).
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import synth
from _common import (
    OUR_PYTHON,
    PEER_PYTHON,
    PEER_VENV,
    ROOT,
    WORK,
    Summary,
    child_json,
    count_files,
    timed,
)

PEER_GEN = PEER_VENV / "bin" / "openapi-python-client"
PEER_PACKAGE = "damai_maizuo_peer_client"

_IMPORT = """
import importlib, json, sys, time
kind, package, module = sys.argv[1:4]
start = time.perf_counter()
top = importlib.import_module(package)
bare = time.perf_counter() - start
if kind == "ours":
    client = top.Client(app_key="k", app_secret="s", base_url="http://127.0.0.1:9/router/rest")
    getattr(getattr(getattr(client, "perform"), "info"), "query")
else:
    importlib.import_module(f"{package}.api.default.{module}")
    client = top.Client(base_url="http://127.0.0.1:9/router/rest")
ready = time.perf_counter() - start
print(json.dumps({"bare": bare, "ready": ready}))
"""


@dataclass
class SizeResult:
    n: int
    cold: list[float] = field(default_factory=list)
    cold_cpu: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)
    changed: list[float] = field(default_factory=list)
    theirs: list[float] = field(default_factory=list)
    theirs_cpu: list[float] = field(default_factory=list)
    our_files: int = 0
    their_files: int = 0


@dataclass
class ImportResult:
    n: int
    ours_bare: list[float] = field(default_factory=list)
    ours_ready: list[float] = field(default_factory=list)
    theirs_bare: list[float] = field(default_factory=list)
    theirs_ready: list[float] = field(default_factory=list)


SNAPSHOT = WORK / "generator-snapshot"
"""A copy of the generator taken when the run starts, so that edits made to the working tree
meanwhile (which change the generator's fingerprint, and so empty its cache) do not mix in."""


def take_snapshot() -> None:
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in ("generator", "templates"):
        shutil.copytree(ROOT / part, SNAPSHOT / part, ignore=ignore)


def _ours(spec: Path, out: Path) -> list[str]:
    # run outside the project folder: ``python -m`` puts the working folder first on sys.path,
    # and the snapshot must be the generator that is imported
    return [
        str(OUR_PYTHON),
        "-m",
        "generator.cli",
        "generate",
        "--spec",
        str(spec),
        "--out",
        str(out),
    ]


def measure_size(n: int, reps: int) -> SizeResult:
    folder = WORK / f"gen-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    spec, document = folder / "spec", folder / "openapi.json"
    print(f"  writing a spec of {n} endpoints", flush=True)
    synth.write_spec(spec, n)
    synth.write_peer_document(spec, document)
    ours, theirs, cache = folder / "ours", folder / "theirs", folder / ".maizuo-cache"
    result = SizeResult(n)
    changed_endpoint = n // 2

    def our_sequence(rep: int) -> None:
        shutil.rmtree(ours, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        cold = timed(_ours(spec, ours), cwd=folder, PYTHONPATH=str(SNAPSHOT))
        result.cold.append(cold.wall)
        result.cold_cpu.append(cold.cpu)
        result.warm.append(timed(_ours(spec, ours), cwd=folder, PYTHONPATH=str(SNAPSHOT)).wall)
        synth.write_endpoint(spec, changed_endpoint, revision=rep + 1)
        changed = timed(_ours(spec, ours), cwd=folder, PYTHONPATH=str(SNAPSHOT))
        if "up to date" in changed.stdout:
            raise RuntimeError(f"changing one endpoint changed nothing: {changed.stdout}")
        result.changed.append(changed.wall)
        print(
            f"  {n} endpoints, run {rep + 1}/{reps}: ours cold {cold.wall:.2f} s, "
            f"warm {result.warm[-1]:.2f} s, one changed {changed.wall:.2f} s",
            flush=True,
        )

    def their_run(rep: int) -> None:
        shutil.rmtree(theirs, ignore_errors=True)
        run = timed(
            [str(PEER_GEN), "generate", "--path", str(document), "--output-path", str(theirs)],
            cwd=folder,
        )
        result.theirs.append(run.wall)
        result.theirs_cpu.append(run.cpu)
        print(
            f"  {n} endpoints, run {rep + 1}/{reps}: openapi-python-client {run.wall:.2f} s",
            flush=True,
        )

    for rep in range(reps):
        for step in (our_sequence, their_run) if rep % 2 == 0 else (their_run, our_sequence):
            step(rep)
    result.our_files = count_files(ours)
    result.their_files = count_files(theirs)
    return result


def measure_imports(n: int, reps: int) -> ImportResult:
    folder = WORK / f"gen-{n}"
    ours, theirs = folder / "ours", folder / "theirs"
    for python, where in ((OUR_PYTHON, ours), (PEER_PYTHON, theirs)):
        timed([python, "-m", "compileall", "-q", str(where)])
    module = "alibaba_damai_maizuo_openapi_" + synth.method_name(0)[len(synth.PREFIX) :].replace(
        ".", "_"
    )
    result = ImportResult(n)
    for rep in range(reps):
        sides = [
            ("ours", OUR_PYTHON, ours, "damai_maizuo"),
            ("theirs", PEER_PYTHON, theirs, PEER_PACKAGE),
        ]
        if rep % 2:
            sides.reverse()
        for kind, python, where, package in sides:
            got = child_json([python, "-c", _IMPORT, kind, package, module], PYTHONPATH=str(where))
            getattr(result, f"{kind}_bare").append(got["bare"])
            getattr(result, f"{kind}_ready").append(got["ready"])
    return result


def run(quick: bool) -> tuple[list[SizeResult], ImportResult]:
    sizes = (50, 200) if quick else (50, 200, 1000)
    take_snapshot()
    results = []
    for n in sizes:
        results.append(measure_size(n, 1 if quick and n > 50 else 3 if n < 200 or quick else 5))
    imports = measure_imports(sizes[-1], 3 if quick else 7)
    return results, imports


def rows(results: list[SizeResult], imports: ImportResult) -> tuple[list[list[str]], list[str]]:
    """The generation table's rows and the targets' verdicts."""
    table = []
    by_n = {r.n: r for r in results}
    for r in results:
        theirs = Summary.of(r.theirs)
        cold, warm, changed = Summary.of(r.cold), Summary.of(r.warm), Summary.of(r.changed)
        table.append(
            [
                str(r.n),
                cold.show(),
                Summary.of(r.cold_cpu).show(),
                warm.show(),
                changed.show(),
                theirs.show(),
                Summary.of(r.theirs_cpu).show(),
                f"{r.our_files} / {r.their_files}",
                f"{cold.median / theirs.median:.2f}",
                f"{changed.median / theirs.median:.3f}",
            ]
        )
    verdicts = []
    top = results[-1]
    theirs = Summary.of(top.theirs).median
    changed = Summary.of(top.changed).median
    warm = Summary.of(top.warm).median
    cold = Summary.of(top.cold).median
    verdicts.append(
        _verdict(
            f"one endpoint changed in {top.n}: ≤ 1/15 of openapi-python-client's full run",
            changed <= theirs / 15,
            f"{changed:.2f} s vs {theirs:.2f} s / 15 = {theirs / 15:.2f} s (ratio 1/{theirs / changed:.1f})",
        )
    )
    verdicts.append(
        _verdict(f"unchanged {top.n}-endpoint spec: ≤ 0.3 s", warm <= 0.3, f"{warm:.2f} s")
    )
    verdicts.append(
        _verdict(
            f"cold {top.n}: ≤ 0.5 × openapi-python-client",
            cold <= theirs / 2,
            f"{cold:.2f} s vs {theirs:.2f} s (ratio {cold / theirs:.2f}, target 0.50)",
        )
    )
    if 200 in by_n and top.n > 200:
        small = Summary.of(by_n[200].cold).median
        factor = top.n / 200 * 1.1
        cpu = Summary.of(top.cold_cpu).median / Summary.of(by_n[200].cold_cpu).median
        verdicts.append(
            _verdict(
                f"growth: cold {top.n} ≤ {factor:.1f} × cold 200",
                cold <= factor * small,
                f"{cold:.2f} s / {small:.2f} s = {cold / small:.2f} × (in CPU time {cpu:.2f} ×)",
            )
        )
    ready = Summary.of(imports.ours_ready).median
    verdicts.append(
        _verdict(
            f"the generated {imports.n}-endpoint package imports (ready to call) in ≤ 0.3 s",
            ready <= 0.3,
            f"{ready:.3f} s; openapi-python-client's {Summary.of(imports.theirs_ready).median:.3f} s",
        )
    )
    return table, verdicts


def import_rows(imports: ImportResult) -> list[list[str]]:
    ours_ready, theirs_ready = Summary.of(imports.ours_ready), Summary.of(imports.theirs_ready)
    return [
        [
            f"`import` the {imports.n}-endpoint package",
            Summary.of(imports.ours_bare).show(digits=3),
            Summary.of(imports.theirs_bare).show(digits=3),
            f"{Summary.of(imports.ours_bare).median / Summary.of(imports.theirs_bare).median:.2f}",
        ],
        [
            "… and ready to call one endpoint",
            ours_ready.show(digits=3),
            theirs_ready.show(digits=3),
            f"{ours_ready.median / theirs_ready.median:.2f}",
        ],
    ]


def _verdict(target: str, met: bool, figure: str) -> str:
    return f"{'MET' if met else 'MISSED'}: {target} — {figure}"


if __name__ == "__main__":
    got, imported = run("--quick" in sys.argv)
    print(rows(got, imported))
