"""The example on each endpoint's doc page runs as written against the mock gateway."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from generator.mock.server import GatewayServer

from .conftest import GENERATED
from .test_endpoints import OPERATIONS


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.call_path for op in OPERATIONS])
def test_doc_page_example_runs(op: object, top_gateway: GatewayServer) -> None:
    page = (GENERATED / "docs" / op.doc_page).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    (code,) = re.findall(r"^```python\n(.*?)^```$", page, flags=re.S | re.M)
    env = {
        **os.environ,
        "PYTHONPATH": str(GENERATED),
        "DAMAI_MAIZUO_APP_KEY": top_gateway.app_key,
        "DAMAI_MAIZUO_APP_SECRET": top_gateway.app_secret,
        "DAMAI_MAIZUO_BASE_URL": top_gateway.base_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert not result.stdout.startswith(("refused:", "failed:")), result.stdout
    assert [r.method for r in top_gateway.requests] == [op.top_method]  # type: ignore[attr-defined]
