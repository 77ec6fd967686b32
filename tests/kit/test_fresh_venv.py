"""The testing kit from a partner's side: the committed SDK built into a wheel, installed with
its ``testing`` extra into a new virtualenv that sees nothing of this environment, and a
partner's own tests (``partner_suite.py``, and the README's example test as written) run there
by pytest with the kit's fixture.

The virtualenv gets its packages from the package index pip is configured with (and pip's
cache), as a partner's would; it must hold neither the generator nor the generator's own
dependencies, so the kit is known to need none of them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.release.package import build_distributions

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
PARTNER_SUITE = Path(__file__).with_name("partner_suite.py")
README_TEST = re.compile(r'^```py title="(test_\w+\.py)"\n(.*?)^```$', re.S | re.M)
NOT_THERE = ("generator", "maizuo_gen", "black", "jinja2", "openapi_spec_validator", "jsonschema")
PROBE = """
import importlib.util, json, sys
import damai_maizuo
imported = sorted(name for name in sys.modules if name.startswith("damai_maizuo.testing"))
found = [name for name in sys.argv[1:] if importlib.util.find_spec(name) is not None]
from importlib.metadata import distributions
names = sorted(d.metadata["Name"].lower() for d in distributions())
print(json.dumps({"imported": imported, "found": found, "dists": names}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of the committed SDK."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "build", "*.egg-info", ".maizuo-manifest.json")
    shutil.copytree(GENERATED, source, ignore=ignore)
    return build_distributions(source, work / "dist").wheel


def _virtualenv(venv: Path, *requirements: str) -> Path:
    """The Python of a new virtualenv at ``venv`` holding ``requirements`` and what they need."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [*(sys.executable, "-m", "pip", "--python", str(python)), "install", *requirements],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    return python


@pytest.fixture(scope="module")
def partner_python(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Python of a new virtualenv holding the SDK's wheel with the testing extra."""
    return _virtualenv(tmp_path_factory.mktemp("partner") / "venv", f"{wheel}[testing]")


@pytest.mark.slow
def test_a_partner_suite_passes_with_the_kits_fixture(partner_python: Path, tmp_path: Path) -> None:
    shutil.copy(PARTNER_SUITE, tmp_path / "test_partner.py")
    [(name, code)] = README_TEST.findall((GENERATED / "README.md").read_text(encoding="utf-8"))
    (tmp_path / name).write_text(code, encoding="utf-8")
    result = subprocess.run(
        [str(partner_python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    tests = PARTNER_SUITE.read_text(encoding="utf-8").count("\ndef test_") + 1
    assert f"{tests} passed" in result.stdout, result.stdout


@pytest.mark.slow
def test_the_partner_venv_holds_no_part_of_the_generator(partner_python: Path) -> None:
    probe = subprocess.run(
        [str(partner_python), "-I", "-c", PROBE, *NOT_THERE],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found["found"] == []
    assert "maizuo-gen" not in found["dists"]
    assert {"damai-maizuo", "httptools", "pytest", "pyyaml"} <= set(found["dists"])
    assert found["imported"] == [], "importing the SDK must not import its testing kit"


@pytest.mark.slow
def test_without_the_extra_pytest_still_runs_and_the_fixture_says_what_is_missing(
    wheel: Path, tmp_path: Path
) -> None:
    """The plugin's entry point is installed with the SDK, extra or not: pytest must not break
    for a partner who never asked for the kit, and one who uses its fixture is told why not."""
    python = _virtualenv(tmp_path / "venv", str(wheel), "pytest")
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_own.py").write_text(
        "def test_unrelated():\n    assert True\n\n\n"
        "def test_with_the_kit(damai_maizuo_gateway):\n    pass\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "."],
        cwd=tests,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 passed, 1 error" in result.stdout, result.stdout + result.stderr
    missing = re.escape("pip install 'damai-maizuo[testing]'")
    assert re.search(
        rf"GatewayServer needs the testing extra \(\w+ is missing\): {missing}", result.stdout
    ), result.stdout
