"""``maizuo-gen``: the command line. User errors print ``file:line: pointer: message`` and exit 2."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .errors import GeneratorError, SpecError

EXIT_OK, EXIT_STALE, EXIT_USAGE = 0, 1, 2


def _generate(args: argparse.Namespace) -> int:
    from .generate import generate

    changes = generate(args.spec, args.out, format_all=args.format)
    if changes:
        print(
            f"{args.out}: {len(changes.added)} added, {len(changes.changed)} changed, {len(changes.removed)} removed"
        )
        print(changes.summary())
    else:
        print(f"{args.out}: up to date")
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from .generate import build

    api = build(args.spec)
    print(f"{args.spec}: valid ({len(api.operations)} endpoints)")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .generate import verify

    changes, unstable = verify(args.spec, args.out)
    if changes:
        print(
            f"{args.out} is stale: `make generate` would change these files:",
            file=sys.stderr,
        )
        print(changes.summary(), file=sys.stderr)
    for path in unstable:
        print(
            f"{args.out / path}: black would change this generated file; the template that"
            " writes it must lay code out as black does (until it is fixed,"
            " `maizuo-gen generate --format` runs black over every file)",
            file=sys.stderr,
        )
    if changes or unstable:
        return EXIT_STALE
    print(f"{args.out}: up to date with {args.spec}")
    return EXIT_OK


def _spec_and_out(parser: argparse.ArgumentParser, *, out: bool = True) -> None:
    parser.add_argument(
        "--spec",
        type=Path,
        default=Path("spec"),
        help="spec folder or root file (default: spec/)",
    )
    if out:
        parser.add_argument(
            "--out",
            type=Path,
            default=Path("generated"),
            help="output folder (default: generated/)",
        )


# Commands that live in their own package, imported only when chosen (the common path, an
# unchanged `generate`, stays fast): name → (module with add_arguments and run, help).
_PACKAGED = {
    "import-doc": (
        "generator.importdoc.cli",
        "write endpoints into the spec from TOP doc pages",
    ),
    "diff": (
        "generator.diff.cli",
        "report what a spec change does to SDK users, and the version bump",
    ),
    "release": (
        "generator.release.cli",
        "cut an SDK release: bump, regenerate, changelog, build, smoke test",
    ),
    "mock": (
        "generator.mock.cli",
        "serve a TOP gateway that answers from the spec, for tests",
    ),
}


def parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; only the ``chosen`` command's package is imported to build it."""
    main = argparse.ArgumentParser(
        prog="maizuo-gen",
        description="Generate the Damai Maizuo SDK from its OpenAPI spec.",
    )
    main.add_argument("--version", action="version", version=f"maizuo-gen {__version__}")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    generate = command("generate", "regenerate the output folder from the spec", _generate)
    _spec_and_out(generate)
    generate.add_argument(
        "--format",
        action="store_true",
        help="run black over every generated Python file (by default only over those it may"
        " change; `check` has black judge them all)",
    )
    _spec_and_out(
        command("validate", "check the spec and report every problem", _validate),
        out=False,
    )
    _spec_and_out(
        command(
            "check",
            "exit 1 if the output folder is not what the spec generates",
            _check,
        )
    )
    for name, (module_name, help_text) in _PACKAGED.items():
        if name == chosen:
            module = importlib.import_module(module_name)
            module.add_arguments(command(name, help_text, module.run))
        else:
            commands.add_parser(name, help=help_text)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = parser(chosen).parse_args(argv)
    try:
        result: int = args.handler(args)
        return result
    except SpecError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; the output folder is unchanged or complete", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (``| head``): the work is done, say no more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # as a shell reports a writer ended by SIGPIPE
    except Exception as exc:  # a bug: say so in one line, and give the traceback only on request
        if os.environ.get("MAIZUO_GEN_DEBUG"):
            traceback.print_exc()
        print(
            f"internal error: {type(exc).__name__}: {exc} (set MAIZUO_GEN_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
