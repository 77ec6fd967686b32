"""The generated HTML reference site, opened from ``file://`` in headless Chromium: every link
and anchor resolves, no page logs an error or fails a request, search finds by method name,
Python path and Chinese text, tables have the rows the spec gives, code can be copied, and
Chinese is drawn with real glyphs. Screenshots of the index and of one endpoint's page are
written to ``build/test-output/site/`` for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.generate import build
from generator.ir import Operation

from .browser import chromium_path, require_cjk_font

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "generated" / "site"
SHOTS = ROOT / "build" / "test-output" / "site"
API = build(ROOT / "spec")
PAGES = sorted(SITE.rglob("*.html"))


TABLES = """() => Array.from(document.querySelectorAll("table")).map(t => ({
    after: t.previousElementSibling ? t.previousElementSibling.id : "",
    kind: t.className,
    rows: Array.from(t.querySelectorAll("tbody tr")).map(r => r.id),
    cells: Array.from(t.querySelectorAll("tbody tr")).map(
        r => Array.from(r.children).map(c => c.textContent.trim())),
}))"""


@dataclass
class Table:
    """A table as the browser laid it out: the id of the heading above it, its class, its
    rows' ids and their cells' text."""

    after: str
    kind: str
    rows: list[str]
    cells: list[list[str]]


@dataclass
class Visit:
    """What loading every page showed: the ids on each page, the links out of it, and every
    console error and failed request."""

    ids: dict[Path, set[str]] = field(default_factory=dict)
    links: dict[Path, list[str]] = field(default_factory=dict)
    tables: dict[Path, list[Table]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    require_cjk_font()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="module")
def visit(page: Page) -> Visit:
    seen = Visit()
    page.on(
        "console",
        lambda m: (
            seen.problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda e: seen.problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: seen.problems.append(f"failed: {r.url} {r.failure}"))
    for path in PAGES:
        page.goto(path.as_uri(), wait_until="load")
        seen.ids[path] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        seen.links[path] = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
        seen.tables[path] = [Table(**t) for t in page.evaluate(TABLES)]
    return seen


def test_every_page_loads_without_an_error_or_a_failed_request(visit: Visit) -> None:
    assert len(visit.ids) == len(PAGES) > 0
    assert visit.problems == []


def test_every_link_and_anchor_resolves(visit: Visit) -> None:
    checked = 0
    for source, links in visit.links.items():
        for link in links:
            url = urlsplit(link)
            assert url.scheme == "file", f"{source.name}: {link} leaves the site"
            target = Path(unquote(url.path))
            assert target.is_file(), f"{source.relative_to(SITE)}: {link} is missing"
            assert SITE in target.parents, f"{source.relative_to(SITE)}: {link} leaves the site"
            if url.fragment:
                assert unquote(url.fragment) in visit.ids[target], f"{source.name}: {link}"
            checked += 1
    # every endpoint and type page is reached from somewhere
    reached = {
        Path(unquote(urlsplit(link).path)) for links in visit.links.values() for link in links
    }
    assert set(PAGES) <= reached | {SITE / "index.html"}
    assert checked > len(PAGES)


def _search(page: Page, text: str) -> list[str]:
    page.goto((SITE / "index.html").as_uri())
    page.fill("#search", text)
    page.wait_for_selector("#search-results:not([hidden])")
    hrefs: list[str] = page.eval_on_selector_all("#search-results a", "els => els.map(a => a.href)")
    return [Path(unquote(urlsplit(h).path)).relative_to(SITE).as_posix() for h in hrefs]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("验证码", "endpoints/user.authcode.send.html"),
        ("修改密码", "types/user.authcode.send.CodeType.html"),
        ("user.authcode", "endpoints/user.authcode.send.html"),
        ("client.user.register.byauthcode", "endpoints/user.register.byauthcode.html"),
        ("alibaba.damai.maizuo.openapi.event.good.list", "endpoints/event.good.list.html"),
        ("damai_maizuo.endpoints.event_good_list.PriceVo", "types/event.good.list.PriceVo.html"),
    ],
)
def test_search_finds_by_name_path_and_chinese_text(page: Page, query: str, expected: str) -> None:
    assert expected in _search(page, query)


def test_search_opens_the_first_hit_and_says_when_nothing_matches(page: Page) -> None:
    assert _search(page, "验证码")[0] == "endpoints/user.authcode.send.html"
    page.press("#search", "Enter")
    page.wait_for_url("**/endpoints/user.authcode.send.html")
    assert page.inner_text("h1") == "发送验证码"
    assert _search(page, "没有这样的接口") == []
    assert page.inner_text("#search-results") == "Nothing found"


def _table(visit: Visit, page: str, kind: str, after: str | None = None) -> Table:
    (found,) = [
        t
        for t in visit.tables[SITE / page]
        if t.kind == kind and (after is None or t.after == after)
    ]
    return found


@pytest.mark.parametrize("op", API.operations, ids=[op.call_path for op in API.operations])
def test_tables_have_the_rows_the_spec_gives(visit: Visit, op: Operation) -> None:
    page = f"endpoints/{op.call_path}.html"
    (facts,) = [t for t in visit.tables[SITE / page] if t.kind == "facts"]
    assert facts.cells[0] == ["TOP method", op.top_method]
    fields = [t for t in visit.tables[SITE / page] if t.kind == "fields"]
    assert len(fields) == (2 if op.params else 1)
    if op.params:
        params = _table(visit, page, "fields", "parameters")
        assert params.rows == [f"param-{p.py_name}" for p in op.params]
        assert [row[2] for row in params.cells] == [
            "yes" if p.required else "no" for p in op.params
        ]
    response = _table(visit, page, "fields", "response")
    assert response.rows == [f"response-{f.py_name}" for f in op.response.fields]
    errors = _table(visit, page, "errors")
    assert ("error-BusinessError" in errors.rows) is (op.business_result is not None)
    for model in op.models:
        if model is op.params_model:
            continue
        key = "name" if model.is_input else "py_name"
        table = _table(visit, f"types/{op.call_path}.{model.name}.html", "fields")
        assert table.rows == [f"field-{getattr(f, key)}" for f in model.fields]
    for enum in op.enums:
        table = _table(visit, f"types/{op.call_path}.{enum.name}.html", "enum")
        assert [row[2] for row in table.cells] == [m.label for m in enum.members]
        assert table.rows == [f"value-{m.value}" for m in enum.members]


def test_a_code_block_can_be_copied(page: Page) -> None:
    page.goto((SITE / "endpoints" / "user.authcode.send.html").as_uri())
    button = page.locator("div.code button.copy").first
    button.click()
    page.wait_for_function(
        "() => document.querySelector('div.code button.copy').textContent === 'Copied'"
    )


def test_chinese_is_drawn_with_glyphs_and_screenshots_are_written(page: Page) -> None:
    page.goto((SITE / "index.html").as_uri())
    # a CJK character drawn in the page's font differs from an unassigned one (an empty box)
    differs = page.evaluate("""() => {
            const font = getComputedStyle(document.body).font;
            const draw = (text) => {
                const canvas = document.createElement("canvas");
                canvas.width = 64; canvas.height = 64;
                const ctx = canvas.getContext("2d");
                ctx.font = font.replace(/\\d+px/, "40px");
                ctx.fillText(text, 4, 48);
                return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(",");
            };
            return draw("验") !== draw("\\u{E0FF}") && draw("验") !== draw("码");
        }""")
    assert differs, "Chinese is drawn as empty boxes: install fonts-wqy-zenhei (make browser)"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "index.png"), full_page=True)
    page.goto((SITE / "endpoints" / "user.authcode.send.html").as_uri())
    page.screenshot(path=str(SHOTS / "user.authcode.send.png"), full_page=True)
    for name in ("index.png", "user.authcode.send.png"):
        assert (SHOTS / name).stat().st_size > 10_000


def test_the_index_has_a_section_per_api_family(page: Page) -> None:
    page.goto((SITE / "index.html").as_uri())
    sections = page.eval_on_selector_all("section.family h2", "hs => hs.map(h => h.textContent)")
    expected = []
    for family in sorted(
        {op.family for op in API.operations}, key=lambda f: (f.namespace != "", f.prefix)
    ):
        client = f"client.{family.namespace}" if family.namespace else "client"
        expected.append(f"{family.prefix}* ({client})")
    assert sections == expected
