"""``maizuo-gen mock``: the arguments it takes and running it.

``generator.cli`` adds a ``mock`` sub-command with :func:`add_arguments` and calls :func:`run`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ..errors import SpecError
from .gateway import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, DEFAULT_SESSION, Gateway
from .scenario_file import ScenarioError, load_scenarios


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``maizuo-gen mock``."""
    parser.add_argument("--spec", type=Path, default=Path("spec"), help="spec folder (spec/)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8900, help="port to listen on (8900)")
    parser.add_argument(
        "--app-key", default=DEFAULT_APP_KEY, help=f"the app key it accepts ({DEFAULT_APP_KEY})"
    )
    parser.add_argument(
        "--app-secret",
        default=DEFAULT_APP_SECRET,
        help="the app secret it signs with (the one of TOP's signing example)",
    )
    parser.add_argument(
        "--session",
        default=DEFAULT_SESSION,
        help=f"the session it accepts for APIs that need one ({DEFAULT_SESSION})",
    )
    parser.add_argument(
        "--scenarios", type=Path, default=None, help="YAML file of scenarios to answer with"
    )


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted (Ctrl-C): 0; a bad spec, scenarios file or address: one line
    on stderr, 2."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        from .server import serve
    except ImportError as exc:
        return _fail(f"needs the mock extra ({exc.name} is missing): pip install -e '.[mock]'")
    try:
        gateway = Gateway.from_spec(
            args.spec, app_key=args.app_key, app_secret=args.app_secret, session=args.session
        )
        for scenario in load_scenarios(args.scenarios) if args.scenarios is not None else []:
            gateway.scenarios.add(scenario)
        serve(gateway, args.host, args.port)
    except SpecError as exc:
        first, *more = exc.problems or [exc]
        extra = f" (and {len(more)} more; see `maizuo-gen validate`)" if more else ""
        return _fail(f"{first}{extra}")
    except ScenarioError as exc:
        return _fail(str(exc))
    except ValueError as exc:  # empty credentials
        return _fail(str(exc))
    except KeyboardInterrupt:  # serve closes the connections on Ctrl-C, then raises it again
        return 0
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return _fail(f"cannot listen on {args.host}:{args.port}: {reason}")
    return 0


def _fail(message: str) -> int:
    print(f"maizuo-gen mock: {message}", file=sys.stderr)
    return 2
