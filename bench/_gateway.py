"""The mock TOP gateway for the throughput benchmark, in its own process.

Serves the project's spec on 127.0.0.1 (a free port), prints one JSON line with its URL and
credentials, and stops when its standard input closes or after ``--limit`` seconds, whichever
comes first. The gateway is the one tests use (it keeps its bounded record of requests).
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.mock.gateway import Gateway  # noqa: E402
from generator.mock.server import GatewayServer  # noqa: E402


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 600.0
    gateway = Gateway.from_spec(ROOT / "spec")
    with GatewayServer(gateway) as server:
        print(
            json.dumps(
                {"url": server.base_url, "app_key": server.app_key, "app_secret": server.app_secret}
            ),
            flush=True,
        )
        done = threading.Event()
        threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
        done.wait(limit)


if __name__ == "__main__":
    main()
