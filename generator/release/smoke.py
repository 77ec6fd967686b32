"""Prove the wheel works: install it in a fresh virtualenv, import it, call the mock gateway.

The virtualenv is new and empty but for a ``.pth`` file naming this environment's
site-packages, so the SDK's dependencies (httpx, pydantic) are found without a download (``venv
--system-site-packages`` would only reach the base interpreter's). The wheel itself is installed
with ``--no-deps --no-index``, and the check fails unless the package is imported from the
virtualenv, at the version being released.
"""

from __future__ import annotations

import json
import site
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ir import Api, Operation
from ..mock.gateway import Gateway
from ..mock.server import GatewayServer
from .errors import ReleaseError

_SCRIPT = Path(__file__).with_name("_smoke_call.py")


@dataclass(frozen=True)
class SmokeResult:
    call: str
    """The SDK call made: ``client.user.authcode.send``."""
    response: str
    """The type of what it returned."""


def smoke_test(wheel: Path, spec: Path, api: Api, venv: Path) -> SmokeResult:
    """Install ``wheel`` into a new virtualenv at ``venv`` and call one endpoint of ``api``
    against the mock gateway serving ``spec``."""
    python = _virtualenv(venv)
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        "installing the wheel",
    )
    op = _chosen(api)
    with GatewayServer(Gateway.from_spec(spec)) as gateway:
        arguments = json.dumps(_arguments(op), ensure_ascii=False)
        session = gateway.session if op.session != "none" else ""
        command = [
            str(python),
            "-I",
            str(_SCRIPT),
            api.package,
            op.call_path,
            gateway.base_url,
            gateway.app_key,
            gateway.app_secret,
            session,
            arguments,
        ]
        output = _run(command, f"calling client.{op.call_path} on the mock gateway", cwd=venv)
    result = json.loads(output.splitlines()[-1])
    if not Path(result["file"]).resolve().is_relative_to(venv.resolve()):
        raise ReleaseError(
            f"the smoke test imported {api.package} from {result['file']}, not from the new virtualenv"
        )
    if result["version"] != api.version:
        raise ReleaseError(f"the installed SDK says version {result['version']}, not {api.version}")
    return SmokeResult(f"client.{op.call_path}", result["response"])


def _virtualenv(venv: Path) -> Path:
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], "creating the virtualenv")
    python = venv / "bin" / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        "inspecting the virtualenv",
    ).strip()
    ours = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    if site.ENABLE_USER_SITE:
        ours[site.getusersitepackages()] = None
    Path(purelib, "_release_dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return python


def _chosen(api: Api) -> Operation:
    """The first endpoint (by TOP method) that can be called from the spec alone: one with a
    request example, or with no required parameter."""
    for op in api.operations:
        if op.request_examples or not any(p.required for p in op.params):
            return op
    raise ReleaseError("no endpoint has a request example to call in the smoke test")


def _arguments(op: Operation) -> dict[str, Any]:
    example = op.request_examples[0].value if op.request_examples else {}
    names = {p.name: p.py_name for p in op.params}
    return (
        {names[k]: v for k, v in example.items() if k in names} if isinstance(example, dict) else {}
    )


def _run(command: list[str], what: str, cwd: Path | None = None) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)
    if done.returncode != 0:
        lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        raise ReleaseError(
            f"smoke test: {what} failed: {lines[-1].strip() if lines else 'no output'}"
        )
    return done.stdout
