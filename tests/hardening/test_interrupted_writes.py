"""Fuzzer 3: ``maizuo-gen generate`` killed with SIGKILL at random moments leaves the output
folder entirely old or entirely new, and the next run recovers.

A large spec (hundreds of endpoints) is generated, then changed so that most files change,
some disappear and some are new. Each case restores the old output, starts ``maizuo-gen
generate`` on the new spec in a subprocess and kills it at a random moment, or a random moment
after it has started to build the new tree beside the output folder (where the writing
happens). Then the folder must equal one of the two snapshots byte for byte (files the
generator does not own included), and a second, uninterrupted run must leave exactly the new
output and nothing beside it. A variant runs with the kernel's atomic exchange of folders
unavailable, so the writer's fallback (two renames, recovered by the next run) is killed too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .fuzzing import count, fuzz_settings, pick
from .specs import COMPONENTS, ROOT, dump

pytestmark = pytest.mark.fuzz

PREFIX = "alibaba.damai.maizuo.openapi."
RUN = [sys.executable, "-m", "generator.cli"]
HARNESS = """
import os, pathlib, sys, time
import generator.write
if os.environ.get("SLOW_WRITES"):  # a slow disk: the writing takes long enough to be hit
    delay = float(os.environ["SLOW_WRITES"])
    write_bytes, link = pathlib.Path.write_bytes, os.link
    def slow_write(self, data):
        time.sleep(delay)
        return write_bytes(self, data)
    def slow_link(*args, **kwargs):
        time.sleep(delay)
        return link(*args, **kwargs)
    pathlib.Path.write_bytes, os.link = slow_write, slow_link
if os.environ.get("NO_EXCHANGE"):  # a kernel or file system without renameat2's exchange
    generator.write._exchange = lambda a, b: False
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""
SLOW_WRITES = "0.002"
MODES = {
    "real": {},
    "slow disk": {"SLOW_WRITES": SLOW_WRITES},
    "no exchange": {"NO_EXCHANGE": "1"},
    "slow disk, no exchange": {"SLOW_WRITES": SLOW_WRITES, "NO_EXCHANGE": "1"},
}
"""How the generator runs: as it is, on a slow disk, without the atomic exchange."""


FOREIGN = frozenset({"NOTES.md", "notes", "notes/todo.txt"})
"""Files and folders of the output that the generator does not own."""


def endpoint(method: str, version: int) -> dict[str, Any]:
    key = method.replace(".", "_") + "_response"
    return {
        "post": {
            "summary": f"第 {version} 版 {method}",
            "description": f"接口 {method},版本 {version}。" * 3,
            "x-top-method": method,
            "x-top-idempotent": version % 2 == 0,
            "requestBody": {
                "required": True,
                "content": {
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["name"],
                            "properties": {
                                "name": {"type": "string", "description": f"名称 v{version}"},
                                "kind": {"type": "integer", "enum": [1, 2]},
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": {
                    "description": "TOP 网关应答",
                    "content": {
                        "application/json": {
                            "schema": {
                                "oneOf": [
                                    {
                                        "type": "object",
                                        "required": [key],
                                        "properties": {
                                            key: {
                                                "type": "object",
                                                "properties": {
                                                    "result": {
                                                        "title": "ResultData",
                                                        "type": "object",
                                                        "properties": {
                                                            "success": {"type": "boolean"},
                                                            "value": {"type": "string"},
                                                        },
                                                    },
                                                    "request_id": {"type": "string"},
                                                },
                                            }
                                        },
                                    },
                                    {"$ref": "../openapi.yaml#/components/schemas/ErrorEnvelope"},
                                ]
                            }
                        }
                    },
                }
            },
        }
    }


def write_large_spec(folder: Path, methods: list[str], version: int) -> Path:
    (folder / "endpoints").mkdir(parents=True)
    root = {
        "openapi": "3.1.0",
        "info": {"title": f"大 spec v{version}", "version": f"{version}.0.0"},
        "paths": {f"/{m}": {"$ref": f"endpoints/{m}.yaml"} for m in methods},
        "components": COMPONENTS,
    }
    dump(folder / "openapi.yaml", root)
    for method in methods:
        dump(folder / "endpoints" / f"{method}.yaml", endpoint(method, version))
    return folder


def snapshot(folder: Path) -> dict[str, bytes | None]:
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if ".mypy_cache" not in p.parts
    }


class Large:
    """The large spec, old and new, the two outputs and how long a run takes (not a dataclass:
    hypothesis would print the snapshots with a failing example)."""

    def __init__(
        self,
        work: Path,
        old_spec: Path,
        new_spec: Path,
        old: dict[str, bytes | None],
        new: dict[str, bytes | None],
        old_tree: Path,
    ) -> None:
        self.work, self.old_spec, self.new_spec = work, old_spec, new_spec
        self.old, self.new, self.old_tree = old, new, old_tree
        self.timings: dict[str, tuple[float, float]] = {}
        """By mode: the seconds a run from the old output to the new takes, uninterrupted,
        and the seconds from the staging folder's appearance to its end."""

    def __repr__(self) -> str:  # shown with a failing example: not the snapshots
        return f"Large({self.work})"

    @property
    def generated(self) -> dict[str, bytes | None]:
        """The new output without the files a user added (what a first run writes)."""
        return {p: d for p, d in self.new.items() if p not in FOREIGN}

    @property
    def out(self) -> Path:
        return self.work / "out"

    def restore_old(self) -> None:
        shutil.rmtree(self.out, ignore_errors=True)
        shutil.copytree(self.old_tree, self.out, symlinks=True)

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.work.iterdir() if p.name.startswith(".out."))


