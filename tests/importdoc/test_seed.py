"""Importing the seed page reproduces the hand-written spec of user.authcode.send."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from generator.generate import build

from .conftest import SEED_METHOD, SEED_PAGE, SPEC, Runner, operation


def _without_english_names(node: Any) -> Any:
    """The committed spec, less what a page cannot give: English enum member names."""
    if isinstance(node, dict):
        return {
            key: (
                [{k: v for k, v in m.items() if k != "name"} for m in value]
                if key == "x-top-enum"
                else _without_english_names(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_without_english_names(item) for item in node]
    return node


def test_the_seed_page_gives_the_committed_operation(spec: Path, import_doc: Runner) -> None:
    committed = operation(SPEC, SEED_METHOD)
    result = import_doc(SEED_PAGE, "--spec", spec, "--force")
    assert result.status == 0, result.err
    imported = copy.deepcopy(operation(spec, SEED_METHOD))
    notes = imported.pop("x-top-doc")
    assert imported == _without_english_names(committed)
    assert notes["source"] == SEED_PAGE.name
    assert notes["truncated"] is False
    assert notes["inferred"] == [
        "param0.code_type (line 21): enum read from its description: 1=注册, 2=修改密码",
        "x-top-idempotent: false, as the method name ends in `.send`, not a query "
        "(no get, list, detail, query or search in it); the page does not say",
        "x-top-session: none; the page does not say the method needs a user session",
        "x-top-business-result: result (success, result_code, result_msg), found among the "
        "response fields",
    ]


def test_the_imported_seed_builds_the_same_api(spec: Path, import_doc: Runner) -> None:
    before = build(spec).operations
    assert import_doc(SEED_PAGE, "--spec", spec, "--force").status == 0
    after = build(spec).operations
    (old,), (new,) = before, after
    assert [(p.name, p.type.schema_type, p.required, p.examples) for p in new.params] == [
        (p.name, p.type.schema_type, p.required, p.examples) for p in old.params
    ]
    assert [(m.name, [f.name for f in m.fields]) for m in new.models] == [
        (m.name, [f.name for f in m.fields]) for m in old.models
    ]
    assert [[m.value for m in e.members] for e in new.enums] == [[1, 2]]
    assert [m.name for m in new.enums[0].members] == ["VALUE_1", "VALUE_2"]
    assert new.request_examples == old.request_examples
    assert new.response_examples == old.response_examples
    assert new.xml_response_examples == old.xml_response_examples
    assert new.error_examples == old.error_examples
    assert new.xml_error_examples == old.xml_error_examples
    assert new.business_result == old.business_result


def test_the_file_differs_only_by_the_notes_and_the_names(spec: Path, import_doc: Runner) -> None:
    result = import_doc(SEED_PAGE, "--spec", spec, "--dry-run")
    assert result.status == 1  # the committed file is hand-written: a re-import needs --force
    lines = result.out.splitlines()
    removed = [line for line in lines if line.startswith("-") and not line.startswith("---")]
    added = [line for line in lines if line.startswith("+") and not line.startswith("+++")]
    assert removed == [
        "-                    - {value: 1, name: REGISTER, label: 注册}",
        "-                    - {value: 2, name: CHANGE_PASSWORD, label: 修改密码}",
    ]
    assert added[:4] == [
        "+  x-top-doc:",
        f"+    source: {SEED_PAGE.name}",
        "+    truncated: false",
        "+    inferred:",
    ]
    assert all(line.startswith("+      - ") for line in added[4:-2])
    assert added[-2:] == [
        "+                    - {value: 1, label: 注册}",
        "+                    - {value: 2, label: 修改密码}",
    ]
