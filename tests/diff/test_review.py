"""A reviewer's view of a spec pull request: annotations on the spec's lines, JUnit for other
CI systems, accepted breaking changes and stale acceptances, and the release's changelog."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.diff import cli
from generator.diff.rules import RULES
from generator.generate import build, render_files
from generator.release.changelog import entry
from generator.release.plan import make_plan

from . import repo as git_repo
from .specs import ENDPOINT, METHOD, Spec

ACCEPTED = "spec/accepted-changes.yaml"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="maizuo-gen diff")
    cli.add_arguments(parser)
    return cli.run(parser.parse_args(argv))


def _pull_request(spec: Spec) -> None:
    """A field removed (breaking, only in the base), a bound added (breaking), an optional
    field added (compatible), a description changed (docs-only)."""
    del spec.param0["properties"]["channel_token"]
    spec.param0["required"].remove("channel_token")
    del spec.request_example["channel_token"]
    spec.field("user_phone")["maxLength"] = 11
    spec.add_request_field("remark", {"type": "string"})
    spec.field("code_type")["description"] = "验证码的用途"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``main`` holds the project's spec; the working tree holds the pull request's."""
    root = git_repo.init(tmp_path / "repo")
    spec = Spec.project()
    spec.save(root / "spec")
    git_repo.commit(root, "spec")
    _pull_request(spec)
    spec.save(root / "spec")
    monkeypatch.chdir(root)
    return root


def _accept(root: Path, *entries: str) -> None:
    (root / ACCEPTED).write_text("accepted:\n" + "".join(entries), encoding="utf-8")


_TOKEN = """\
  - rule: request-field-removed
    endpoint: alibaba.damai.maizuo.openapi.user.authcode.send
    path: param0.channel_token
    reason: 渠道令牌改由网关校验
    by: 李雷, 2026-12-01
"""
_PHONE = """\
  - rule: request-constraint-tightened
    endpoint: alibaba.damai.maizuo.openapi.user.authcode.send
    path: param0.user_phone
    reason: 手机号一直是 11 位
"""
_STALE = """\
  - rule: request-field-removed
    endpoint: alibaba.damai.maizuo.openapi.user.authcode.send
    path: param0.no_such_field
    reason: 早已删除
"""

_COMMAND = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")


def _annotations(text: str) -> list[tuple[str, dict[str, str], str]]:
    found = []
    for line in text.splitlines():
        match = _COMMAND.match(line)
        assert match, line
        properties = {
            key: _unescape(value)
            for key, value in (part.split("=", 1) for part in match[2].split(","))
        }
        found.append((match[1], properties, _unescape(match[3])))
    return found


def _unescape(text: str) -> str:
    for escaped, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def _line_of(text: str, number: int) -> str:
    return text.splitlines()[number - 1]


def test_annotations_point_at_the_changed_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("main", "--format", "github", "--no-files") == 0
    found = _annotations(capsys.readouterr().out)
    head_file = (repo / "spec" / ENDPOINT).read_text(encoding="utf-8")
    base_file = git_repo.git(repo, "show", f"main:spec/{ENDPOINT}")
    by_title = {props.get("title", ""): (level, props, msg) for level, props, msg in found}

    level, props, message = by_title["request field removed (breaking)"]
    assert level == "error" and props["file"] == f"spec/{ENDPOINT}"
    assert _line_of(base_file, int(props["line"])).strip() == "channel_token:"
    assert message.endswith(
        f"(removed: line {props['line']} of spec/{ENDPOINT} is in the base revision main)"
    )

    level, props, message = by_title["request constraint tightened (breaking)"]
    assert level == "error"
    assert _line_of(head_file, int(props["line"])).strip() == "maxLength: 11"
    assert message == (
        "client.user.authcode.send request param0.user_phone: request constraint tightened: "
        "maxLength 11 added"
    )

    level, props, _ = by_title["new optional request field (compatible)"]
    assert level == "warning"
    assert _line_of(head_file, int(props["line"])).strip() == "remark:"

    level, props, _ = by_title["field description changed (docs-only)"]
    assert level == "notice"
    assert _line_of(head_file, int(props["line"])).strip().startswith("description: 验证码的用途")

    assert found[-1][0] == "notice" and found[-1][2].startswith("semver bump minor: 2 breaking")


