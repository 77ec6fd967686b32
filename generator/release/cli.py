"""``maizuo-gen release``: refuse a dirty or stale tree, plan, cut, and say how to commit.

Exit status: 0 released (or rehearsed with ``--dry-run``), 1 refused or failed (the message
says why; the tree is unchanged), 2 bad input (not in a git repository, an invalid spec).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from ..diff.git import GitError, toplevel
from ..diff.sources import InputError
from ..errors import GeneratorError, SpecError
from .changelog import CHANGELOG
from .cut import DIST, Outcome, cut
from .errors import ReleaseError
from .plan import BUMP_CHOICES, Plan, make_plan
from .publish import Index, index_from_environment, require_unpublished
from .repository import GENERATED, SPEC, require_clean, require_fresh

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``maizuo-gen release``."""
    parser.add_argument(
        "--bump",
        choices=BUMP_CHOICES,
        default="auto",
        help="the version bump; auto (default) takes the one the spec diff since the last release implies",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="do everything in a temporary copy and change nothing in the tree",
    )
    parser.add_argument(
        "--publish",
        metavar="REPOSITORY_URL",
        default=None,
        help="also upload the sdist and wheel (twine) to the package index whose upload URL this is;"
        " credentials from MAIZUO_GEN_INDEX_USERNAME/MAIZUO_GEN_INDEX_PASSWORD or"
        " TWINE_USERNAME/TWINE_PASSWORD (never published without this option, nor by --dry-run)",
    )
    parser.add_argument(
        "--date",
        type=_date,
        default=None,
        help="the release date in the changelog, YYYY-MM-DD (default: today)",
    )


def run(args: argparse.Namespace) -> int:
    """Release the repository around the working folder; see the module docstring for exits."""
    try:
        root = toplevel(Path.cwd())
    except GitError as exc:
        print(f"error: release needs a git repository: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    date = args.date or datetime.date.today().isoformat()
    try:
        index = index_from_environment(args.publish) if args.publish else None
        require_clean(root)
        require_fresh(root)
        plan = make_plan(root, args.bump)
        if index is not None:
            require_unpublished(index, plan.api.distribution, str(plan.version))
        outcome = cut(root, plan, date, dry_run=args.dry_run, publish=index)
    except SpecError as exc:
        print(
            f"error: the spec is invalid: {exc.problems[0] if exc.problems else exc}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except (InputError, GeneratorError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ReleaseError, GitError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    sys.stdout.write(summary(plan, outcome, date, dry_run=args.dry_run, index=index))
    return EXIT_OK


def summary(
    plan: Plan, outcome: Outcome, date: str, *, dry_run: bool, index: Index | None = None
) -> str:
    """What was done, and the git commands that finish the release."""
    since = f"since {plan.previous.name}" if plan.previous else "first release"
    how = plan.bump.label if plan.bump.value else "as written in the spec"
    lines = [
        f"{'Dry run: would release' if dry_run else 'Released'} {plan.api.distribution} {plan.version}"
        f" ({since}; bump: {how}; {date})",
    ]
    if plan.report is not None:
        counts = ", ".join(f"{n} {s.value}" for s, n in plan.report.counts().items())
        lines.append(f"  spec changes: {counts}")
    version = (
        f"{plan.current} → {plan.version}"
        if plan.current != plan.version
        else f"stays {plan.version}"
    )
    regenerated = len(outcome.changed) - 1
    lines += [
        f"  {SPEC}/openapi.yaml: info.version {version}",
        f"  {GENERATED}/: {CHANGELOG} entry added, {regenerated} other file{'s' if regenerated != 1 else ''} regenerated",
        *(f"  {DIST}/{name}" for name in outcome.distributions),
        f"  smoke test: wheel installed in a fresh virtualenv, {outcome.smoke.call}(...)"
        f" on the mock gateway returned {outcome.smoke.response}",
    ]
    if index is not None:
        lines.append(
            f"  would upload both to {index.shown()} (not there yet)"
            if dry_run
            else f"  uploaded both to {index.shown()}"
        )
    if dry_run:
        lines.append("Nothing in the tree changed; run without --dry-run to release.")
        return "\n".join(lines) + "\n"
    lines += [
        "Now commit, tag and push (this command does none of it):",
        f"  git add {SPEC}/openapi.yaml {GENERATED}",
        f'  git commit -m "Release SDK {plan.version}"',
        f'  git tag -a {plan.tag} -m "SDK {plan.version}"',
        f"  git push origin HEAD {plan.tag}",
    ]
    return "\n".join(lines) + "\n"


def _date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None
