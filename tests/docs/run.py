"""``maizuo-gen generate`` run as a user runs it, in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def generate(spec: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = ["generate", "--spec", str(spec), "--out", str(out)]
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *command],
        capture_output=True,
        text=True,
        timeout=300,
    )
