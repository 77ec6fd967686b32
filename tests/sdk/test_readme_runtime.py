"""The README's sections on the runtime's behaviour (``templates/package/README-runtime.md.j2``)
run as written: each of their ``py`` blocks runs against the mock gateway."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from generator.mock.server import GatewayServer

from .conftest import GENERATED

README = (GENERATED / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```py\n(.*?)^```$", README, flags=re.S | re.M)


def test_the_sections_have_examples() -> None:
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_each_example_runs_as_written(code: str, top_gateway: GatewayServer) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(GENERATED),
        "DAMAI_MAIZUO_APP_KEY": top_gateway.app_key,
        "DAMAI_MAIZUO_APP_SECRET": top_gateway.app_secret,
        "DAMAI_MAIZUO_BASE_URL": top_gateway.base_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
