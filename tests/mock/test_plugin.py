"""The ``top_gateway`` fixture, here and as a partner's project would use it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator.mock import (
    DEFAULT_APP_KEY,
    DEFAULT_APP_SECRET,
    DEFAULT_SESSION,
    GatewayServer,
    HttpStatus,
)

from .conftest import SPEC
from .top import SEND_KEY, TopCaller

ROOT = Path(__file__).parents[2]
UNRELATED_PLUGINS = ("hypothesispytest", "anyio", "asyncio", "cacheprovider")


def test_the_fixture_gives_url_and_credentials(top_gateway: GatewayServer) -> None:
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/router/rest", top_gateway.base_url)
    assert (top_gateway.app_key, top_gateway.app_secret, top_gateway.session) == (
        DEFAULT_APP_KEY,
        DEFAULT_APP_SECRET,
        DEFAULT_SESSION,
    )
    assert top_gateway.requests == []


def test_a_test_leaves_requests_and_scenarios_behind(
    top_gateway: GatewayServer, top: TopCaller
) -> None:
    top_gateway.add_scenario(HttpStatus(500))
    assert top.post().status_code == 500


def test_the_next_test_starts_clean(top_gateway: GatewayServer, top: TopCaller) -> None:
    assert top_gateway.requests == []
    assert SEND_KEY in top.call()


PARTNER_TEST = """
import httpx
from generator.mock import TopError


def test_partner(top_gateway):
    assert top_gateway.base_url.endswith("/router/rest")
    top_gateway.add_scenario(TopError(7))  # only answers calls that pass the checks
    reply = httpx.post(top_gateway.base_url, data={"format": "json"}).json()
    assert reply["error_response"]["code"] == 21
    assert [r.outcome for r in top_gateway.requests] == ["error"]
"""


def test_a_partner_project_with_its_own_spec_folder(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\ntop_gateway_spec = api-spec\n")
    (tmp_path / "test_partner.py").write_text(PARTNER_TEST)
    shutil.copytree(SPEC, tmp_path / "api-spec")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        # the plugin loads by its pytest11 entry point; unrelated plugins are off to start fast
        [sys.executable, "-m", "pytest", "-q", *(f"-pno:{p}" for p in UNRELATED_PLUGINS)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
