"""``maizuo-gen diff``: what a spec change does to SDK users, for a pull request or for CI.

Exit status: 0 when done, 1 when ``--fail-on`` found a change of that class (or a more severe
one) that no reviewer accepted, or ``--strict`` found a stale accepted-changes entry, 2 when a
side cannot be read (one ``error:`` line names it).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from ..errors import GeneratorError
from .annotations import github
from .files import generated_changes
from .junit import junit
from .places import locate
from .raw import Documents
from .report import Report, as_json, markdown
from .rules import Severity
from .sources import InputError, open_side

EXIT_OK, EXIT_FAIL_ON, EXIT_BAD_INPUT = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``maizuo-gen diff``."""
    side_help = "a spec folder or root file, a git revision (reads its spec/), or REV:PATH"
    parser.add_argument("base", nargs="?", help=f"the old side: {side_help}")
    parser.add_argument("head", nargs="?", help="the new side (default: the working tree's spec)")
    parser.add_argument(
        "--base", dest="base_option", metavar="BASE", help="the old side, as an option"
    )
    parser.add_argument(
        "--head", dest="head_option", metavar="HEAD", help="the new side, as an option"
    )
    parser.add_argument(
        "--spec",
        type=Path,
        default=Path("spec"),
        help="the working tree's spec folder: the default head, and where a revision's spec is read (default: spec/)",
    )
    parser.add_argument(
        "--format",
        choices=("markdown", "json", "github", "junit"),
        default="markdown",
        help="output format: markdown (default), json, github (GitHub Actions annotations on "
        "the spec's lines) or junit (XML, one test case per rule)",
    )
    parser.add_argument(
        "--fail-on",
        choices=(Severity.BREAKING.value, Severity.COMPATIBLE.value),
        help="exit 1 if there is a change of this class or a more severe one that the spec's "
        "accepted-changes.yaml does not accept",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 also when an entry of accepted-changes.yaml matches no change",
    )
    parser.add_argument(
        "--no-files",
        action="store_true",
        help="do not render both sides to list the generated files that change",
    )


def run(args: argparse.Namespace) -> int:
    """Compare, print the report, and exit as described in the module docstring."""
    try:
        base = _side_name("base", args.base, args.base_option)
        head = _side_name("head", args.head, args.head_option) or str(args.spec)
        if base is None:
            raise InputError("no base to compare with: maizuo-gen diff BASE [HEAD], or --base REV")
        report = compare(base, head, spec=args.spec, files=not args.no_files)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    fail_on = Severity(args.fail_on) if args.fail_on is not None else None
    if args.format == "json":
        sys.stdout.write(as_json(report))
    elif args.format == "github":
        sys.stdout.write(github(report, strict=args.strict))
    elif args.format == "junit":
        sys.stdout.write(junit(report, fail_on=fail_on or Severity.BREAKING, strict=args.strict))
    else:
        sys.stdout.write(markdown(report))
    if fail_on is not None and report.has(fail_on):
        return EXIT_FAIL_ON
    if args.strict and report.stale:
        return EXIT_FAIL_ON
    return EXIT_OK


def compare(
    base: str, head: str, *, spec: Path = Path("spec"), files: bool = True, cwd: Path | None = None
) -> Report:
    """The report of ``base`` → ``head``, each a path or a git revision, with each change
    placed at its spec line and the head's accepted changes applied."""
    where = cwd or Path.cwd()
    with ExitStack() as stack:
        old_side = stack.enter_context(open_side("base", base, cwd=where, default_spec=spec))
        new_side = stack.enter_context(open_side("head", head, cwd=where, default_spec=spec))
        (old, old_loaded), (new, new_loaded) = old_side.read_loaded(), new_side.read_loaded()
        accepted = new_side.accepted()
        try:
            changed = generated_changes(old_side.spec, new_side.spec) if files else None
        except GeneratorError as exc:
            raise InputError(f"cannot render the generated files: {exc}") from None
        report = Report.compare(
            base,
            head,
            old,
            new,
            changed,
            documents=Documents(old_loaded.document, new_loaded.document),
            accepted=accepted,
        )
        changes = locate(
            report.changes, old_side.side_map(old_loaded), new_side.side_map(new_loaded)
        )
        return replace(report, changes=changes)


def _side_name(role: str, positional: str | None, option: str | None) -> str | None:
    if positional is not None and option is not None:
        raise InputError(
            f"{role} given twice: as an argument ({positional}) and as --{role} ({option})"
        )
    return positional if positional is not None else option
