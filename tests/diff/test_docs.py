"""The README's rule table is the rule catalogue: same rules, same classes, same order."""

from __future__ import annotations

import re

from generator.diff.rules import RULES

from .specs import ROOT

_ROW = re.compile(r"^\| `([a-z-]+)` \| (breaking|compatible|docs-only) \|", re.M)


def test_docs_table_matches_the_catalogue() -> None:
    rows = _ROW.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert rows == [(rule.id, rule.severity.value) for rule in RULES.values()]
