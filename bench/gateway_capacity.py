"""The mock gateway's capacity: calls per second one core serves, today's server beside the
Starlette + uvicorn (h11) stack it replaced.

Each gateway runs in its own process (``_capacity_server.py``) pinned with ``taskset`` to the
last core; the load (``_load_child.py``: 16 keep-alive connections, one signed
``user.authcode.send`` POST in flight on each) runs pinned to the first core, a new process each
round, the two gateways in turn, the order alternating. A gateway's CPU time (user + sys, from
``/proc``) over a round divided by the calls it answered is its CPU per call; one core's capacity
is the inverse. Calls per second are reported too, but on a shared machine the CPU per call is
the figure to compare.

The replaced stack is the ``generator`` package as of :data:`BASELINE`, extracted from git into
``.bench-work/``, with the Starlette and uvicorn it needs installed from PyPI beside it (never
into the project's virtualenv).

    .venv/bin/python bench/gateway_capacity.py [--quick] [--profile DIR]

``--profile DIR`` runs both gateways under cProfile and writes ``before.prof`` and
``now.prof`` there (the figures are then not comparable with an unprofiled run).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from _common import BENCH, OUR_PYTHON, ROOT, WORK, Summary, clean_env

BASELINE = "115dfe061ca879afe7f08499581557918468352d"
"""The last commit whose gateway served HTTP with Starlette on uvicorn's h11 protocol."""
BASELINE_PACKAGES = ("starlette==1.10.0", "uvicorn==0.55.0", "h11==0.16.0")
"""What that stack ran on when it was replaced."""
STACKS = ("before", "now")
CONNECTIONS = 16
_TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class StackResult:
    rate: list[float] = field(default_factory=list)
    cpu_us: list[float] = field(default_factory=list)
    failures: int = 0


@dataclass
class Capacity:
    stacks: dict[str, StackResult]
    pinned: bool


def _baseline() -> tuple[Path, Path]:
    """The old tree and its packages, extracted and installed on the first run."""
    tree = WORK / f"gateway-{BASELINE[:12]}"
    deps = tree / "deps"
    marker = tree / ".ready"
    if marker.exists() and marker.read_text() == " ".join(BASELINE_PACKAGES):
        return tree, deps
    print(f"  extracting the gateway as of {BASELINE[:12]} into {tree}", flush=True)
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", BASELINE, "generator", "spec"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    pip = [OUR_PYTHON, "-m", "pip", "install", "--quiet", "--target", deps]
    subprocess.run([*pip, *BASELINE_PACKAGES], check=True)
    marker.write_text(" ".join(BASELINE_PACKAGES))
    return tree, deps


def _pin(core: int, pinned: bool) -> list[str]:
    return ["taskset", "-c", str(core)] if pinned else []


def _cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def _start(stack: str, pinned: bool, profile: Path | None) -> tuple[subprocess.Popen[str], dict]:
    if stack == "before":
        tree, deps = _baseline()
        env = clean_env(PYTHONPATH=str(deps))
    else:
        tree, env = ROOT, clean_env()
    cores = os.cpu_count() or 1
    command = [*_pin(cores - 1, pinned), str(OUR_PYTHON), str(BENCH / "_capacity_server.py")]
    command += [str(tree)] + ([str(profile / f"{stack}.prof")] if profile else [])
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True
    )
    assert process.stdout is not None
    return process, json.loads(process.stdout.readline())


def _load(info: dict, seconds: float, pinned: bool) -> dict[str, float]:
    command = [*_pin(0, pinned), str(OUR_PYTHON), str(BENCH / "_load_child.py")]
    command += [info["host"], str(info["port"]), info["app_key"], info["app_secret"]]
    command += [str(CONNECTIONS), str(seconds), "10000000"]
    done = subprocess.run(command, env=clean_env(), capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool, profile: Path | None = None) -> Capacity:
    rounds, seconds = (2, 1.0) if quick else (6, 3.0)
    pinned = shutil.which("taskset") is not None and (os.cpu_count() or 1) >= 2
    result = Capacity({stack: StackResult() for stack in STACKS}, pinned)
    servers = {stack: _start(stack, pinned, profile) for stack in STACKS}
    try:
        for _, info in servers.values():
            _load(info, 1.0, pinned)  # warm-up
        for r in range(rounds):
            for stack in STACKS if r % 2 == 0 else reversed(STACKS):
                process, info = servers[stack]
                before = _cpu(process.pid)
                got = _load(info, seconds, pinned)
                spent = _cpu(process.pid) - before
                one = result.stacks[stack]
                one.rate.append(got["calls"] / got["seconds"])
                one.cpu_us.append(spent / got["calls"] * 1e6)
                one.failures += int(got["failures"])
            print(
                f"  round {r + 1}/{rounds}: "
                + ", ".join(
                    f"{s} {result.stacks[s].cpu_us[-1]:.0f} µs/call "
                    f"({result.stacks[s].rate[-1]:.0f} calls/s)"
                    for s in STACKS
                ),
                flush=True,
            )
    finally:
        for process, _ in servers.values():
            assert process.stdin is not None
            process.stdin.close()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    return result


def rows(result: Capacity) -> tuple[list[list[str]], list[str]]:
    names = {
        "before": f"Starlette on uvicorn (h11), as of {BASELINE[:7]}",
        "now": "own asyncio protocol over httptools (today)",
    }
    table = []
    for stack in STACKS:
        one = result.stacks[stack]
        cpu = Summary.of(one.cpu_us)
        table.append(
            [
                names[stack],
                cpu.show("µs", 0),
                f"{1e6 / cpu.median:.0f} calls/s",
                Summary.of(one.rate).show("calls/s", 0),
                str(one.failures),
            ]
        )
    before = Summary.of(result.stacks["before"].cpu_us).median
    now = Summary.of(result.stacks["now"].cpu_us).median
    met = before / now >= 2 and not result.stacks["now"].failures
    verdict = (
        f"{'MET' if met else 'MISSED'}: the mock gateway serves ≥ 2 × the replaced stack's "
        f"calls/s per core — {now:.0f} vs {before:.0f} µs CPU per call = {before / now:.2f} ×"
    )
    return table, [verdict]


DESCRIPTION = (
    "The gateway in its own process pinned to one core, 16 keep-alive connections sending "
    "signed `user.authcode.send` POSTs from a load process pinned to the other core "
    "(`bench/gateway_capacity.py`); the HTTP stack it replaced runs beside it from git, the two "
    "in turn, interleaved. *CPU per call* is the gateway process's user + sys time over the "
    "calls it answered; *one core's capacity* its inverse."
)
HEADER = ["gateway HTTP stack", "CPU per call", "one core's capacity", "calls/s seen", "failures"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    args = parser.parse_args()
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    result = run(args.quick, args.profile)
    table, verdicts = rows(result)
    for row in [HEADER, *table]:
        print(" | ".join(row))
    print("\n".join(verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
