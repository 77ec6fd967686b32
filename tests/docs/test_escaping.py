"""Spec text is text: in the Markdown docs it renders as the characters it holds (never as
HTML, a link, emphasis or a table's column), and in generated Python it never carries a
control or bidi character raw."""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..generator.conftest import ENDPOINT, PARAM0, at, read_yaml, spec, write_yaml
from .markdown import headings, plain, raw_html, tables, tokens
from .run import generate

__all__ = ["spec"]  # the fixture, used by name

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[点我](javascript:alert(1))",
    "<javascript:alert(1)>",
    "a | b | c",
    "``` 三个反引号 ``` and `` two ``",
    "*星号* _下划线_ ~~删除~~ &amp; &lt;",
    "# 不是标题",
    "1. 不是列表",
    "\\ 反斜杠 \\*",
]
BIDI = "user\u202egnp.exe\u2066\u2069\u200f"
CONTROL = "bell\x07 esc\x1b[31m del\x7f c1\x9b"
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _hostile_spec(spec: Path) -> Path:
    path = spec / ENDPOINT
    data = read_yaml(path)
    data["post"]["summary"] = "发送验证码 <script>x</script> | `a`"
    data["post"]["description"] = "\n".join(HOSTILE) + "\n" + BIDI + " " + CONTROL
    param0 = at(data, PARAM0)
    param0["description"] = HOSTILE[0]
    for text, field in zip(HOSTILE, param0["properties"].values(), strict=False):
        field["description"] = text
    param0["properties"]["user_phone"]["description"] = BIDI + " " + CONTROL
    code_type = param0["properties"]["code_type"]
    code_type["x-top-enum"][0]["label"] = HOSTILE[2]
    write_yaml(path, data)
    return spec


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ..generator.conftest import SPEC

    root = tmp_path_factory.mktemp("hostile")
    (root / "spec" / "endpoints").mkdir(parents=True)
    (root / "spec" / ENDPOINT).write_bytes((SPEC / ENDPOINT).read_bytes())
    document = read_yaml(SPEC / "openapi.yaml")
    method = "/alibaba.damai.maizuo.openapi.user.authcode.send"
    document["paths"] = {method: document["paths"][method]}
    write_yaml(root / "spec" / "openapi.yaml", document)
    _hostile_spec(root / "spec")
    out = root / "out"
    result = generate(root / "spec", out)
    assert result.returncode == 0, result.stderr
    return out


def _page(generated: Path) -> str:
    return (generated / "docs" / "user.authcode.send.md").read_text(encoding="utf-8")


def test_no_spec_text_becomes_html_or_a_link(generated: Path) -> None:
    for name in ("docs/user.authcode.send.md", "docs/index.md", "README.md"):
        text = (generated / name).read_text(encoding="utf-8")
        assert raw_html(text) == [], name
        for token in tokens(text):
            for child in token.children or []:
                if child.type == "link_open":
                    href = str(child.attrs["href"])
                    assert href.startswith(("#", "docs/")) or href.endswith(".md"), href


def test_the_description_renders_as_the_text_it_holds(generated: Path) -> None:
    stream = tokens(_page(generated))
    paragraphs = [plain(stream[i + 1]) for i, t in enumerate(stream) if t.type == "paragraph_open"]
    (description,) = [p for p in paragraphs if p.startswith(HOSTILE[0] + "\n")]
    visible_bidi = "user\\u202egnp.exe\\u2066\\u2069\\u200f"
    visible_control = "bell\\x07 esc\\x1b[31m del\\x7f c1\\x9b"
    assert description == "\n".join(HOSTILE) + "\n" + visible_bidi + " " + visible_control


def test_the_title_is_one_heading_of_text(generated: Path) -> None:
    (level, title), *_ = headings(_page(generated))
    assert level == 1
    assert title.startswith("发送验证码 <script>x</script> | `a` — ")


def test_table_cells_hold_the_text_and_tables_keep_their_columns(generated: Path) -> None:
    page = _page(generated)
    for table in tables(page):
        assert all(len(row) == len(table.header) for row in table.rows), table
    (fields,) = [t for t in tables(page) if t.heading == "UserPhoneAuthCodeParam"]
    descriptions = [row[-1] for row in fields.rows]
    assert descriptions[0] == HOSTILE[0]
    assert (
        descriptions[1]
        == "user\\u202egnp.exe\\u2066\\u2069\\u200f bell\\x07 esc\\x1b[31m del\\x7f c1\\x9b"
    )
    assert descriptions[2:] == HOSTILE[2:5]
    (labels,) = [t for t in tables(page) if t.heading == "CodeType"]
    assert labels.rows[0][-1] == HOSTILE[2]


def test_generated_text_never_holds_a_control_or_bidi_character(generated: Path) -> None:
    for path in sorted(generated.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".md", ".toml"):
            text = path.read_text(encoding="utf-8")
            found = sorted({f"U+{ord(c):04X}" for c in UNSAFE.findall(text)})
            assert not found, f"{path.relative_to(generated)}: {found}"


def test_python_reads_the_escaped_text_back_as_the_spec_wrote_it(generated: Path) -> None:
    module = generated / "damai_maizuo" / "endpoints" / "user_authcode_send.py"
    tree = ast.parse(module.read_text(encoding="utf-8"))
    strings = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert BIDI + " " + CONTROL in strings


class _Elements(HTMLParser):
    """Every element of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_no_spec_text_becomes_an_element_of_the_site(generated: Path) -> None:
    pages = sorted((generated / "site").rglob("*.html"))
    assert pages
    for page in pages:
        parser = _Elements()
        parser.feed(page.read_text(encoding="utf-8"))
        for tag, attrs in parser.found:
            assert tag not in ("img", "iframe", "object"), page.name
            assert not [a for a in attrs if a.startswith("on")], (page.name, tag, attrs)
            assert not str(attrs.get("href", "")).lower().startswith("javascript:"), page.name
            if tag == "script":
                assert attrs.get("src", "").endswith(("search-index.js", "assets/site.js"))
    endpoint = _Elements()
    endpoint.feed((generated / "site/endpoints/user.authcode.send.html").read_text("utf-8"))
    shown = "".join(endpoint.text)
    for text in HOSTILE:
        assert text in shown
