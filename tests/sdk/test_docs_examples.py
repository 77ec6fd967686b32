"""The examples on each endpoint's doc page, sync and async, run as written against the mock
gateway."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from generator.mock.server import GatewayServer

from .conftest import GENERATED
from .test_endpoints import OPERATIONS

PARTNER_TOKENS = {
    "DAMAI_MAIZUO_PTNR_TOKEN": "ptnr-from-env",
    "DAMAI_MAIZUO_TENANT_TOKEN": "tenant-from-env",
    "DAMAI_MAIZUO_CHANNEL_TOKEN": "channel-from-env",
}
"""The client parameters the examples leave to the client, as a partner's environment sets them."""

CASES = [(op, flavour) for op in OPERATIONS for flavour in ("sync", "async")]


@pytest.mark.parametrize(
    ("op", "flavour"), CASES, ids=[f"{op.call_path}-{flavour}" for op, flavour in CASES]
)
def test_doc_page_example_runs(op: object, flavour: str, top_gateway: GatewayServer) -> None:
    page = (GENERATED / "docs" / op.doc_page).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    sync_code, async_code = re.findall(r"^```python\n(.*?)^```$", page, flags=re.S | re.M)
    code = sync_code if flavour == "sync" else async_code
    assert ("AsyncClient" in code) is (flavour == "async")
    env = {
        **os.environ,
        "PYTHONPATH": str(GENERATED),
        "DAMAI_MAIZUO_APP_KEY": top_gateway.app_key,
        "DAMAI_MAIZUO_APP_SECRET": top_gateway.app_secret,
        "DAMAI_MAIZUO_BASE_URL": top_gateway.base_url,
        **PARTNER_TOKENS,
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "the example printed nothing"
    assert not result.stdout.startswith(
        ("refused:", "failed:", "no reply", "not done")
    ), result.stdout
    assert [r.method for r in top_gateway.requests] == [op.top_method]  # type: ignore[attr-defined]
