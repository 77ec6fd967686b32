"""Fixtures for the importer's tests: a private spec with only the seed endpoint, the pages,
and a runner of ``import-doc`` that returns its exit status and output."""

from __future__ import annotations

import argparse
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.importdoc.cli import add_arguments, run
from generator.load import load_spec

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"
SEEDS = Path(__file__).parent / "seeds"
SEED_PAGE = SEEDS / "alibaba.damai.maizuo.openapi.user.authcode.send.txt"
MORE_PAGES = SEEDS / "more-pages"
OWN_PAGES = Path(__file__).parent / "pages"
SEED_METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"
SEED_ENTRY = f"  /{SEED_METHOD}:\n    $ref: endpoints/{SEED_METHOD}.yaml\n"


def page(name: str) -> Path:
    """A page of more-pages/ or of our own pages/, by its method's last segments."""
    for folder in (MORE_PAGES, OWN_PAGES):
        found = folder / f"alibaba.damai.maizuo.openapi.{name}.txt"
        if found.exists():
            return found
    raise LookupError(name)


def seed_only_spec(target: Path) -> Path:
    """At ``target``, a copy of the project's spec holding only the seed endpoint (whatever
    else the real spec has by now), the root file otherwise as committed."""
    (target / "endpoints").mkdir(parents=True)
    shutil.copy(SPEC / "endpoints" / f"{SEED_METHOD}.yaml", target / "endpoints")
    root = (SPEC / "openapi.yaml").read_text(encoding="utf-8")
    root = re.sub(r"(?ms)^paths:\n.*?(?=^\S)", "paths:\n" + SEED_ENTRY, root)
    (target / "openapi.yaml").write_text(root, encoding="utf-8")
    return target


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """A private spec with only the seed endpoint."""
    return seed_only_spec(tmp_path / "spec")


def run_import(*args: str | Path) -> int:
    """``maizuo-gen import-doc ARGS``'s exit status."""
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return run(parser.parse_args([str(a) for a in args]))


@dataclass(frozen=True)
class Result:
    status: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture
def import_doc(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run ``import-doc`` with the given arguments, as the CLI would."""

    def runner(*args: str | Path) -> Result:
        status = run_import(*args)
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return runner


def operation(spec: Path, method: str) -> dict[str, Any]:
    """The bundled ``post`` operation of ``method`` in ``spec``."""
    document = load_spec(spec).document
    result: dict[str, Any] = document["paths"][f"/{method}"]["post"]
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
