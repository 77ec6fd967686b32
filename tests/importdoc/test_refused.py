"""Pages the importer cannot understand are refused with ``page:line: what is wrong`` and the
line's text, exit 2, nothing written; pages cut anywhere never make it invent anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.importdoc.operation import build_path_item
from generator.importdoc.page import PageError
from generator.importdoc.parse import parse_page
from generator.importdoc.rootfile import Root

from .conftest import MORE_PAGES, OWN_PAGES, SEED_PAGE, SPEC, Runner, snapshot
from .shapes import NO_EXAMPLE, request_fields, response_fields

SEED = SEED_PAGE.read_text(encoding="utf-8")


def _edit(old: str, new: str, text: str = SEED) -> str:
    assert old in text
    return text.replace(old, new, 1)


REFUSED = {
    "empty": ("", 1, "the page is empty"),
    "html": (
        "<html><body><h1>alibaba.damai.maizuo.openapi.x.y</h1></body></html>\n",
        1,
        "expected the method name line",
    ),
    "markdown table": (
        _edit(
            "名称 类型 是否必须 示例值 更多限制 描述",
            "| 名称 | 类型 | 是否必须 | 示例值 | 更多限制 | 描述 |",
        ),
        9,
        "expected the table header `名称 类型 是否必须 示例值 更多限制 描述`",
    ),
    "no tables": (
        "alibaba.damai.maizuo.openapi.x.y (标题)\n\n说明\n",
        1,
        "no 请求参数 or 响应参数 table follows",
    ),
    "another prefix": (
        _edit("alibaba.damai.maizuo.openapi.user.authcode.send (", "taobao.user.get ("),
        1,
        "the method does not start with a method prefix of the spec "
        "('alibaba.damai.maizuo.openapi.' or 'alibaba.damai.mz.')",
    ),
    "unknown flag": (_edit("  • 必须\n", "  • 是\n"), 13, "expected 必须 or 可选 for ptnr_token"),
    "lower-case type": (
        _edit("  • String\n", "  • string\n"),
        12,
        "expected the type of ptnr_token",
    ),
    "unknown scalar": (
        _edit(
            "请求参数\n\n名称 类型 是否必须 示例值 更多限制 描述\n",
            "请求参数\n\n名称 类型 是否必须 示例值 更多限制 描述\namount Money 必须 12.50 金额\n",
        ),
        10,
        "amount has the type Money, which is neither a TOP scalar (String, Number, Boolean, "
        "Date, Json, byte, Price) nor a struct",
    ),
    "bullet first": (
        _edit("param0 UserPhoneAuthCodeParam 必须 验证码参数对象\n", ""),
        10,
        "a bullet before the first parameter row",
    ),
    "empty bullet": (_edit("  • 必须\n", "  • \n"), 13, "an empty bullet"),
    "too many cells": (
        _edit("  • 会员手机号\n", "  • 会员手机号\n  • 另一个描述\n"),
        21,
        "too many cells for user_phone",
    ),
    "indented text": (_edit("  • 会员手机号\n", "  会员手机号\n"), 20, "cannot read this line"),
    "field twice": (
        _edit("  • └ user_phone\n", "  • └ ptnr_token\n"),
        16,
        "ptnr_token appears twice in UserPhoneAuthCodeParam",
    ),
    "fields under a scalar": (
        _edit("param0 UserPhoneAuthCodeParam 必须", "param0 String 必须"),
        11,
        "fields follow param0, but its type String is not a struct",
    ),
    "second section": (_edit("响应示例\n", "请求参数\n"), 75, "a second 请求参数 section"),
    "struct twice": (
        _edit(
            "result ResultData 请求结果\n",
            "result ResultData 请求结果\n  • other\n  • UserPhoneAuthCodeParam\n"
            "  • 另一个\n  • └ only_field\n  • String\n  • x\n  • y\n",
        ),
        41,
        "the struct UserPhoneAuthCodeParam is listed twice with different fields",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_with_the_line(case: str, spec: Path, tmp_path: Path, import_doc: Runner) -> None:
    text, line, message = REFUSED[case]
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    before = snapshot(spec)
    result = import_doc(page, "--spec", spec)
    assert result.status == 2
    first, *rest = result.err.splitlines()
    assert first.startswith(f"error: {page}:{line}: {message}"), result.err
    shown = text.splitlines()[line - 1].strip() if text.strip() else ""
    assert rest == ([f"    {shown}"] if shown else [])
    assert "Traceback" not in result.err
    assert snapshot(spec) == before


def test_not_utf8(spec: Path, tmp_path: Path, import_doc: Runner) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED.encode("utf-8").replace("会员手机号".encode(), "会员".encode("gbk")))
    result = import_doc(page, "--spec", spec)
    assert result.status == 2
    assert result.err.startswith(f"error: {page}:20: the page is not UTF-8 text")


def test_a_missing_page_or_spec(spec: Path, tmp_path: Path, import_doc: Runner) -> None:
    result = import_doc(tmp_path / "nope.txt", "--spec", spec)
    assert (result.status, result.err) == (2, f"error: {tmp_path / 'nope.txt'}: no such file\n")
    result = import_doc(SEED_PAGE, "--spec", tmp_path / "nowhere")
    assert result.status == 2 and "no such file" in result.err


def test_one_bad_page_stops_the_whole_import(
    spec: Path, tmp_path: Path, import_doc: Runner
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(_edit("  • 必须\n", "  • 是\n"), encoding="utf-8")
    before = snapshot(spec)
    result = import_doc(
        MORE_PAGES / "alibaba.damai.maizuo.openapi.event.list.txt", bad, "--spec", spec
    )
    assert result.status == 2
    assert snapshot(spec) == before


# -- cut anywhere, the importer never invents ----------------------------------------------------

PAGES = [SEED_PAGE, *sorted(MORE_PAGES.glob("*.txt")), *sorted(OWN_PAGES.glob("*.txt"))]
ROOT = Root.read((SPEC / "openapi.yaml").read_text(encoding="utf-8"))


def _flat(fields: dict[str, Any]) -> set[tuple[Any, ...]]:
    """Every field as (name, type, required, example), wherever it is nested."""
    found: set[tuple[Any, ...]] = set()
    for name, (kind, required, rest) in fields.items():
        if isinstance(rest, dict):
            found.add((name, kind, required, NO_EXAMPLE))
            found |= _flat(rest)
        else:
            found.add((name, kind, required, repr(rest)))
    return found


def _fields(text: str, name: str) -> set[tuple[Any, ...]]:
    item = build_path_item(parse_page(text, name), ROOT)["post"]
    found = {("response", *f) for f in _flat(response_fields(item))}
    if "requestBody" in item:
        found |= {("request", *f) for f in _flat(request_fields(item))}
    return found


def _cuts(text: str) -> list[int]:
    """Offsets to cut at: the end of every line and the middle of every line."""
    cuts, start = [], 0
    for line in text.splitlines(keepends=True):
        cuts += [start + len(line) // 2, start + len(line.rstrip("\n"))]
        start += len(line)
    return cuts


@pytest.mark.parametrize(
    "page", PAGES, ids=lambda p: p.stem.removeprefix("alibaba.damai.maizuo.openapi.")
)
def test_a_page_cut_anywhere_adds_nothing_the_page_does_not_show(page: Path) -> None:
    full_text = page.read_text(encoding="utf-8")
    full = _fields(full_text, page.name)
    for cut in _cuts(full_text):
        text = full_text[:cut] + "\n"
        try:
            found = _fields(text, page.name)
        except PageError as error:
            assert 1 <= error.line <= text.count("\n"), (cut, error)
            continue
        for table, name, kind, required, example in found - full:
            # only an example may be missing: the cut may have taken it
            assert example == repr(NO_EXAMPLE), (cut, name, example)
            kinds = {kind, "integer(int64)", "number"} if kind == "integer(int64)" else {kind}
            # a Number whose decimal example was cut is typed integer (and noted so)
            assert any((table, name, k, required) in {f[:4] for f in full} for k in kinds), (
                cut,
                name,
                kind,
            )
