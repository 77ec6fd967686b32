"""The quick reading of a YAML file gives what the careful one gives: the same data, the same
line table when asked for it, and the same problems at the same lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import generator.yamldata
from generator.errors import SpecError
from generator.yamldata import parse_yaml, parse_yaml_with_lines

from .conftest import ROOT

SHOWN = Path("spec/endpoints/x.yaml")

TRICKY = [
    "a: 1\nb: [x, 2.5, true, null, ~]\n",
    "'a/b': 1\n'c~d': {'': 2, ' ': 3}\n",  # keys a JSON pointer must escape
    "time: 2016-01-01 12:00:00\ndate: 2016-01-01\n",  # strings: no implicit timestamps
    "stamp: !!timestamp 2016-01-01\n",
    "n: [0x1F, 0o17, 017, 1_000, 1:30, -0, +5, .5, 1e3, .inf, -.Inf]\n",
    "b: [yes, no, on, off, True, FALSE, y, n]\n",
    "1: a\n0x10: b\n-3: c\n",  # integer keys become strings
    "1: a\n'1': b\n",  # the same key twice once made a string
    "true: a\n",
    "~: a\n",
    "1.5: a\n",
    "? [a, b]\n: c\n",
    "? {a: 1}\n: c\n",
    "a: 1\na: 2\n",
    "a: {b: 1, b: 2}\n",
    "base: &b {x: 1}\nmore:\n  <<: *b\n  y: 2\n",
    "x: !!binary aGVsbG8=\n",
    "x: .nan\n",
    "x: [.NaN]\n",
    "x: !custom thing\n",
    "x: !!set {a, b}\n",
    "x: !!omap [a: 1, b: 2]\n",
    "x: !!str 12\ny: !!int '12'\nz: !!float '1'\n",
    "a: &x {k: [1, 2]}\nb: *x\nc: [*x, *x]\n",
    "a: &r [1, *r]\n",
    "a: &m {self: *m}\n",
    "- 1\n- [2, [3, {4: 5}]]\n",
    "just a string\n",
    "42\n",
    "名称: 会员\n描述: |\n  多行\n  文本\n",
    "a: 'it''s'\nb: \"\\u202e\\t\"\n",
    "x: [" * 100 + "]" * 100 + "\n",  # as deep as allowed
    "x: [" * 101 + "]" * 101 + "\n",  # one level deeper
    "a: [\n",  # not YAML
    "",
    "a: \x00\n",
]


def _outcome(parse: object, raw: bytes) -> tuple[object, ...]:
    try:
        data, lines = parse(raw, SHOWN)  # type: ignore[operator]
    except SpecError as exc:
        return ("problems", exc.problems)
    except Exception as exc:  # what the careful pass raises, the quick one must raise too
        return ("raises", type(exc), str(exc))
    return ("data", data, dict(lines))


def _same(raw: bytes) -> None:
    quick = _outcome(parse_yaml, raw)
    careful = _outcome(parse_yaml_with_lines, raw)
    assert quick == careful
    assert repr(quick) == repr(careful)  # the same types too (1 is not True, 1.0 is not 1)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_documents_read_alike(text: str) -> None:
    _same(text.encode("utf-8"))


@pytest.mark.parametrize(
    ("text", "line", "pointer", "tag"),
    [
        ("a: 1\nb: !!python/object:os.system x\n", 2, "/b", "!!python/object:os.system"),
        ("a:\n  - !custom thing\n", 2, "/a/0", "!custom"),
        ("when: !!timestamp 2016-01-01\n", 1, "/when", "!!timestamp"),
        ("n: !!int abc\n", 1, "/n", "!!int"),
        ("!!int abc: 1\n", 1, "", "!!int"),
        ("x: !!bool maybe\n", 1, "/x", "!!bool"),
    ],
)
def test_a_tag_the_spec_cannot_hold_is_a_problem_at_its_line(
    text: str, line: int, pointer: str, tag: str
) -> None:
    for parse in (parse_yaml, parse_yaml_with_lines):
        with pytest.raises(SpecError) as refused:
            parse(text.encode("utf-8"), SHOWN)
        (problem,) = refused.value.problems
        assert (problem.file, problem.line, problem.pointer) == (SHOWN, line, pointer)
        assert f"YAML tag {tag} makes no JSON value" in problem.message


def test_a_merge_key_is_a_problem_at_its_line() -> None:
    text = b"base: &b {x: 1}\nmore:\n  <<: *b\n  y: 2\n"
    with pytest.raises(SpecError) as refused:
        parse_yaml(text, SHOWN)
    (problem,) = refused.value.problems
    assert (problem.line, problem.pointer) == (3, "/more")
    assert "merge keys" in problem.message


def test_too_many_values_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generator.yamldata, "MAX_VALUES", 6)
    _same(b"a: [1, 2, 3]\nb: 4\n")  # 6 values with the root
    _same(b"a: [1, 2, 3]\nb: [4]\n")  # 7
    _same(b"a: &x [1, 2]\nb: *x\n")  # 7 once the alias is expanded


def test_an_alias_is_built_afresh_each_time_it_is_used() -> None:
    """Later stages rewrite what they read in place: an alias must not share it."""
    data, _ = parse_yaml(b"a: &x {k: [1]}\nb: *x\n", SHOWN)
    assert data["a"] == data["b"] and data["a"] is not data["b"]
    assert data["a"]["k"] is not data["b"]["k"]


def test_the_projects_spec_files_read_alike() -> None:
    files = sorted((ROOT / "spec").rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        _same(path.read_bytes())


def test_the_benchmarks_synthetic_endpoints_read_alike(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import synth
    finally:
        sys.path.remove(str(ROOT / "bench"))
    synth.write_spec(tmp_path / "spec", 6)
    files = sorted((tmp_path / "spec").rglob("*.yaml"))
    assert len(files) == 7
    for path in files:
        _same(path.read_bytes())


def test_lines_are_worked_out_only_when_asked_for() -> None:
    data, lines = parse_yaml(b"a:\n  b: 1\n", SHOWN)
    assert data == {"a": {"b": 1}}
    assert not isinstance(lines, dict)
    assert lines["/a/b"] == 2 and dict(lines) == {"": 1, "/a": 2, "/a/b": 2}


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["1", "0x1F", "yes", "~", "2016-01-01", "<<", ".nan", "1:30", "-", "#"]),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=5), st.integers(-5, 5)), inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(value=_values, flow=st.booleans())
def test_any_dumped_value_reads_alike(value: object, flow: bool) -> None:
    import yaml

    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow)
    _same(text.encode("utf-8"))
