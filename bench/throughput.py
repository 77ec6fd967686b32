"""Calls per second against the mock TOP gateway on 127.0.0.1, and CPU time per call.

The gateway runs in its own process (``_gateway.py``); each client runs in a new process of its
own (``_client_child.py``), in turn, several rounds, the order rotating each round: our sync
client (keep-alive), our async client (32 calls in flight), and ``topsdk``. Each client reports
its own user + sys CPU time over the calls it made; the gateway's CPU time over the same span is
read from ``/proc``. Every loop is bounded by a count of calls and by a time limit.

The gateway's own capacity is measured without HTTP too: :meth:`Gateway.handle` on a valid
signed form, in a process of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field

from _common import BENCH, OUR_PYTHON, PEER_PYTHON, ROOT, Summary, child_json, clean_env

SIDES = ("ours-sync", "ours-async", "topsdk")
_TICK = os.sysconf("SC_CLK_TCK")

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
    gateway_cpu_us: list[float] = field(default_factory=list)


@dataclass
class Throughput:
    sides: dict[str, SideResult]
    handle_us: list[float]


def _gateway_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


def run(quick: bool) -> Throughput:
    rounds = 2 if quick else 5
    calls = {"ours-sync": 1500, "ours-async": 3000, "topsdk": 1500}
    if quick:
        calls = {k: v // 3 for k, v in calls.items()}
    seconds = 8.0
    generated = ROOT / "generated"
    gateway = subprocess.Popen(
        [str(OUR_PYTHON), str(BENCH / "_gateway.py"), "900"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=clean_env(),
        text=True,
    )
    try:
        assert gateway.stdout is not None
        info = json.loads(gateway.stdout.readline())
        result = Throughput({side: SideResult() for side in SIDES}, [])
        for r in range(rounds):
            order = SIDES[r % 3 :] + SIDES[: r % 3]
            for side in order:
                python = PEER_PYTHON if side == "topsdk" else OUR_PYTHON
                before = _gateway_cpu(gateway.pid)
                got = child_json(
                    [
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
                    PYTHONPATH=str(generated),
                )
                spent = _gateway_cpu(gateway.pid) - before
                one = result.sides[side]
                one.rate.append(got["calls"] / got["seconds"])
                one.cpu_us.append(got["cpu"] / got["calls"] * 1e6)
                one.gateway_cpu_us.append(spent / got["calls"] * 1e6)
            print(
                f"  round {r + 1}/{rounds}: "
                + ", ".join(f"{s} {result.sides[s].rate[-1]:.0f}/s" for s in SIDES),
                flush=True,
            )
    finally:
        if gateway.stdin is not None:
            gateway.stdin.close()
        try:
            gateway.wait(timeout=20)
        except subprocess.TimeoutExpired:
            gateway.kill()
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


def rows(result: Throughput) -> tuple[list[list[str]], list[str]]:
    top = result.sides["topsdk"]
    top_rate = Summary.of(top.rate).median
    top_cpu = Summary.of(top.cpu_us).median
    table = []
    names = {
        "ours-sync": "ours, sync `Client` (keep-alive)",
        "ours-async": "ours, `AsyncClient`, 32 in flight",
        "topsdk": "topsdk (PyPI), a connection per call",
    }
    for side in SIDES:
        one = result.sides[side]
        rate, cpu = Summary.of(one.rate), Summary.of(one.cpu_us)
        table.append(
            [
                names[side],
                rate.show("calls/s", 0),
                f"{rate.median / top_rate:.2f}",
                cpu.show("µs", 0),
                f"{cpu.median / top_cpu:.2f}",
                Summary.of(one.gateway_cpu_us).show("µs", 0),
            ]
        )
    sync = Summary.of(result.sides["ours-sync"].rate).median
    async_ = Summary.of(result.sides["ours-async"].rate).median
    sync_cpu = Summary.of(result.sides["ours-sync"].cpu_us).median
    async_cpu = Summary.of(result.sides["ours-async"].cpu_us).median
    capacity = 1e6 / min(Summary.of(one.gateway_cpu_us).median for one in result.sides.values())
    verdicts = [
        _verdict(
            "sync client ≥ 1.5 × topsdk's calls/s",
            sync >= 1.5 * top_rate,
            f"{sync:.0f} vs {top_rate:.0f} calls/s = {sync / top_rate:.2f} ×",
        ),
        _verdict(
            "async client (32 in flight) ≥ 4 × topsdk's calls/s",
            async_ >= 4 * top_rate,
            f"{async_:.0f} vs {top_rate:.0f} calls/s = {async_ / top_rate:.2f} ×; 4 × topsdk is "
            f"{4 * top_rate:.0f} calls/s, above what the gateway process can serve on its one "
            f"core (about {capacity:.0f} calls/s at its measured CPU per call)",
        ),
        _verdict(
            "client CPU per call ≤ topsdk's",
            max(sync_cpu, async_cpu) <= top_cpu,
            f"sync {sync_cpu:.0f} µs, async {async_cpu:.0f} µs vs topsdk {top_cpu:.0f} µs",
        ),
    ]
    return table, verdicts


def gateway_rows(result: Throughput) -> list[list[str]]:
    handle = Summary.of(result.handle_us)
    rows_ = [
        [
            "`Gateway.handle` in process (checks, signature, validation, reply), one core",
            handle.show("µs", 0),
            f"{1e6 / handle.median:.0f} calls/s",
        ]
    ]
    for side in SIDES:
        gw = Summary.of(result.sides[side].gateway_cpu_us)
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
    print(rows(run("--quick" in sys.argv)))
