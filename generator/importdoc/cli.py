"""``maizuo-gen import-doc PAGE... [--spec spec/] [--force] [--dry-run]``.

Exit status: 0 when the spec now describes every page (or would, with ``--dry-run``); 1 when an
endpoint file differs from what the import writes (edited by hand) and ``--force`` was not given
(the diff is shown); 2 when a page cannot be read (``page:line: what is wrong`` and the line's
text) or the spec cannot take it. Nothing is written unless the whole import can be done.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .page import PageError
from .plan import Change, ImportFailure, apply, plan_import, shown_path

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The command's arguments, on the parser of its sub-command."""
    parser.add_argument("pages", nargs="+", type=Path, metavar="PAGE", help="TOP doc page (.txt)")
    parser.add_argument(
        "--spec", type=Path, default=Path("spec"), help="spec folder or root file (default: spec/)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite endpoint files that were edited by hand"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )


def run(args: argparse.Namespace) -> int:
    """Import ``args.pages`` into ``args.spec``; returns the exit status."""
    try:
        changes = plan_import(args.pages, args.spec)
    except (PageError, ImportFailure) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    refused = [c for c in changes if c.hand_edited and not args.force]
    for change in refused:
        sys.stdout.write(change.diff())
        print(
            f"{shown_path(change.path)}: differs from what the import writes (edited by "
            "hand?); the changes are shown above; rerun with --force to overwrite",
            file=sys.stderr,
        )
    if refused:
        print("nothing written", file=sys.stderr)
        return EXIT_REFUSED
    if args.dry_run:
        for change in changes:
            sys.stdout.write(change.diff())
    else:
        apply(changes)
    for change in changes:
        print(f"{shown_path(change.path)}: {_outcome(change, dry_run=args.dry_run)}")
    return EXIT_OK


def _outcome(change: Change, *, dry_run: bool) -> str:
    if not change.changed:
        return "unchanged"
    verb = "created" if change.old is None else "updated"
    return f"would be {verb}" if dry_run else verb
