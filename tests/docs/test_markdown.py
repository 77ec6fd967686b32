"""Every generated Markdown file read as CommonMark with GFM tables: each table stands alone with
the header and rows the spec gives it, labels are not repeated, and an endpoint's page reads in
the order a caller needs (the call, its parameters, the response, the structs, the errors)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.generate import build
from generator.ir import Operation

from .markdown import headings, raw_html, tables

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated"
API = build(ROOT / "spec")
PAGES = sorted(GENERATED.rglob("*.md"))


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(GENERATED).as_posix() for p in PAGES])
def test_every_table_row_has_the_header_s_cells(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for table in tables(text):
        assert table.header, table
        for row in table.rows:
            assert len(row) == len(table.header), (table.heading, row)
    assert raw_html(text) == []


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(GENERATED).as_posix() for p in PAGES])
def test_no_label_is_repeated(path: Path) -> None:
    for _, heading in headings(path.read_text(encoding="utf-8")):
        assert not re.search(r"(\([^()]+\))\s*\1", heading), heading


@pytest.mark.parametrize("op", API.operations, ids=[op.call_path for op in API.operations])
def test_an_endpoint_page_has_each_table_with_its_rows(op: Operation) -> None:
    text = (GENERATED / "docs" / op.doc_page).read_text(encoding="utf-8")
    found = tables(text)
    by_heading = {t.heading: t for t in found}
    assert len(by_heading) == len(found), "two tables under one heading"
    if op.params:
        params = by_heading["Parameters"]
        assert params.header[:3] == ["Name", "Type", "Required"]
        assert [row[0] for row in params.rows] == [p.py_name for p in op.params]
    response = by_heading[f"Response: {op.response.name}"]
    assert response.header == ["Field", "Type", "Example", "Description"]
    assert [row[0] for row in response.rows] == [f.py_name for f in op.response.fields]
    for model in op.models:
        if model is op.params_model or model is op.response:
            continue
        table = by_heading[model.name]
        names = [f.name if model.is_input else f.py_name for f in model.fields]
        assert [row[0] for row in table.rows] == names, model.name
        assert table.header[2] == ("Required" if model.is_input else "Example")
    for enum in op.enums:
        table = by_heading[enum.name]
        assert table.header == ["Value", "Member", "Label"]
        assert [row[0] for row in table.rows] == [str(m.value) for m in enum.members]
        assert [row[2] for row in table.rows] == [m.label for m in enum.members]
    errors = by_heading["Errors"]
    assert errors.rows[0][0] == "ParameterError"
    assert ("BusinessError" in [r[0] for r in errors.rows]) is (op.business_result is not None)


@pytest.mark.parametrize("op", API.operations, ids=[op.call_path for op in API.operations])
def test_an_endpoint_page_reads_in_order(op: Operation) -> None:
    text = (GENERATED / "docs" / op.doc_page).read_text(encoding="utf-8")
    sections = [text for level, text in headings(text) if level == 2]
    expected = ["Call", "Parameters", f"Response: {op.response.name}"]
    if any(m is not op.params_model and m is not op.response for m in op.models):
        expected.append("Structs")
    if op.enums:
        expected.append("Enums")
    expected.append("Errors")
    if op.doc_notes:
        expected.append("From the doc page")
    assert [s for s in sections if s in expected] == expected
    assert sections == expected


def test_the_index_and_the_readme_list_every_endpoint() -> None:
    calls = [f"client.{op.call_path}" for op in API.operations]
    index = tables((GENERATED / "docs" / "index.md").read_text(encoding="utf-8"))
    # one table per API family
    assert sorted(row[0] for table in index for row in table.rows) == sorted(calls)
    readme = tables((GENERATED / "README.md").read_text(encoding="utf-8"))
    (endpoints,) = [t for t in readme if t.heading == "Endpoints"]
    assert sorted(row[0] for row in endpoints.rows) == sorted(calls)
