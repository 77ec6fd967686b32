"""Reading generated Markdown as CommonMark with GFM tables (markdown-it-py), as GitHub shows it."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

PARSER = MarkdownIt("commonmark").enable("table")


def tokens(text: str) -> list[Token]:
    return PARSER.parse(text)


def plain(inline: Token) -> str:
    """The text a reader sees in an inline token; raw HTML in it is an error of the page."""
    parts = []
    for child in inline.children or []:
        if child.type == "html_inline" and child.content == "<br>":
            parts.append("\n")  # a line break in a table cell
            continue
        assert child.type not in ("html_inline", "html_block"), f"raw HTML: {child.content!r}"
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak" or child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    heading: str = ""
    """The text of the last heading above the table."""


def tables(text: str) -> list[Table]:
    """Every table of a page, in order, with the heading it stands under."""
    found: list[Table] = []
    heading = ""
    current: Table | None = None
    row: list[str] | None = None
    stream = tokens(text)
    for i, token in enumerate(stream):
        if token.type == "heading_open":
            heading = plain(stream[i + 1])
        elif token.type == "table_open":
            current = Table([], heading=heading)
            found.append(current)
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            assert row is not None
            row.append(plain(stream[i + 1]) if stream[i + 1].type == "inline" else "")
        elif token.type == "tr_close":
            assert current is not None and row is not None
            if not current.header:
                current.header = row
            else:
                current.rows.append(row)
    return found


def headings(text: str) -> list[tuple[int, str]]:
    stream = tokens(text)
    return [
        (int(t.tag[1]), plain(stream[i + 1]))
        for i, t in enumerate(stream)
        if t.type == "heading_open"
    ]


def raw_html(text: str) -> list[str]:
    """Every piece of raw HTML of the page, outside code (``<br>`` in cells is the page's own)."""
    found = [t.content for t in tokens(text) if t.type == "html_block"]
    for token in tokens(text):
        for child in token.children or []:
            if child.type == "html_inline" and child.content != "<br>":
                found.append(child.content)
    return [f for f in found if not f.startswith("<!-- Generated")]
