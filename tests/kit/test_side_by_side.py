"""The kit's pytest plugin and the generator's own (``maizuo_mock``, registered by installing
maizuo-gen) load together: their fixtures and options have distinct names, and each serves its
own gateway, logging under its own package's name. Run in a pytest of its own, with the generated package on the path as a partner
who also installed the generator would have it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BOTH = """
import logging

from damai_maizuo import Client
from damai_maizuo.testing import Result


def test_both_fixtures(top_gateway, damai_maizuo_gateway, caplog):
    caplog.set_level(logging.INFO)
    assert top_gateway.base_url != damai_maizuo_gateway.base_url
    damai_maizuo_gateway.add_scenario(Result({"result": {"success": True, "result_code": 7}}))
    param0 = {"ptnr_token": "p", "user_phone": "139", "code_type": 1, "tenant_token": "t",
              "channel_token": "c"}
    for server, code in ((top_gateway, 200), (damai_maizuo_gateway, 7)):
        with Client(app_key=server.app_key, app_secret=server.app_secret,
                    base_url=server.base_url) as client:
            assert client.user.authcode.send(param0=param0).result.result_code == code
        assert [r.outcome for r in server.requests] == ["ok"]
    # each gateway logs its requests under the package it runs in
    loggers = [r.name for r in caplog.records if r.name.endswith(".mock")]
    assert loggers == ["generator.mock", "damai_maizuo.testing.mock"]
"""


def test_the_kit_and_the_generator_plugins_side_by_side(tmp_path: Path) -> None:
    (tmp_path / "test_both.py").write_text(BOTH, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text(
        f"[pytest]\ntop_gateway_spec = {ROOT / 'spec'}\n", encoding="utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "damai_maizuo.testing.pytest_plugin",
            "test_both.py",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "generated")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
