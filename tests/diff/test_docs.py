"""The review guide's rule table is the rule catalogue: same rules, same classes, same order.

The guide is ``docs-review.md`` until it is folded into the README; the test reads whichever
holds the table.
"""

from __future__ import annotations

import re

from generator.diff.rules import RULES

from .specs import ROOT

_ROW = re.compile(r"^\| `([a-z-]+)` \| (breaking|compatible|docs-only) \|", re.M)


def test_docs_table_matches_the_catalogue() -> None:
    guides = [ROOT / "docs-review.md", ROOT / "README.md"]
    tables = [_ROW.findall(p.read_text(encoding="utf-8")) for p in guides if p.exists()]
    [rows] = [table for table in tables if table]
    assert rows == [(rule.id, rule.severity.value) for rule in RULES.values()]
