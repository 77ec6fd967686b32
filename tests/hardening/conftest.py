"""The hardening suite: fuzzers of the generator, the client and the mock gateway.

Every fuzzer is marked ``fuzz`` and has a fast default and a long mode (``MAIZUO_FUZZ=long``,
``make fuzz``); see :mod:`.fuzzing`. The cases each fuzzer ran are printed at the end of the run.
"""

from __future__ import annotations

import pytest

from .fuzzing import CASES, LONG


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fuzz: a fuzzer of the hardening suite; MAIZUO_FUZZ=long runs many more cases",
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not CASES:
        return
    mode = "long" if LONG else "fast"
    terminalreporter.write_sep("-", f"fuzz cases run ({mode} mode)")
    for name, cases in sorted(CASES.items()):
        terminalreporter.write_line(f"{name}: {cases}")
