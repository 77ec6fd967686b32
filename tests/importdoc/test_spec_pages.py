"""The doc pages kept in spec/pages/: every imported endpoint names the page it came from, and
importing the pages again reproduces the committed spec byte for byte (so the endpoint files are
the importer's output, not hand edits)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import SPEC, Runner

PAGES = SPEC / "pages"
HAND_WRITTEN = {"alibaba.damai.maizuo.openapi.user.authcode.send"}
"""Endpoints written by hand before the importer existed; their page is kept for reference."""


def _imported_pages() -> list[Path]:
    return sorted(
        page
        for page in PAGES.glob("*.txt")
        if (SPEC / "endpoints" / f"{page.stem}.yaml").exists() and page.stem not in HAND_WRITTEN
    )


def test_every_source_is_a_page_of_the_repository() -> None:
    for endpoint in sorted((SPEC / "endpoints").glob("*.yaml")):
        operation = yaml.safe_load(endpoint.read_text(encoding="utf-8"))["post"]
        doc = operation.get("x-top-doc")
        if endpoint.stem in HAND_WRITTEN:
            assert (PAGES / f"{endpoint.stem}.txt").is_file()
            continue
        assert doc is not None, endpoint.name
        assert doc["source"] == f"pages/{endpoint.stem}.txt"
        assert (SPEC / doc["source"]).is_file(), doc["source"]


@pytest.mark.parametrize("page", _imported_pages(), ids=lambda p: p.stem)
def test_reimporting_a_page_changes_nothing(page: Path, tmp_path: Path, import_doc: Runner) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    result = import_doc(spec / "pages" / page.name, "--spec", spec)
    assert result.status == 0, result.err
    assert result.out.splitlines() == [
        f"{spec / 'endpoints' / (page.stem + '.yaml')}: unchanged",
        f"{spec / 'openapi.yaml'}: unchanged",
    ]


def test_every_kept_page_can_be_imported(tmp_path: Path, import_doc: Runner) -> None:
    """Every page in spec/pages/ is read whole, those of methods the spec cannot hold yet included
    (imported here into a copy of the spec that accepts any method)."""
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    root = spec / "openapi.yaml"
    root.write_text(
        re.sub(r"(?m)^\s+method-prefix:.*\n", "", root.read_text(encoding="utf-8")),
        encoding="utf-8",
    )
    pages = sorted((spec / "pages").glob("*.txt"))
    assert len(pages) >= 20
    result = import_doc(*pages, "--spec", spec, "--force")
    assert result.status == 0, result.err


def test_a_spec_with_families_takes_the_methods_of_each(tmp_path: Path, import_doc: Runner) -> None:
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    root = spec / "openapi.yaml"
    families = (
        "    families:\n"
        "      - {prefix: alibaba.damai.maizuo.openapi., namespace: ''}\n"
        "      - {prefix: alibaba.damai.mz., namespace: mz}\n"
    )
    text = re.sub(r"(?m)^\s+method-prefix:.*\n", "", root.read_text(encoding="utf-8"))
    if "families:" not in text:  # the project's spec may declare them already
        text = re.sub(r"(?m)^(    module: .*\n)", lambda m: m.group(1) + families, text, count=1)
    root.write_text(text, encoding="utf-8")
    mz = spec / "pages" / "alibaba.damai.mz.crm.account.modifypwd.txt"
    assert import_doc(mz, "--spec", spec).status == 0
    other = tmp_path / "taobao.user.get.txt"
    other.write_text(
        mz.read_text(encoding="utf-8").replace(
            "alibaba.damai.mz.crm.account.modifypwd (", "taobao.user.get ("
        ),
        encoding="utf-8",
    )
    result = import_doc(other, "--spec", spec)
    assert result.status == 2
    assert (
        "the method does not start with a method prefix of the spec "
        "('alibaba.damai.maizuo.openapi.' or 'alibaba.damai.mz.')" in result.err
    )
