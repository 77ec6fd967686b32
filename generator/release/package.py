"""Build the SDK's sdist and wheel with ``python -m build``.

The build runs without isolation (``--no-isolation``), on the setuptools of the environment
running the release, so it needs no network; the generated ``pyproject.toml`` names setuptools
as its backend.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ReleaseError


@dataclass(frozen=True)
class Distributions:
    sdist: Path
    wheel: Path


def build_distributions(package_dir: Path, outdir: Path) -> Distributions:
    """Build ``package_dir`` (the generated folder) into ``outdir``; one sdist and one wheel."""
    outdir.mkdir(parents=True, exist_ok=True)
    before = set(outdir.iterdir())
    command = [
        sys.executable,
        "-m",
        "build",
        str(package_dir),
        "--outdir",
        str(outdir),
        "--no-isolation",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ReleaseError(f"building the SDK failed: {_error_text(done.stderr + done.stdout)}")
    built = sorted(set(outdir.iterdir()) - before)
    sdists = [p for p in built if p.name.endswith(".tar.gz")]
    wheels = [p for p in built if p.suffix == ".whl"]
    if len(sdists) != 1 or len(wheels) != 1:
        raise ReleaseError(
            f"building the SDK gave {[p.name for p in built]}, not one sdist and one wheel"
        )
    return Distributions(sdists[0], wheels[0])


def _error_text(output: str) -> str:
    """``build``'s complaint on one line: from its ``ERROR`` line on, or its last line."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [i for i, line in enumerate(lines) if line.startswith("ERROR")]
    text = " ".join(lines[errors[0] :]) if errors else (lines[-1] if lines else "no output")
    if "Unmet dependencies" in text:
        text += " (the build runs without isolation: install the backend in this environment)"
    return text