def command(spec: Path, out: Path, mode: str = "real") -> tuple[list[str], dict[str, str]]:
    args = ["generate", "--spec", str(spec), "--out", str(out)]
    env = {**os.environ, **MODES[mode], "PYTHONPATH": str(ROOT)}
    return ([*RUN, *args] if mode == "real" else [sys.executable, "-c", HARNESS, *args]), env


def run(spec: Path, out: Path, mode: str = "real") -> subprocess.CompletedProcess[str]:
    args, env = command(spec, out, mode)
    return subprocess.run(
        args, capture_output=True, text=True, timeout=600, cwd=out.parent, env=env
    )


def timed_run(large: Large, mode: str) -> tuple[float, float]:
    """An uninterrupted run from the old output to the new: its time, and the time from the
    staging folder's appearance to its end."""
    large.restore_old()
    started = time.monotonic()
    args, env = command(large.new_spec, large.out, mode)
    process = subprocess.Popen(args, cwd=large.work, env=env)
    staged = None
    while process.poll() is None:
        if staged is None and large.leftovers():
            staged = time.monotonic()
        time.sleep(0.001)
    ended = time.monotonic()
    assert process.returncode == 0
    return ended - started, ended - (staged or ended)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Large:
    size = pick(200, 400)
    work = tmp_path_factory.mktemp("large")
    old_methods = [f"{PREFIX}r{i // 10}.m{i % 10}" for i in range(size)]
    # the new spec: every endpoint changed, a tenth removed, as many added
    new_methods = old_methods[size // 10 :] + [
        f"{PREFIX}n{i // 10}.m{i % 10}" for i in range(size // 10)
    ]
    old_spec = write_large_spec(work / "old-spec", old_methods, 1)
    new_spec = write_large_spec(work / "new-spec", new_methods, 2)
    out = work / "out"
    assert run(old_spec, out).returncode == 0
    (out / "NOTES.md").write_text("not the generator's\n", encoding="utf-8")
    (out / "notes").mkdir()
    (out / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    old_tree = work / "old-tree"
    shutil.copytree(out, old_tree, symlinks=True)
    old = snapshot(out)
    assert run(new_spec, out).returncode == 0  # warms the cache for the new spec
    new = snapshot(out)
    changed = sum(1 for path, data in new.items() if old.get(path) != data)
    assert changed > size, "the change should touch most files"
    large_ = Large(work, old_spec, new_spec, old, new, old_tree)
    large_.timings = {mode: timed_run(large_, mode) for mode in ("real", "slow disk")}
    large_.timings["no exchange"] = large_.timings["real"]
    large_.timings["slow disk, no exchange"] = large_.timings["slow disk"]
    return large_


@fuzz_settings(fast=6, long=100)
@given(
    moment=st.floats(0.0, 1.0),
    after_staging=st.integers(0, 3),
    fresh=st.integers(0, 5),
    mode=st.sampled_from(sorted(MODES)),
)
def test_a_killed_run_leaves_old_or_new_and_the_next_run_recovers(
    large: Large, moment: float, after_staging: int, fresh: int, mode: str
) -> None:
    duration, write_time = large.timings[mode]
    if fresh == 0:  # the very first run, into no output folder at all
        shutil.rmtree(large.out, ignore_errors=True)
        before = {}
    else:
        large.restore_old()
        before = large.old
    args, env = command(large.new_spec, large.out, mode)
    process = subprocess.Popen(
        args, cwd=large.work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        if after_staging:  # mostly: kill it while it writes
            deadline = time.monotonic() + duration * 3 + 5
            while not large.leftovers() and process.poll() is None:
                assert time.monotonic() < deadline
                time.sleep(0.0005)
            time.sleep(moment * write_time * 1.2)
        else:
            time.sleep(moment * duration * 1.1)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
    count("3 interrupted writes")
    after = snapshot(large.out)
    new = large.new if fresh else large.generated
    retired = snapshot(large.work / ".out.retired")
    if not after and before and "no exchange" in mode:  # killed between the two renames
        assert retired == before, _difference(retired, before, new)
    else:
        whole = after in (before, new)
        assert whole, _difference(after, before, new)
    recovery = run(large.new_spec, large.out, mode)
    assert recovery.returncode == 0, recovery.stderr
    recovered = snapshot(large.out) == new
    assert recovered, _difference(snapshot(large.out), before, new)
    assert large.leftovers() == []


def _difference(
    after: dict[str, bytes | None], old: dict[str, bytes | None], new: dict[str, bytes | None]
) -> str:
    like_old = sum(1 for p, d in after.items() if old.get(p) == d)
    like_new = sum(1 for p, d in after.items() if new.get(p) == d)
    return (
        f"a mix: {len(after)} entries, {like_old} as in the old output, {like_new} as in the "
        f"new ({len(old)} old, {len(new)} new)"
    )
