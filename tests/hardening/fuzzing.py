"""What every fuzzer of the hardening suite shares: the mode, hypothesis settings, case counts.

The default mode is fast and reproducible (few examples, derandomized, no example database), so
``make test`` stays quick; ``MAIZUO_FUZZ=long`` (``make fuzz``) runs many more examples with fresh
randomness.
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, Phase, settings

LONG = os.environ.get("MAIZUO_FUZZ", "").strip().lower() == "long"
"""True under ``MAIZUO_FUZZ=long``."""

_SUPPRESSED = [
    HealthCheck.too_slow,
    HealthCheck.data_too_large,
    HealthCheck.function_scoped_fixture,
    HealthCheck.filter_too_much,
    HealthCheck.large_base_example,
]
settings.register_profile(
    "maizuo-fast",
    deadline=None,
    # no shrinking: a fast run reports the failing example as found, within the time budget
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)
settings.register_profile(
    "maizuo-long",
    deadline=None,
    print_blob=True,
    suppress_health_check=_SUPPRESSED,
)

CASES: Counter[str] = Counter()
"""Cases run per fuzzer in this session (a case may hold several calls or specs)."""


def fuzz_settings(fast: int, long: int, **overrides: object) -> settings:
    """Hypothesis settings for one fuzzer: ``fast`` examples by default, ``long`` in long mode.

    Profiles are applied per test (never loaded globally), so other suites keep their own.
    """
    parent = settings.get_profile("maizuo-long" if LONG else "maizuo-fast")
    return settings(parent, max_examples=long if LONG else fast, **overrides)  # type: ignore[arg-type]


def count(fuzzer: str, cases: int = 1) -> None:
    CASES[fuzzer] += cases


def pick(fast: int, long: int) -> int:
    """A size that depends on the mode (loops, batch sizes, kill trials)."""
    return long if LONG else fast