def test_an_accepted_change_passes_with_its_reason(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _accept(repo, _TOKEN)
    assert run("main", "--no-files", "--fail-on", "breaking") == 1  # the bound is not accepted
    out = capsys.readouterr().out
    assert (
        "| breaking (accepted) | request | `param0.channel_token` | request field removed: "
        "was string — **accepted**: 渠道令牌改由网关校验 (李雷, 2026-12-01) |"
    ) in out
    assert "2 breaking, 1 compatible, 2 docs-only (1 accepted by a reviewer)" in out

    _accept(repo, _TOKEN, _PHONE)
    assert run("main", "--no-files", "--fail-on", "breaking") == 0
    capsys.readouterr()
    assert run("main", "--no-files", "--fail-on", "breaking", "--format", "github") == 0
    levels = {props["title"]: level for level, props, _ in _annotations(capsys.readouterr().out)}
    assert levels["request field removed (breaking, accepted)"] == "warning"
    assert "error" not in levels.values()


def test_the_bump_of_accepted_changes_is_still_breaking(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _accept(repo, _TOKEN, _PHONE)
    assert run("main", "--no-files") == 0
    assert "**Semver bump: minor** — 2 breaking" in capsys.readouterr().out


def test_a_stale_entry_is_reported_and_fails_when_strict(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _accept(repo, _TOKEN, _PHONE, _STALE)
    assert run("main", "--no-files", "--fail-on", "breaking") == 0
    out = capsys.readouterr().out
    assert (
        "- `spec/accepted-changes.yaml:11`: `request-field-removed` at "
        "alibaba.damai.maizuo.openapi.user.authcode.send `param0.no_such_field` matches no "
        "change; remove the entry (or fix its rule, endpoint or path)"
    ) in out
    assert run("main", "--no-files", "--fail-on", "breaking", "--strict") == 1
    assert run("main", "--no-files", "--format", "github", "--strict") == 1


def test_stale_annotations(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _accept(repo, _STALE)
    for strict, level in ((False, "warning"), (True, "error")):
        args = ["main", "--no-files", "--format", "github"] + (["--strict"] if strict else [])
        run(*args)
        [stale] = [
            (lvl, props)
            for lvl, props, _ in _annotations(capsys.readouterr().out)
            if props.get("title") == "stale accepted change"
        ]
        assert stale == (
            level,
            {"file": "spec/accepted-changes.yaml", "line": "2", "title": "stale accepted change"},
        )


def test_junit_has_one_case_per_rule(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _accept(repo, _TOKEN, _STALE)
    assert run("main", "--no-files", "--format", "junit", "--fail-on", "breaking") == 1
    suite = ElementTree.fromstring(capsys.readouterr().out)
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == [*RULES, "accepted-changes"]
    assert suite.get("tests") == str(len(RULES) + 1) and suite.get("failures") == "1"
    failure = cases["request-constraint-tightened"].find("failure")
    assert failure is not None and failure.text is not None
    assert re.fullmatch(
        rf"spec/{re.escape(ENDPOINT)}:\d+: client.user.authcode.send request "
        r"param0.user_phone: maxLength 11 added",
        failure.text,
    )
    removed = cases["request-field-removed"]
    assert removed.find("failure") is None
    out = removed.find("system-out")
    assert out is not None and "accepted: 渠道令牌改由网关校验" in (out.text or "")
    assert "(base revision main)" in (out.text or "")
    assert cases["field-description-changed"].find("failure") is None
    assert cases["accepted-changes"].find("failure") is None
    assert run("main", "--no-files", "--format", "junit", "--strict") == 1
    strict = ElementTree.fromstring(capsys.readouterr().out)
    [stale] = [c for c in strict.iter("testcase") if c.get("name") == "accepted-changes"]
    assert stale.find("failure") is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "accepted:\n  - rule: no-such-rule\n    reason: x\n",
            "spec/accepted-changes.yaml:2: unknown rule 'no-such-rule'",
        ),
        (
            "accepted:\n  - rule: endpoint-removed\n    endpoint: a.b\n",
            "spec/accepted-changes.yaml:2: give the reason this change is accepted",
        ),
        ("accepted: [unclosed\n", "spec/accepted-changes.yaml:2: invalid YAML"),
        ("- rule: endpoint-removed\n", "spec/accepted-changes.yaml:1: expected one key"),
        (
            "accepted:\n  - rule: endpoint-removed\n    reason: x\n    when: today\n",
            "spec/accepted-changes.yaml:2: unknown key 'when'",
        ),
        (
            "accepted:\n" + _TOKEN + _TOKEN,
            "spec/accepted-changes.yaml:7: the same change is accepted at line 2; keep one",
        ),
    ],
)
def test_a_malformed_accepted_changes_file(
    repo: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (repo / ACCEPTED).write_text(text, encoding="utf-8")
    assert run("main", "--no-files") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"error: head (spec): {message}"), captured.err
    assert len(captured.err.splitlines()) == 1


def test_the_generator_ignores_the_accepted_changes_file(repo: Path) -> None:
    before = render_files(repo / "spec")
    _accept(repo, _TOKEN, _PHONE)
    assert build(repo / "spec").operations[0].top_method == METHOD
    assert render_files(repo / "spec") == before


def test_the_release_changelog_carries_the_reasons(repo: Path) -> None:
    _accept(repo, _TOKEN)
    (repo / "generated").mkdir()
    git_repo.git(repo, "tag", "sdk-v0.1.0", "main")
    git_repo.commit(repo, "pull request")
    plan = make_plan(repo, "auto")
    assert plan.report is not None
    text = entry(str(plan.version), "2026-12-02", plan.report.changes, plan.calls)
    assert (
        "- `client.user.authcode.send` request `param0.channel_token`: request field removed: "
        "was string — accepted: 渠道令牌改由网关校验 (李雷, 2026-12-01)"
    ) in text.splitlines()
    assert str(plan.version) == "0.2.0"


def test_annotation_text_is_escaped(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = Spec.project()
    spec.field("user_phone")["description"] = "满 100%, 减:10"
    spec.save(repo / "spec")
    assert run("main", "--no-files", "--format", "github") == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if "user_phone" in x]
    assert line.endswith("“会员手机号” → “满 100%25, 减:10”")
    assert ",title=field description changed (docs-only)::" in line.replace("%2C", ",")


def test_the_release_sees_what_the_diff_sees(repo: Path) -> None:
    """A deprecated top-level parameter, which only the spec itself says, is in the release's
    report as in the diff's."""
    (repo / "generated").mkdir()
    git_repo.git(repo, "tag", "sdk-v0.1.0", "main")
    spec = Spec.project()
    spec.param0["deprecated"] = True
    spec.save(repo / "spec")
    git_repo.commit(repo, "deprecate param0")
    plan = make_plan(repo, "auto")
    assert plan.report is not None
    assert [(c.rule_id, c.path) for c in plan.report.changes] == [("field-deprecated", "param0")]
