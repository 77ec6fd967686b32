"""Carry out a plan: version, regenerate, changelog, build, smoke test — in a scratch copy.

Everything happens in a temporary copy of ``spec/`` and ``generated/``; only when the wheel has
been built and has passed its smoke test are the distributions uploaded to the package index
(with ``--publish``), and then the new ``spec/openapi.yaml``, ``generated/`` and the
distributions brought into the tree (neither on a dry run). A failed release changes nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..generate import build, check, generate
from ..out_folder import real_output
from ..specfile import ROOT_FILE
from .changelog import CHANGELOG, entry, prepend
from .errors import ReleaseError
from .package import build_distributions
from .plan import Plan
from .publish import Index, upload
from .repository import GENERATED, SPEC
from .smoke import SmokeResult, smoke_test
from .spec_version import set_spec_version

DIST = Path("dist")


@dataclass(frozen=True)
class Outcome:
    distributions: tuple[str, ...]
    """File names of the sdist and the wheel."""
    changed: tuple[str, ...]
    """Paths under ``generated/`` that the release rewrote (CHANGELOG.md included)."""
    smoke: SmokeResult


def cut(
    root: Path, plan: Plan, date: str, *, dry_run: bool, publish: Index | None = None
) -> Outcome:
    """Release ``plan`` from the tree at ``root``, uploading it to ``publish`` when given; with
    ``dry_run``, leave the tree (and the index) untouched."""
    if not dry_run:  # refuse now what would refuse the result at the end, after an upload
        real_output(root / GENERATED, root / SPEC, writing=True)
    with tempfile.TemporaryDirectory(prefix="maizuo-release-") as tmp:
        work = Path(tmp)
        for folder in (SPEC, GENERATED):
            shutil.copytree(root / folder, work / folder, symlinks=True)
        set_spec_version(work / SPEC / ROOT_FILE, str(plan.version))
        changes = generate(work / SPEC, work / GENERATED)
        report = plan.report
        text = entry(
            str(plan.version), date, report.changes if report else (), plan.calls, plan.notes
        )
        prepend(work / GENERATED / CHANGELOG, text)
        dists = build_distributions(work / GENERATED, work / DIST)
        smoke = smoke_test(dists.wheel, work / SPEC, build(work / SPEC), work / "venv")
        if not dry_run:
            if publish is not None:
                upload(publish, (dists.sdist, dists.wheel))
            _bring_back(root, work, (dists.sdist, dists.wheel))
    changed = (*changes.added, *changes.changed, *changes.removed, CHANGELOG)
    return Outcome((dists.sdist.name, dists.wheel.name), tuple(sorted(set(changed))), smoke)


def _bring_back(root: Path, work: Path, distributions: tuple[Path, ...]) -> None:
    shutil.copyfile(work / SPEC / ROOT_FILE, root / SPEC / ROOT_FILE)
    shutil.copyfile(work / GENERATED / CHANGELOG, root / GENERATED / CHANGELOG)
    generate(root / SPEC, root / GENERATED)
    if check(root / SPEC, root / GENERATED):
        raise ReleaseError(f"{GENERATED}/ differs from what the release built; run `make generate`")
    (root / DIST).mkdir(exist_ok=True)
    for path in distributions:
        shutil.copyfile(path, root / DIST / path.name)
