"""``make bench``: every benchmark against its peer, a table on stdout and in BENCHMARKS.md.

    .venv/bin/python bench/run.py            # the full run (well under 20 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick    # a smoke run: small sizes, few rounds

The peers (openapi-python-client, topsdk) are installed from PyPI into ``.bench-venv`` on the
first run, never into the project's own virtualenv. Scratch files go to ``.bench-work/``.
Figures are medians of the rounds, with min–max in brackets; each comparison runs both sides in
the same run, interleaved. These are measurements, not tests: nothing here fails on a figure.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gateway_capacity
import generation
import overhead
import throughput
from _common import ROOT, WORK, ensure_peer_venv, machine, peer_version

OUTPUT = ROOT / "BENCHMARKS.md"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fast smoke run")
    parser.add_argument(
        "--only",
        choices=("generation", "overhead", "throughput", "capacity"),
        action="append",
        help="run only these parts (BENCHMARKS.md is then not written)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the report")
    args = parser.parse_args()
    parts = args.only or ["generation", "overhead", "throughput", "capacity"]
    ensure_peer_venv()
    WORK.mkdir(exist_ok=True)
    started = time.monotonic()
    sections: list[str] = []
    verdicts: list[str] = []

    if "generation" in parts:
        print("generation: maizuo-gen vs openapi-python-client", flush=True)
        sizes, imports = generation.run(args.quick)
        rows, found = generation.rows(sizes, imports)
        verdicts += found
        sections.append(
            "## 1. Generation (synthetic TOP specs)\n\n"
            "Ours: `maizuo-gen generate` in a new process each time — *cold*: empty output folder "
            "and no cache; *warm*: the same spec again; *one changed*: one endpoint's description "
            "edited. Theirs: `openapi-python-client generate` (default config, so its ruff hooks "
            "run) on the equivalent single-file document, from scratch each time (it has no "
            "incremental mode). Wall seconds unless marked CPU (user + sys of the process and "
            "its workers).\n\n"
            + table(
                [
                    "endpoints",
                    "ours cold",
                    "ours cold CPU",
                    "ours warm, unchanged",
                    "ours one changed",
                    "theirs",
                    "theirs CPU",
                    "files ours / theirs",
                    "cold ours/theirs",
                    "one changed ours/theirs",
                ],
                rows,
            )
            + "\n\nImport of the generated package (new process, bytecode already compiled; "
            "*ready to call*: ours builds a `Client` and reaches `client.perform.info.query`, "
            "theirs imports that endpoint's module and builds a `Client`):\n\n"
            + table(["", "ours", "theirs", "ours/theirs"], generation.import_rows(imports))
        )

    if "overhead" in parts:
        print("client overhead per call: ours vs topsdk", flush=True)
        result = overhead.run(args.quick)
        rows, found = overhead.rows(result)
        verdicts += found
        sections.append(
            "## 2. Client overhead per call (in process, no network)\n\n"
            "Ours: validate and encode the parameters of `user.authcode.send`, build and sign the "
            "request (timestamp included), decode the reply into the response model — the runtime's "
            "sans-I/O functions as the client chains them. topsdk: its own `getResponse` with the "
            "HTTP connection replaced by an in-memory one answering the same reply (parameter "
            "collection, signing, URL and body encoding, JSON decoding). Best batch per process, "
            "median of processes.\n\n" + table(["", "µs per call", "ours/topsdk"], rows)
        )

    if "throughput" in parts:
        print("calls per second: a canned-reply server and the mock gateway", flush=True)
        result = throughput.run(args.quick)
        header = [
            "client",
            "calls/s",
            "× topsdk",
            "client CPU per call",
            "CPU × topsdk",
            "server CPU per call",
            "server core busy",
        ]
        tables = {}
        for server in throughput.SERVERS:
            rows, found = throughput.rows(result, server)
            verdicts += found
            tables[server] = table(header, rows)
        sections.append(
            "## 3. Calls per second on 127.0.0.1\n\n"
            "`user.authcode.send`, each client in its own process pinned (`taskset`) to one core, "
            "the server in another pinned to the other core. *Client CPU* is user + sys of the "
            "client process per call; *server CPU* is the server process's over the same span, "
            "and *server core busy* its CPU seconds per second of the run (near 100 %: the "
            "server sets the rate). Ours through httpx is what a caller gets with "
            "`http_client=` or a proxy in the environment.\n\n"
            "Against a minimal canned-reply server (`bench/_canned.py`: the same valid reply to "
            "every request, no checks; it cannot be the bottleneck):\n\n"
            + tables["canned"]
            + "\n\nAgainst the mock TOP gateway (`bench/_gateway.py`: signature, parameters, "
            "records):\n\n"
            + tables["gateway"]
            + "\n\nThe gateway's own capacity (one core):\n\n"
            + table(["", "CPU per call", "capacity"], throughput.gateway_rows(result))
        )

    if "capacity" in parts:
        print("the mock gateway's capacity: its HTTP stack against the one it replaced", flush=True)
        result = gateway_capacity.run(args.quick)
        rows, found = gateway_capacity.rows(result)
        verdicts += found
        sections.append(
            "## 4. The mock gateway's capacity on one core\n\n"
            + gateway_capacity.DESCRIPTION
            + "\n\n"
            + table(gateway_capacity.HEADER, rows)
        )

    elapsed = time.monotonic() - started
    versions = (
        f"openapi-python-client {peer_version('openapi-python-client')}, "
        f"topsdk {peer_version('topsdk')} (both from PyPI, in `.bench-venv`)"
    )
    report = (
        "# Benchmarks\n\n"
        f"{'`bench/run.py --quick` (a smoke run)' if args.quick else '`make bench`'}, "
        f"{datetime.date.today().isoformat()}, {elapsed / 60:.1f} minutes.\n\n"
        f"Machine: {machine()}. Shared and noisy: other work may run at the same time, so "
        "read the min–max beside each median. Peers: "
        + versions
        + ".\n\n"
        + "\n\n".join(sections)
        + "\n\n## Targets\n\n"
        + "\n".join(f"- {v}" for v in verdicts)
        + "\n"
    )
    print()
    print(report)
    if args.only is None:
        args.output.write_text(report, encoding="utf-8")
        print(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
