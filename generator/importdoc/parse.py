"""Read a TOP doc page in its copied text form into the page model.

The page is a sequence of sections under fixed headings, after the method name line and the
description::

    alibaba.damai.maizuo.openapi.user.authcode.send (发送验证码)
    <description>
    公共参数 · 请求参数 · 响应参数 · 请求示例 · 响应示例 · 异常示例 · 错误码解释

错误码解释 is the last section of every page, so a page without it was cut short.
"""

from __future__ import annotations

import re

from .page import Block, Page, PageError, Table, TableKind
from .tables import CONSTRAINT_BULLET_RE, Line, read_table

HEADINGS = ("公共参数", "请求参数", "响应参数", "请求示例", "响应示例", "异常示例", "错误码解释")
TABLES: dict[str, TableKind] = {"请求参数": "request", "响应参数": "response"}
LAST_SECTION = "错误码解释"
FOOTER = "API工具"
"""The page's navigation after its last section (API工具, 如何获得此API, FAQ, 返回 顶部)."""
METHOD_RE = re.compile(
    r"^(?P<method>[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\s*(?:[(（](?P<title>.*)[)）])?$"
)
"""The method line; the title in parentheses may hold parentheses of its own
(``alibaba.damai.mz.user.register (会员注册(支持实名制))``)."""
BREADCRUMB_RE = re.compile(r"^文档中心\s*[>＞]")
"""The page's navigation path above the method line (``文档中心 > API类目 > 大麦票务云分销API``)."""
TAB_RE = re.compile(r"^•\s*(JAVA|\.NET|PHP|CURL|Python|C/C\+\+|NodeJS|XML示例|JSON示例)$")


def parse_page(text: str, source: str) -> Page:
    """The page model of ``text``; raises :class:`PageError` naming the line it cannot read."""
    lines = tuple(text.removeprefix("\ufeff").splitlines())
    try:
        return _parse(lines, source)
    except PageError as error:
        shown = lines[error.line - 1] if 0 < error.line <= len(lines) else ""
        raise error.located(source, shown) from None


def _parse(lines: tuple[str, ...], source: str) -> Page:
    numbered = [Line(i, text.rstrip()) for i, text in enumerate(lines, start=1)]
    filled = [line for line in numbered if line.text.strip()]
    if not filled:
        raise PageError(1, "the page is empty")
    first = filled[0]
    if BREADCRUMB_RE.match(first.text.strip()) and len(filled) > 1:
        first = filled[1]
    match = METHOD_RE.match(first.text.strip())
    if match is None:
        raise PageError(
            first.number,
            "expected the method name line, such as `alibaba.damai.maizuo.openapi.x.y (标题)`",
        )
    footer = next((line.number for line in numbered if line.text.strip() == FOOTER), None)
    if footer is not None:
        numbered = numbered[: footer - 1]
        filled = [line for line in numbered if line.text.strip()]
    sections = _sections(numbered[first.number :])
    if not any(heading in sections for heading in TABLES):
        raise PageError(first.number, "no 请求参数 or 响应参数 table follows: not a TOP doc page")
    end_line = filled[-1].number
    truncated = LAST_SECTION not in sections
    cut_section = _section_at(sections, end_line) if truncated else None
    tables: dict[TableKind, Table] = {}
    dangling = None
    for heading, kind in TABLES.items():
        if heading in sections:
            cut_line = end_line if cut_section == heading else None
            start = sections[heading][0]
            shifted = any(
                CONSTRAINT_BULLET_RE.match(line.text.strip()) for line in numbered[: start - 1]
            )
            tables[kind], ends = read_table(kind, sections[heading][1], cut_line, shifted)
            dangling = dangling or ends
    description_end = min((start for start, _ in sections.values()), default=end_line + 1)
    description = "\n".join(
        line.text.strip()
        for line in numbered[first.number : description_end - 1]
        if line.text.strip()
    )
    return Page(
        source=source,
        method=match["method"],
        method_line=first.number,
        title=(match["title"] or "").strip(),
        description=description,
        request=tables.get("request"),
        response=tables.get("response"),
        java=_block(sections, "请求示例", cut_section),
        response_example=_block(sections, "响应示例", cut_section),
        error_example=_block(sections, "异常示例", cut_section),
        error_codes=_error_codes(sections),
        truncated=truncated,
        end_line=end_line,
        lines=tuple(line.text for line in numbered),
        dangling=dangling,
        cut_section=cut_section,
    )


def _sections(lines: list[Line]) -> dict[str, tuple[int, list[Line]]]:
    """Each heading's line and the lines under it.

    A heading is a line of its own; after a 更多限制 written as bullets, the page's copy indents
    every following line (an HTML list left open), headings included, so an indented heading
    counts once such a bullet was seen."""
    sections: dict[str, tuple[int, list[Line]]] = {}
    current: list[Line] | None = None
    shifted = False
    for line in lines:
        heading = line.text.strip()
        shifted = shifted or bool(CONSTRAINT_BULLET_RE.match(heading))
        if heading in HEADINGS and (shifted or not line.text[:1].isspace()):
            if heading in sections:
                raise PageError(line.number, f"a second {heading} section")
            current = []
            sections[heading] = (line.number, current)
        elif current is not None:
            current.append(line)
    return sections


def _section_at(sections: dict[str, tuple[int, list[Line]]], line: int) -> str | None:
    starts = sorted((start, heading) for heading, (start, _) in sections.items())
    found = None
    for start, heading in starts:
        if start <= line:
            found = heading
    return found


def _block(
    sections: dict[str, tuple[int, list[Line]]], heading: str, cut_section: str | None
) -> Block | None:
    """A code block: the section's lines after its tabs (``• JAVA`` … or ``• XML示例`` …)."""
    if heading not in sections:
        return None
    _, body = sections[heading]
    code = [line for line in body if not TAB_RE.match(line.text.strip())]
    while code and not code[0].text.strip():
        code.pop(0)
    while code and not code[-1].text.strip():
        code.pop()
    if not code:
        return None
    return Block(code[0].number, "\n".join(line.text for line in code), heading == cut_section)


def _error_codes(sections: dict[str, tuple[int, list[Line]]]) -> int:
    if LAST_SECTION not in sections:
        return 0
    _, body = sections[LAST_SECTION]
    rows = [line for line in body if line.text.strip()]
    return max(len(rows) - 1, 0)  # the first is the header 错误码 错误描述 解决方案
