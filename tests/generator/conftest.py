"""Fixtures for the generator's tests: a private copy of the spec to edit, and a runner."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"
ENDPOINT = "endpoints/alibaba.damai.maizuo.openapi.user.authcode.send.yaml"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """A copy of the project's spec with only the first endpoint, safe to edit."""
    target = tmp_path / "spec"
    target.mkdir()
    (target / "endpoints").mkdir()
    shutil.copy(SPEC / ENDPOINT, target / ENDPOINT)
    root = yaml.safe_load((SPEC / "openapi.yaml").read_text(encoding="utf-8"))
    method = "/alibaba.damai.maizuo.openapi.user.authcode.send"
    root["paths"] = {method: root["paths"][method]}
    write_yaml(target / "openapi.yaml", root)
    return target


PARAM0 = ("post", "requestBody", "content", "application/x-www-form-urlencoded", "schema")
PARAM0 += ("properties", "param0")
"""Where ``param0``'s schema is in the endpoint file."""


def at(data: dict, path: tuple[str, ...]) -> dict:  # type: ignore[type-arg]
    """The mapping at ``path`` inside ``data``."""
    for key in path:
        data = data[key]
    return data


def write_yaml(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def read_yaml(path: Path) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: compare two to prove nothing changed."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``maizuo-gen`` as a user would, in a subprocess."""

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "generator.cli", *map(str, args)],
            cwd=cwd or ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env=None,
        )

    return run
