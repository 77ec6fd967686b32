"""Spec diff: what a change of the spec does to users of the generated SDK.

Two specs are compared as IRs (:mod:`generator.ir`), never as YAML text, so a reformatted or
reordered file is no change and a renamed Python class is one. The flow, one module per step:
:mod:`.sources` reads each side (a folder, a file or a git revision) → :mod:`.compare` walks the
two IRs and emits :class:`~.changes.Change` records, each classified by a rule of
:mod:`.rules` → :mod:`.semver` turns the classes into a version bump → :mod:`.report` prints
Markdown or JSON (:mod:`.annotations` and :mod:`.junit` for CI); :mod:`.cli` wires this into
``maizuo-gen diff``. Around that: :mod:`.limits` bounds what a side may hold, :mod:`.raw`
reads what the IR does not carry, :mod:`.places` puts each change on its spec line, and
:mod:`.accepted` applies the reviewers' accepted changes.
"""

from .changes import Change, Location
from .compare import diff_apis
from .report import Report
from .rules import Severity
from .semver import Bump, Version

__all__ = ["Bump", "Change", "Location", "Report", "Severity", "Version", "diff_apis"]
