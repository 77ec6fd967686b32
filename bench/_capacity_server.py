"""One mock TOP gateway for the capacity benchmark, in its own process.

    python _capacity_server.py ROOT [PROFILE]

Serves the spec under ``ROOT`` with the ``generator`` package found under ``ROOT`` (the tree being
measured, or an older one extracted from git), prints one JSON line with its address and
credentials, and stops when its standard input closes. With ``PROFILE``, the thread serving HTTP
runs under cProfile and its statistics are written there on exit.
"""

from __future__ import annotations

import cProfile
import json
import sys
import threading
from pathlib import Path
from typing import Any

ROOT = Path(sys.argv[1]).resolve()
sys.path.insert(0, str(ROOT))

from generator.mock.gateway import Gateway  # noqa: E402
from generator.mock.server import GatewayServer  # noqa: E402


def main() -> None:
    profile = sys.argv[2] if len(sys.argv) > 2 else None
    profiler = cProfile.Profile()
    if profile:

        def start_profiling(*_: Any) -> None:  # the first event in each new thread
            threading.setprofile(None)
            profiler.enable()

        threading.setprofile(start_profiling)
    server = GatewayServer(Gateway.from_spec(ROOT / "spec"))
    with server:
        threading.setprofile(None)
        print(
            json.dumps(
                {
                    "host": server.host,
                    "port": server.port,
                    "app_key": server.app_key,
                    "app_secret": server.app_secret,
                }
            ),
            flush=True,
        )
        sys.stdin.read()
    if profile:
        profiler.dump_stats(profile)


if __name__ == "__main__":
    main()
