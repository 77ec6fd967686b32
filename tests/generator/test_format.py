"""black judges the generated Python: ``generate`` runs it only where it may change a file (or
everywhere with ``--format``), and ``check`` has it judge every file, naming any it would change."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import generator.render
from generator.cli import main
from generator.format import black_changes, may_need_black
from generator.generate import generate
from generator.render.pytext import pystr

VERSION_FILE = "damai_maizuo/_version.py"


def _append_to_version_file(monkeypatch: pytest.MonkeyPatch, extra: str) -> None:
    """Make the template of ``_version.py`` write ``extra`` after its own text."""
    real: Callable[..., str] = generator.render.render

    def render(env: Any, job: Any) -> str:
        text = real(env, job)
        return text + extra if job.path == VERSION_FILE else text

    monkeypatch.setattr(generator.render, "render", render)


def test_a_short_line_black_would_change_is_written_as_rendered_and_check_names_it(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _append_to_version_file(monkeypatch, "padded = ( 1 )\n")
    out = tmp_path / "out"
    generate(spec, out)
    assert (out / VERSION_FILE).read_text(encoding="utf-8").endswith("padded = ( 1 )\n")

    assert main(["check", "--spec", str(spec), "--out", str(out)]) == 1

    err = capsys.readouterr().err
    assert f"{out / VERSION_FILE}: black would change this generated file" in err
    assert "stale" not in err  # the output is what generate writes; only black objects
    assert err.count("black would change") == 1


def test_generate_format_runs_black_over_every_file(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _append_to_version_file(monkeypatch, "padded = ( 1 )\n")
    out = tmp_path / "out"

    assert main(["generate", "--format", "--spec", str(spec), "--out", str(out)]) == 0

    assert (out / VERSION_FILE).read_text(encoding="utf-8").endswith("padded = 1\n")


def test_a_line_too_long_for_black_is_formatted_by_default(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = ", ".join(f'"item{i}"' for i in range(20))
    _append_to_version_file(monkeypatch, f"LONG = [{items}]\n")
    out = tmp_path / "out"

    generate(spec, out)

    text = (out / VERSION_FILE).read_text(encoding="utf-8")
    assert '    "item0",\n' in text
    assert not black_changes(text, VERSION_FILE)


def test_a_clean_output_passes_check(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    assert main(["check", "--spec", str(spec), "--out", str(out)]) == 0


_WIDE = "说明文字" * 15  # 120 columns
_LONG_CODE = "y = [" + ", ".join(["1"] * 40) + "]"


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ('"""Doc."""\n\nimport os\n', False),
        ('"""Doc."""\n\n\nimport os\n', True),  # an optional import block left out
        ('"""Doc."""\n\n\nclass A:\n    x = 1\n', False),
        ('"""Doc.\n\nMore.\n"""\n\n\n\nimport os\n', True),
        ("import os\n\n\nclass A:\n    x = 1\n\n    def f(self) -> None:\n        pass\n", False),
        ("import os\n\nclass A:\n    x = 1\n", True),
        ("class A:\n    x = 1\n    def f(self) -> None:\n        pass\n", True),
        ("class A:\n    x = 1\n\n\n    y = 2\n", True),
        ("def f() -> None:\n\n    pass\n", True),
        ("def f() -> None:\n    pass\nx = 1\n", True),
        ("x = 1 \n", True),
        ("x = 1\n\n", True),
        ("x = f(pattern='a')\n", True),  # black prefers double quotes
        ('x = f(pattern="it\'s")\n', False),
        ('x = ["\\"quoted\\""]\n', True),  # black writes '"quoted"'
        ('x = "it\\\'s"\n', True),  # black drops the escape
        ("x = (1, 2,)\n", True),  # a magic trailing comma
        ("x = (1,)\n", False),
        ("x = 1E5\n", True),
        ('def f() -> None:\n    """Say \\"hi\\""""\n', True),  # black pads it
        ('def f() -> None:\n    """Say hi."""\n', False),
        ("x = f(\n    a\n)\n", True),  # black joins what fits
        ("x = f(\n    a,\n)\n", False),
        (f"x = f(\n    {'a' * 96}\n)\n", False),
        # black splits no line inside a docstring, only code; a long last line moves the quotes
        (f'class A:\n    """Doc.\n\n    {_WIDE}\n    """\n\n    x = 1\n', False),
        (f'class A:\n    """Doc.\n\n    {_WIDE}\n    """\n\n{_LONG_CODE}\n', True),
        (f'class A:\n    """Doc.\n\n    {_WIDE}"""\n', True),
        (f'x = f(\n    """Open\n    text""",\n)\n{_LONG_CODE}\n', True),
        (f'x = """{_WIDE}"""\n', True),
    ],
)
def test_the_cheap_look_sees_blank_lines_black_would_change(text: str, needs: bool) -> None:
    assert may_need_black(text) is needs
    if not needs:
        assert not black_changes(text, "<test>")


@pytest.mark.parametrize(
    ("line", "needs"),
    [
        ("x" * 100, False),
        ("x" * 101, True),
        ("验" * 50, False),  # 100 columns
        ("验" * 50 + "x", True),  # 101 columns in 51 characters
    ],
)
def test_the_cheap_look_counts_columns_as_black_does(line: str, needs: bool) -> None:
    assert may_need_black(f"a = 1\n{line}\nb = 2\n") is needs


def test_an_unchanged_run_imports_neither_black_nor_the_validators(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    generate(spec, out)
    probe = (
        "import sys\n"
        "from generator.cli import main\n"
        f"assert main(['generate', '--spec', {str(spec)!r}, '--out', {str(out)!r}]) == 0\n"
        "heavy = ('black', 'openapi_spec_validator', 'jsonschema', 'jinja2', 'generator.render')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "up to date" in run.stdout
    assert run.stdout.splitlines()[-1] == "[]"


@given(st.text(max_size=8))  # escaped, still within one line
def test_a_string_literal_is_written_as_black_writes_it(text: str) -> None:
    """Every string the spec gives becomes a literal black leaves alone (a text with more double
    quotes than single ones is single-quoted): black would change no literal generate writes."""
    literal = pystr(text)
    assert ast.literal_eval(literal) == text
    source = f"x = [{literal}]\n"
    assert not black_changes(source, "<test>"), source
