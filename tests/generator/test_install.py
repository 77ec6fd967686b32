"""The committed SDK installs with pip and imports, typed (``py.typed`` ships with it)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def test_pip_install_then_import(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(
        GENERATED,
        source,
        ignore=shutil.ignore_patterns("__pycache__", "build", "*.egg-info"),
    )
    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    assert (target / "damai_maizuo" / "py.typed").exists()
    assert (target / "damai_maizuo" / "endpoints" / "user_authcode_send.py").exists()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import damai_maizuo; print(damai_maizuo.__version__, damai_maizuo.__file__)",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    version, location = result.stdout.split()
    assert location.startswith(str(target))
    assert f'version = "{version}"' in (GENERATED / "pyproject.toml").read_text()
