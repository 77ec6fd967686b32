"""Calls per second against two servers on 127.0.0.1, and client CPU time per call.

The servers: a minimal canned-reply server (``_canned.py``: every request gets the same valid
``user.authcode.send`` reply, no checks), so cheap that the client is what is measured; and the
project's mock TOP gateway (``_gateway.py``: signature, parameters, records), as a partner's
test setup would be. Each server runs in a process of its own pinned with ``taskset`` to one
core, each client in a new process pinned to the other (so the two never compete for a core).
Against each server, in turn, several rounds, the order rotating each round: our sync client
(keep-alive, its own transport), our async client (32 calls in flight, its own transport), the
same two through httpx (as with ``http_client=`` or a proxy), the async client on uvloop (when
uvloop is installed), and ``topsdk``. Each client reports its own user + sys CPU time over the
calls it made; the server's CPU time over the same span is read from ``/proc``. Every loop is
bounded by a count of calls and by a time limit.

The gateway's own capacity is measured without HTTP too: :meth:`Gateway.handle` on a valid
signed form, in a process of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field

from _common import BENCH, OUR_PYTHON, PEER_PYTHON, ROOT, WORK, Summary, child_json, clean_env

SERVERS = ("canned", "gateway")
SERVER_CORE, CLIENT_CORE = "1", "0"
_TICK = os.sysconf("SC_CLK_TCK")


UVLOOP = WORK / "uvloop"
"""uvloop from PyPI, seen only by the client that runs on it (in the project's virtualenv it
would also become the mock gateway's loop, through uvicorn)."""


def sides() -> tuple[str, ...]:
    """Every client measured: the targets' sides, httpx for comparison, uvloop when it could
    be installed."""
    if not (UVLOOP / "uvloop").exists():
        print("installing uvloop from PyPI into .bench-work/uvloop", flush=True)
        subprocess.run(
            [str(OUR_PYTHON), "-m", "pip", "install", "--quiet", "--target", str(UVLOOP), "uvloop"],
            capture_output=True,
        )
    uvloop = ("ours-async-uvloop",) if (UVLOOP / "uvloop").exists() else ()
    return ("ours-sync", "ours-async", *uvloop, "ours-sync-httpx", "ours-async-httpx", "topsdk")


_HANDLE = """
import json, sys, time
from datetime import datetime, timezone, timedelta
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from generator.mock.gateway import Gateway
from generator.mock.form import parse_form
from damai_maizuo._encoding import encode_params
from damai_maizuo._signing import build_request
from damai_maizuo._models import validate_params
from damai_maizuo.endpoints import user_authcode_send as ep

gateway = Gateway.from_spec(Path(sys.argv[1]) / "spec")
param0 = json.loads(sys.argv[2])
business = encode_params(validate_params(ep.UserAuthcodeSendParams, {"param0": param0}))

def form():
    now = datetime.now(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M:%S")
    request = build_request(
        ep.USER_AUTHCODE_SEND, business, app_key=gateway.credentials.app_key,
        app_secret=gateway.credentials.app_secret, sign_method="hmac-sha256", format="json",
        simplify=False, session=None, partner_id=None, target_app_key=None, timestamp=now,
        base_url="http://127.0.0.1/router/rest",
    )
    query = request.url.split("?", 1)[1].encode()
    return parse_form(query) + parse_form(request.body)

signed = form()
for _ in range(200):
    assert gateway.handle("POST", signed).status == 200
best = float("inf")
for _ in range(5):
    signed = form()
    start = time.perf_counter()
    for _ in range(1000):
        gateway.handle("POST", signed)
    best = min(best, (time.perf_counter() - start) / 1000)
print(json.dumps({"per_call": best}))
"""


@dataclass
class SideResult:
    rate: list[float] = field(default_factory=list)
    cpu_us: list[float] = field(default_factory=list)
    server_cpu_us: list[float] = field(default_factory=list)
    server_busy: list[float] = field(default_factory=list)
    """The server's CPU seconds per wall second of the client's run (1.0: its core was full)."""


@dataclass
class Throughput:
    servers: dict[str, dict[str, SideResult]]
    handle_us: list[float]


def _cpu_of(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def _start(server: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    script = BENCH / ("_canned.py" if server == "canned" else "_gateway.py")
    process = subprocess.Popen(
        ["taskset", "-c", SERVER_CORE, str(OUR_PYTHON), str(script), "900"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=clean_env(),
        text=True,
    )
    assert process.stdout is not None
    info: dict[str, str] = json.loads(process.stdout.readline())
    info.setdefault("app_key", "12345678")
    info.setdefault("app_secret", "canned-secret")
    return process, info


def _stop(process: subprocess.Popen[str]) -> None:
    if process.stdin is not None:
        process.stdin.close()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def run(quick: bool) -> Throughput:
    rounds = 2 if quick else 5
    calls = {"ours-sync": 3000, "ours-async": 6000, "ours-async-uvloop": 6000, "topsdk": 1500}
    calls.update({"ours-sync-httpx": 1500, "ours-async-httpx": 1500})
    if quick:
        calls = {k: v // 3 for k, v in calls.items()}
    seconds = 4.0
    generated = ROOT / "generated"
    measured = sides()
    result = Throughput({}, [])
    for server in SERVERS:
        process, info = _start(server)
        results = result.servers[server] = {side: SideResult() for side in measured}
        try:
            for r in range(rounds):
                order = measured[r % len(measured) :] + measured[: r % len(measured)]
                for side in order:
                    python = PEER_PYTHON if side == "topsdk" else OUR_PYTHON
                    before = _cpu_of(process.pid)
                    got = child_json(
                        [
                            "taskset",
                            "-c",
                            CLIENT_CORE,
                            python,
                            "-W",
                            "ignore",
                            BENCH / "_client_child.py",
                            side,
                            info["url"],
                            info["app_key"],
                            info["app_secret"],
                            str(calls[side]),
                            str(seconds),
                        ],
                        PYTHONPATH=os.pathsep.join(
                            [str(generated), *([str(UVLOOP)] if "uvloop" in side else [])]
                        ),
                    )
                    spent = _cpu_of(process.pid) - before
                    one = results[side]
                    one.rate.append(got["calls"] / got["seconds"])
                    one.cpu_us.append(got["cpu"] / got["calls"] * 1e6)
                    one.server_cpu_us.append(spent / got["calls"] * 1e6)
                    one.server_busy.append(spent / got["seconds"])
                print(
                    f"  {server}, round {r + 1}/{rounds}: "
                    + ", ".join(f"{s} {results[s].rate[-1]:.0f}/s" for s in measured),
                    flush=True,
                )
        finally:
            _stop(process)
    param0 = json.dumps(
        {
            "ptnr_token": "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+",
            "user_phone": "139xxxx4567",
            "code_type": 1,
            "tenant_token": "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",
            "channel_token": "nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic",
        }
    )
    for _ in range(1 if quick else 3):
        got = child_json([OUR_PYTHON, "-c", _HANDLE, str(ROOT), param0], PYTHONPATH=str(generated))
        result.handle_us.append(got["per_call"] * 1e6)
    return result


NAMES = {
    "ours-sync": "ours, sync `Client` (keep-alive)",
    "ours-async": "ours, `AsyncClient`, 32 in flight",
    "ours-async-uvloop": "ours, `AsyncClient`, 32 in flight, on uvloop",
    "ours-sync-httpx": "ours, sync `Client` through httpx",
    "ours-async-httpx": "ours, `AsyncClient` through httpx, 32 in flight",
    "topsdk": "topsdk (PyPI), a connection per call",
}


def rows(result: Throughput, server: str) -> tuple[list[list[str]], list[str]]:
    """The table of one server's runs, and the targets' verdicts on them."""
    results = result.servers[server]
    top_rate = Summary.of(results["topsdk"].rate).median
    top_cpu = Summary.of(results["topsdk"].cpu_us).median
    table = []
    for side, one in results.items():
        rate, cpu = Summary.of(one.rate), Summary.of(one.cpu_us)
        table.append(
            [
                NAMES[side],
                rate.show("calls/s", 0),
                f"{rate.median / top_rate:.2f}",
                cpu.show("µs", 0),
                f"{cpu.median / top_cpu:.2f}",
                Summary.of(one.server_cpu_us).show("µs", 0),
                _share(one.server_busy),
            ]
        )
    sync = Summary.of(results["ours-sync"].rate).median
    async_ = Summary.of(results["ours-async"].rate).median
    sync_cpu = Summary.of(results["ours-sync"].cpu_us).median
    async_cpu = Summary.of(results["ours-async"].cpu_us).median
    where = "canned-reply server" if server == "canned" else "mock gateway"
    verdicts = [
        _verdict(
            f"sync client ≥ 1.5 × topsdk's calls/s ({where})",
            sync >= 1.5 * top_rate,
            f"{sync:.0f} vs {top_rate:.0f} calls/s = {sync / top_rate:.2f} ×",
        ),
        _verdict(
            f"sync client CPU per call ≤ 0.7 × topsdk's ({where})",
            sync_cpu <= 0.7 * top_cpu,
            f"{sync_cpu:.0f} vs {top_cpu:.0f} µs = {sync_cpu / top_cpu:.2f} ×",
        ),
        _verdict(
            f"async client (32 in flight) ≥ 4 × topsdk's calls/s ({where})",
            async_ >= 4 * top_rate,
            f"{async_:.0f} vs {top_rate:.0f} calls/s = {async_ / top_rate:.2f} ×"
            + _bound(results, server),
        ),
        _verdict(
            f"async client CPU per call ≤ 0.5 × topsdk's ({where})",
            async_cpu <= 0.5 * top_cpu,
            f"{async_cpu:.0f} vs {top_cpu:.0f} µs = {async_cpu / top_cpu:.2f} ×",
        ),
    ]
    return table, verdicts


def _share(values: list[float]) -> str:
    busy = Summary.of(values)
    return f"{busy.median:.0%} ({busy.low:.0%}–{busy.high:.0%})"


def _bound(results: dict[str, SideResult], server: str) -> str:
    """What bounds the async figure when the server's core was full."""
    busy = Summary.of(results["ours-async"].server_busy).median
    if server != "gateway" or busy < 0.9:
        return ""
    capacity = 1e6 / Summary.of(results["ours-async"].server_cpu_us).median
    return (
        f"; the gateway's core was {busy:.0%} busy: it serves about {capacity:.0f} calls/s, "
        "so here the gateway, not the client, sets the rate"
    )


def gateway_rows(result: Throughput) -> list[list[str]]:
    handle = Summary.of(result.handle_us)
    rows_ = [
        [
            "`Gateway.handle` in process (checks, signature, validation, reply), one core",
            handle.show("µs", 0),
            f"{1e6 / handle.median:.0f} calls/s",
        ]
    ]
    for side, one in result.servers["gateway"].items():
        gw = Summary.of(one.server_cpu_us)
        rows_.append(
            [
                f"gateway process over HTTP, serving {side}",
                gw.show("µs", 0),
                f"{1e6 / gw.median:.0f} calls/s",
            ]
        )
    return rows_


def _verdict(target: str, met: bool, figure: str) -> str:
    return f"{'MET' if met else 'MISSED'}: {target} — {figure}"


if __name__ == "__main__":
    measured = run("--quick" in sys.argv)
    for server in SERVERS:
        table, verdicts = rows(measured, server)
        print(server, *table, *verdicts, sep="\n")
