"""Client overhead per call, in process, no network: ours (per sign method) beside topsdk.

Each side runs in new processes (ours in the project's virtualenv with the generated SDK,
topsdk in the peers' one), alternating, several rounds; each process reports the best of a few
timed batches (see ``_overhead_child.py``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from _common import BENCH, OUR_PYTHON, PEER_PYTHON, ROOT, Summary, child_json

SIGN_METHODS = ("md5", "hmac", "hmac-sha256")


@dataclass
class Overhead:
    ours: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in SIGN_METHODS})
    topsdk: list[float] = field(default_factory=list)


def run(quick: bool) -> Overhead:
    result = Overhead()
    batch = "500" if quick else "3000"
    generated = str(ROOT / "generated")
    for r in range(2 if quick else 5):
        steps = [*SIGN_METHODS, "topsdk"]
        if r % 2:
            steps.reverse()
        for step in steps:
            if step == "topsdk":
                got = child_json(
                    [
                        PEER_PYTHON,
                        "-W",
                        "ignore",
                        BENCH / "_overhead_child.py",
                        "topsdk",
                        "-",
                        batch,
                    ]
                )
                result.topsdk.append(got["us_per_call"])
            else:
                got = child_json(
                    [OUR_PYTHON, BENCH / "_overhead_child.py", "ours", step, batch],
                    PYTHONPATH=generated,
                )
                result.ours[step].append(got["us_per_call"])
    return result


def rows(result: Overhead) -> tuple[list[list[str]], list[str]]:
    top = Summary.of(result.topsdk)
    table = []
    for method in SIGN_METHODS:
        ours = Summary.of(result.ours[method])
        table.append(
            [f"ours, sign_method={method}", ours.show("µs", 1), f"{ours.median / top.median:.2f}"]
        )
    table.append(["topsdk (md5 only)", top.show("µs", 1), "1.00"])
    worst = max(Summary.of(v).median for v in result.ours.values())
    verdicts = [
        f"{'MET' if worst <= 30 else 'MISSED'}: client overhead ≤ 30 µs per call — "
        f"worst sign method {worst:.1f} µs (topsdk {top.median:.1f} µs)"
    ]
    return table, verdicts


if __name__ == "__main__":
    print(rows(run("--quick" in sys.argv)))
