"""A package generated under another name reads, logs and connects as its spec says.

The spec's ``x-top-package`` names the package ``acme_tickets`` and its first server is the mock
gateway: the generated client then takes its credentials from ``ACME_TICKETS_*`` (and not from
``DAMAI_MAIZUO_*``), logs as ``acme_tickets`` and calls the spec's server when given no URL, and
its README, docs and docstrings name the same variables.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.mock.server import GatewayServer

ROOT = Path(__file__).resolve().parents[2]
METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"
ENDPOINT = f"endpoints/{METHOD}.yaml"

CALL = """
import acme_tickets
from acme_tickets import Client

client = Client()
reply = client.user.authcode.send(
    param0={
        "ptnr_token": "t",
        "user_phone": "13900000000",
        "code_type": 1,
        "tenant_token": "t",
        "channel_token": "c",
    }
)
print("BASE", client.base_url)
"""


def generate_acme(folder: Path, server: str | None) -> Path:
    """The SDK of a one-endpoint spec renamed to acme_tickets, whose first server is
    ``server`` (no servers at all when ``None``)."""
    spec = folder / "spec"
    (spec / "endpoints").mkdir(parents=True)
    shutil.copy(ROOT / "spec" / ENDPOINT, spec / ENDPOINT)
    root = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    root["info"]["x-top-package"] = {
        "distribution": "acme-tickets",
        "module": "acme_tickets",
        "method-prefix": "alibaba.damai.maizuo.openapi.",
    }
    root["info"]["version"] = "3.4.5"
    root["servers"] = [
        {"url": server, "description": "the first server"},
        {"url": "https://gw.api.taobao.com/router/rest", "description": "not the default"},
    ]
    if server is None:
        del root["servers"]
    root["paths"] = {f"/{METHOD}": root["paths"][f"/{METHOD}"]}
    (spec / "openapi.yaml").write_text(
        yaml.safe_dump(root, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    out = folder / "out"
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", "--spec", spec, "--out", out],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return out


def run_acme(out: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DAMAI_", "ACME_"))}
    return subprocess.run(
        [sys.executable, "-c", CALL],
        capture_output=True,
        text=True,
        env={**clean, "PYTHONPATH": str(out), **env},
        timeout=120,
    )


def test_env_prefix_logger_and_base_url_follow_the_spec(
    top_gateway: GatewayServer, tmp_path: Path
) -> None:
    out = generate_acme(tmp_path, top_gateway.base_url)

    result = run_acme(
        out,
        {
            "ACME_TICKETS_APP_KEY": top_gateway.app_key,
            "ACME_TICKETS_APP_SECRET": top_gateway.app_secret,
            "ACME_TICKETS_LOG": "info",
        },
    )

    assert result.returncode == 0, result.stderr
    assert f"BASE {top_gateway.base_url}" in result.stdout  # the spec's first server
    assert len(top_gateway.requests) == 1
    assert top_gateway.requests[0].outcome == "ok"
    log = [line for line in result.stderr.splitlines() if METHOD in line]
    assert len(log) == 1
    assert " acme_tickets INFO " in log[0]

    # the old names are not read: with only DAMAI_MAIZUO_* set, the client has no credentials
    old = run_acme(
        out,
        {
            "DAMAI_MAIZUO_APP_KEY": top_gateway.app_key,
            "DAMAI_MAIZUO_APP_SECRET": top_gateway.app_secret,
        },
    )
    assert old.returncode != 0
    assert "set the ACME_TICKETS_APP_KEY environment variable" in old.stderr

    # ACME_TICKETS_BASE_URL overrides the spec's server
    moved = run_acme(
        out,
        {
            "ACME_TICKETS_APP_KEY": top_gateway.app_key,
            "ACME_TICKETS_APP_SECRET": top_gateway.app_secret,
            "ACME_TICKETS_BASE_URL": "http://127.0.0.1:9/router/rest",
        },
    )
    assert "APIConnectionError" in moved.stderr
    assert len(top_gateway.requests) == 1


def test_docs_name_the_same_variables_and_no_other(tmp_path: Path) -> None:
    out = generate_acme(tmp_path, "https://acme.example/router/rest")
    constants = (out / "acme_tickets" / "_constants.py").read_text(encoding="utf-8")
    assert 'ENV_PREFIX = "ACME_TICKETS"' in constants
    assert 'LOGGER_NAME = "acme_tickets"' in constants
    assert 'DEFAULT_BASE_URL = "https://acme.example/router/rest"' in constants
    assert 'SDK_VERSION = "3.4.5"' in constants
    assert 'DISTRIBUTION = "acme-tickets"' in constants

    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "ACME_TICKETS_APP_KEY" in readme
    assert "ACME_TICKETS_LOG" in readme
    assert "https://acme.example/router/rest" in readme
    client = (out / "acme_tickets" / "_client.py").read_text(encoding="utf-8")
    assert "ACME_TICKETS_APP_KEY" in client
    # nothing generated names the project's own package, its variables or its logger
    own_name = re.compile(r"DAMAI_MAIZUO|(?<!alibaba_)damai_maizuo|damai-maizuo")
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".md", ".toml"):
            text = path.read_text(encoding="utf-8")
            assert not own_name.search(text), f"{path.relative_to(out)}: {own_name.search(text)}"


def test_a_spec_without_servers_calls_the_top_gateway(tmp_path: Path) -> None:
    out = generate_acme(tmp_path, None)
    constants = (out / "acme_tickets" / "_constants.py").read_text(encoding="utf-8")
    assert 'DEFAULT_BASE_URL = "https://gw.api.taobao.com/router/rest"' in constants


def test_the_runtime_stand_in_holds_what_the_project_spec_renders() -> None:
    """``generator/runtime/_constants.py`` (used when the runtime is imported from the source
    tree) has the names and values the template renders for this repository's spec."""
    import damai_maizuo._constants as rendered

    import generator.runtime._constants as stand_in

    def public(module: object) -> dict[str, object]:
        return {k: v for k, v in vars(module).items() if k.isupper()}

    assert public(stand_in) == public(rendered)
