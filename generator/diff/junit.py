"""The report as JUnit XML, for CI systems that show test results: one test case per rule.

Every rule of the catalogue is a test case of the suite ``maizuo-gen diff``; a rule whose
changes fail ``--fail-on`` (breaking by default; accepted changes never) has a ``<failure>``
listing them with their spec lines, and any other change of that rule is in its
``<system-out>``. A last case, ``accepted-changes``, lists stale entries and fails under
``--strict``.
"""

from __future__ import annotations

from xml.etree import ElementTree

from .changes import Change
from .report import Report, stale_text
from .rules import RULES, Severity

SUITE = "maizuo-gen diff"


def junit(report: Report, *, fail_on: Severity = Severity.BREAKING, strict: bool = False) -> str:
    suite = ElementTree.Element("testsuite", name=SUITE)
    failures = 0
    for rule in RULES.values():
        case = ElementTree.SubElement(
            suite, "testcase", classname=f"spec-diff.{rule.severity.value}", name=rule.id
        )
        changes = [c for c in report.changes if c.rule_id == rule.id]
        failing = [c for c in changes if c.severity.rank >= fail_on.rank and not c.accepted]
        if failing:
            failures += 1
            failure = ElementTree.SubElement(
                case,
                "failure",
                message=f"{len(failing)} {rule.severity.value} change(s): {rule.title}",
                type=rule.severity.value,
            )
            failure.text = "\n".join(_line(report, c) for c in failing)
        others = [c for c in changes if c not in failing]
        if others:
            ElementTree.SubElement(case, "system-out").text = "\n".join(
                _line(report, c) for c in others
            )
    case = ElementTree.SubElement(
        suite, "testcase", classname="spec-diff.accepted", name="accepted-changes"
    )
    if report.stale:
        text = "\n".join(stale_text(e).replace("`", "") for e in report.stale)
        if strict:
            failures += 1
            element = ElementTree.SubElement(
                case, "failure", message=f"{len(report.stale)} stale entry(ies)", type="stale"
            )
            element.text = text
        else:
            ElementTree.SubElement(case, "system-out").text = text
    suite.set("tests", str(len(RULES) + 1))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ElementTree.indent(suite)
    body = ElementTree.tostring(suite, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _line(report: Report, change: Change) -> str:
    call = report.calls.get(change.endpoint)
    where = f"client.{call}" if call else (change.endpoint or "the whole API")
    if change.path:
        where += f" {change.location.value} {change.path}"
    text = f"{where}: {change.detail}" if change.detail else where
    if change.place is not None:
        side = f" (base revision {change.place.revision})" if change.place.side == "base" else ""
        text = f"{change.place.file}:{change.place.line}{side}: {text}"
    if change.accepted is not None:
        text += f" — accepted: {change.accepted.reason}"
    return text
