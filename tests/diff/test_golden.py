"""Realistic spec changes of several parts at once, with the Markdown a reviewer gets.

Run with ``UPDATE_GOLDEN=1`` to rewrite the files under ``golden/`` after a deliberate change of
the report, and review their diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.diff.report import Report, as_json, markdown

from .specs import Edit, Spec, pair

GOLDEN = Path(__file__).parent / "golden"


def _version(text: str) -> Edit:
    def edit(spec: Spec) -> None:
        spec.root["info"]["version"] = text

    return edit


def _optional_phone_and_remark(spec: Spec) -> None:
    """The example of the review guide: a field made optional, an optional field added."""
    spec.param0["required"].remove("user_phone")
    spec.add_request_field(
        "remark", {"type": "string", "description": "备注,展示在短信中", "maxLength": 64}
    )
    spec.field("user_phone")["description"] = "会员手机号;不传时使用会员绑定的手机号"


def _breaking_release(spec: Spec) -> None:
    del spec.param0["properties"]["channel_token"]
    spec.param0["required"].remove("channel_token")
    del spec.request_example["channel_token"]
    code_type = spec.field("code_type")
    code_type["enum"].append(3)
    code_type["x-top-enum"].append({"value": 3, "name": "LOGIN", "label": "登录"})
    spec.field("user_phone")["maxLength"] = 11
    spec.add_result_field("expire_seconds", {"type": "integer", "description": "验证码有效期(秒)"})
    spec.op["x-top-session"] = "required"
    spec.add_endpoint("alibaba.damai.maizuo.openapi.user.authcode.check")
    spec.endpoints["alibaba.damai.maizuo.openapi.user.authcode.check"]["post"][
        "summary"
    ] = "校验验证码"
    spec.root["servers"].append(
        {"url": "https://eco.taobao.com/router/rest", "description": "备用"}
    )


def _docs_only(spec: Spec) -> None:
    spec.op["summary"] = "发送短信验证码"
    spec.field("code_type")["x-top-enum"][1]["label"] = "重置密码"
    spec.request_example["user_phone"] = "13900004567"


CASES = {
    "optional_phone_and_remark": (_version("0.4.2"), _optional_phone_and_remark),
    "breaking_release": (_version("1.3.0"), _breaking_release),
    "docs_only": (_version("1.3.0"), _docs_only),
    "no_change": (_version("1.3.0"), lambda spec: None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_markdown_matches_golden(name: str, tmp_path: Path) -> None:
    base, head = CASES[name]
    old, new = pair(tmp_path, head, base)
    text = markdown(Report.compare("origin/main", "spec", old, new))
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_json_carries_every_change_and_the_bump(tmp_path: Path) -> None:
    base, head = CASES["breaking_release"]
    old, new = pair(tmp_path, head, base)
    report = Report.compare("origin/main", "spec", old, new)
    body = json.loads(as_json(report))
    assert (body["bump"], body["base_version"], body["next_version"]) == ("major", "1.3.0", "2.0.0")
    assert body["counts"] == {s.value: n for s, n in report.counts().items()}
    assert len(body["changes"]) == len(report.changes)
    removed = next(c for c in body["changes"] if c["rule"] == "request-field-removed")
    assert removed | {"detail": ""} == {
        "endpoint": "alibaba.damai.maizuo.openapi.user.authcode.send",
        "call": "user.authcode.send",
        "location": "request",
        "path": "param0.channel_token",
        "rule": "request-field-removed",
        "class": "breaking",
        "section": "Breaking",
        "title": "request field removed",
        "detail": "",
        "place": None,
        "accepted": None,
    }
    assert body["generated_files"] is None
