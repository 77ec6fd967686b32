"""Regression tests of the runtime defects the fuzzers found, one test per defect (not
fuzzers: they run in the default suite only)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from generator.runtime import _xml
from generator.runtime._models import RequestModel, ResponseModel, TopDateTime
from generator.runtime._protocol import encode_params, format_datetime
from generator.runtime.errors import ParameterError


class _Params(RequestModel):
    name: str
    tags: list[str] | None = None
    when: list[list[TopDateTime]] | None = None
    at: TopDateTime | None = None


def test_a_required_parameter_that_encodes_empty_is_a_parameter_error() -> None:
    """TOP takes an empty value for none: ``name=""`` went out as no ``name`` at all and came
    back as 40 ``isv.missing-parameter``."""
    with pytest.raises(ParameterError) as caught:
        encode_params(_Params(name=""))
    assert caught.value.problems == (
        ("name", "is required, and TOP takes an empty value for none"),
    )
    assert encode_params(_Params(name="x", tags=[])) == {"name": "x"}


def test_date_times_in_nested_lists_are_written_as_top_writes_them() -> None:
    when = [[datetime(2026, 1, 2, 3, 4, 5)], [datetime(2026, 1, 2, tzinfo=UTC)]]
    encoded = encode_params(_Params(name="x", when=when))
    assert json.loads(encoded["when"]) == [["2026-01-02 03:04:05"], ["2026-01-02 08:00:00"]]


def test_years_before_1000_keep_four_digits() -> None:
    """``strftime`` writes the year 999 as ``999`` on glibc."""
    assert format_datetime(datetime(999, 1, 2, 3, 4, 5)) == "0999-01-02 03:04:05"
    assert format_datetime(datetime(5, 1, 1)) == "0005-01-01 00:00:00"


def test_a_date_time_out_of_range_in_gmt8_is_a_parameter_error() -> None:
    """An aware ``datetime(1, 1, 1)`` east of GMT+8 overflowed: ``OverflowError`` escaped the
    client, which promises its own exceptions only."""
    early = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=10)))
    with pytest.raises(ParameterError, match="at: cannot be sent"):
        encode_params(_Params(name="x", at=early))


class _Reply(ResponseModel):
    tags: list[str] | None = None
    model_dump_at: str | None = None


def test_an_empty_xml_list_item_is_an_empty_string() -> None:
    root = _xml.parse(b"<r><tags><string></string><string>x</string></tags></r>")
    assert _xml.to_data(root, _Reply) == {"tags": ["", "x"]}


def test_field_names_starting_with_model_are_fine(recwarn: pytest.WarningsRecorder) -> None:
    """pydantic warned about ``model_dump_at`` (its protected ``model_dump`` prefix)."""

    class Reply(ResponseModel):
        model_dump_at: str | None = None

    assert Reply.model_validate({"model_dump_at": "x"}).model_dump_at == "x"
    assert not [w for w in recwarn if "protected namespace" in str(w.message)]
