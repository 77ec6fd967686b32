"""The mock modules the SDK's testing kit carries import nothing of the generator: only the
standard library, their server libraries (the ``testing`` extra), each other and ``..top``
(copied beside them). A module that broke this would fail in a partner's virtualenv only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from generator.render.plan import GENERATOR_ONLY_MOCK, MOCK

SERVER_LIBRARIES = {"httptools", "yaml"}
"""What the ``testing`` extra installs for them (``templates/pyproject.toml.j2``)."""
COPIED = sorted(p for p in MOCK.glob("*.py") if p.name not in GENERATOR_ONLY_MOCK)
SIBLINGS = {p.stem for p in COPIED}


def _imports(path: Path) -> list[tuple[int, str]]:
    """Each import as (relative level, module), ``from . import x`` as (1, "x")."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.module is None:
                found += [(node.level, alias.name) for alias in node.names]
            else:
                found.append((node.level, node.module))
    return found


def test_the_kit_carries_the_engine_and_the_server() -> None:
    assert {"engine", "endpoints", "business", "scenarios", "server", "app", "wire"} <= SIBLINGS
    assert not {"gateway", "spec_data", "cli", "pytest_plugin"} & SIBLINGS


@pytest.mark.parametrize("path", COPIED, ids=[p.name for p in COPIED])
def test_a_copied_module_imports_only_what_the_kit_has(path: Path) -> None:
    for level, module in _imports(path):
        top = module.split(".")[0]
        if level == 0:
            assert top in sys.stdlib_module_names | SERVER_LIBRARIES, f"{path.name}: {module}"
        elif level == 1:
            assert top in SIBLINGS, f"{path.name}: .{module} is not copied with it"
        else:
            assert (level, module) == (2, "top"), f"{path.name}: {'.' * level}{module}"


def test_the_check_would_catch_a_generator_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from ..ir import Operation\nimport jinja2\n", encoding="utf-8")
    assert _imports(bad) == [(2, "ir"), (0, "jinja2")]
