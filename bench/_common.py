"""What the benchmark scripts share: paths, the peers' virtualenv, timing, summaries."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = ROOT / ".bench-work"
"""Scratch space: synthetic specs, generated packages (ignored by git, removed by nothing)."""
OUR_PYTHON = Path(sys.executable)
PEER_VENV = ROOT / ".bench-venv"
PEER_PYTHON = PEER_VENV / "bin" / "python"
PEER_PACKAGES = ("openapi-python-client", "topsdk", "python-dateutil")
"""Installed from PyPI into the peers' own virtualenv, never into the project's."""


def ensure_peer_venv() -> None:
    """Create ``.bench-venv`` with the peers the first time; later runs reuse it."""
    marker = PEER_VENV / ".installed"
    if marker.exists() and marker.read_text() == " ".join(PEER_PACKAGES):
        return
    print(f"creating {PEER_VENV.name} with {', '.join(PEER_PACKAGES)} from PyPI", flush=True)
    if not PEER_PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
    subprocess.run(
        [str(PEER_PYTHON), "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True
    )
    marker.write_text(" ".join(PEER_PACKAGES))


def peer_version(name: str) -> str:
    out = subprocess.run(
        [str(PEER_PYTHON), "-c", f"import importlib.metadata as m; print(m.version({name!r}))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a measured child: bytecode caching on (as for any installed package),
    no inherited ``PYTHONPATH``, the peers' tools first on ``PATH``."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")
    }
    env["PATH"] = f"{PEER_VENV / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


@dataclass(frozen=True)
class Timed:
    wall: float
    cpu: float
    """user + sys of the child and everything it waited for."""
    stdout: str


def timed(cmd: Sequence[str | Path], cwd: Path | None = None, **env: str) -> Timed:
    """Run ``cmd`` to its end; its wall time and CPU time. Raises when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=clean_env(**env), capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, cmd))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(wall, cpu, done.stdout)


def child_json(cmd: Sequence[str | Path], **env: str) -> dict[str, float]:
    """Run a measuring child that prints one JSON object as its last line."""
    out = timed(cmd, **env).stdout.strip().splitlines()
    result: dict[str, float] = json.loads(out[-1])
    return result


@dataclass(frozen=True)
class Summary:
    median: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Summary:
        return cls(statistics.median(samples), min(samples), max(samples), len(samples))

    def show(self, unit: str = "s", digits: int = 2) -> str:
        def f(x: float) -> str:
            return f"{x:.{digits}f}"

        if self.n == 1:
            return f"{f(self.median)} {unit}"
        return f"{f(self.median)} {unit} ({f(self.low)}–{f(self.high)})"


def count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def machine() -> str:
    """CPU model, cores, memory and Python version of this machine."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown memory"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB memory"
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, {memory}; Python {platform.python_version()} "
        f"({platform.python_implementation()}), {platform.system()} {platform.release()}"
    )
