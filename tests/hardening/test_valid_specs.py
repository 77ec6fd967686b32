"""Fuzzer 1: random valid specs generate an SDK that compiles, is black-stable, passes
``mypy --strict`` and ruff, imports, and calls every endpoint through the mock gateway.

Each example is one spec (see :mod:`.specs`), generated in process into its own folder under a
package name of its own, so that every SDK of the run can be imported side by side and type
checked together: mypy and ruff run once per batch of specs, after the examples.
"""

from __future__ import annotations

import asyncio
import importlib
import itertools
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.format import format_python
from generator.generate import build, generate
from generator.ir import Api, Operation
from generator.mock.gateway import Gateway
from generator.mock.server import GatewayServer

from .fuzzing import count, fuzz_settings, pick
from .secrets import SecretScan
from .specs import ROOT, Spec, specs

pytestmark = pytest.mark.fuzz

MYPY_CACHE = ROOT / ".mypy_cache" / "hardening"
REPLY_FORMS = [("json", False), ("json", True), ("xml", False)]


@dataclass
class Built:
    spec: Spec
    folder: Path
    out: Path


def test_random_valid_specs(tmp_path: Path) -> None:
    built: list[Built] = []
    numbers = itertools.count()
    scan = SecretScan()

    @fuzz_settings(fast=8, long=130)
    @given(data=st.data())
    def one_spec(data: st.DataObject) -> None:
        index = next(numbers)
        spec = data.draw(specs(index), label="spec")
        folder = tmp_path / f"case{index}"
        spec_dir = spec.write(folder / "spec")
        out = folder / "out"
        generate(spec_dir, out)
        check_files(out, spec.module)
        api = build(spec_dir)
        form = data.draw(st.sampled_from(REPLY_FORMS), label="reply form")
        sign_method = data.draw(st.sampled_from(["md5", "hmac", "hmac-sha256"]), label="sign")
        round_trip(spec, spec_dir, out, api, form, sign_method, scan)
        scan.files(out)
        built.append(Built(spec, folder, out))
        count("1 valid specs")

    try:
        one_spec()
    finally:
        _forget_packages([b.spec.module for b in built])
    size = pick(5, 30)
    for start in range(0, len(built), size):
        typecheck(tmp_path, built[start : start + size])
    scan.check()


# -- the output ------------------------------------------------------------------------------


def check_files(out: Path, module: str) -> None:
    """Every Python file compiles and is as black writes it; the TOML parses; no Markdown
    file holds a raw control character, and its Python examples compile."""
    python = sorted(out.rglob("*.py"))
    assert python, "no Python file generated"
    for path in python:
        text = path.read_text(encoding="utf-8")
        compile(text, str(path), "exec")
        assert format_python(text, str(path)) == text, f"{path} is not black-stable"
    pyproject = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["name"]
    for path in out.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        bad = [c for c in text if ord(c) < 32 and c not in "\n\t"]
        assert not bad, f"{path} holds control characters {bad!r}"
        for code in re.findall(r"^(`{3,})python\n(.*?)^\1$", text, re.MULTILINE | re.DOTALL):
            compile(code[1], f"{path} (example)", "exec")
    assert (out / module / "py.typed").exists()


def typecheck(tmp_path: Path, batch: list[Built]) -> None:
    """``mypy --strict`` and ruff on every package of ``batch`` at once."""
    packages = [str((b.out / b.spec.module).relative_to(tmp_path)) for b in batch]
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            "/dev/null",
            "--cache-dir",
            str(MYPY_CACHE),
            *packages,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert mypy.returncode == 0, _failed("mypy --strict", mypy, batch)
    ruff = subprocess.run(
        [
            str(Path(sys.executable).parent / "ruff"),
            "check",
            "--no-cache",
            "--isolated",
            "--target-version",
            "py311",
            "--line-length",
            "100",
            "--select",
            "E,F,W,B,UP,SIM,RUF",
            "--ignore",
            "RUF001,RUF002,RUF003,E501",
            *packages,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ruff.returncode == 0, _failed("ruff", ruff, batch)


def _failed(tool: str, result: subprocess.CompletedProcess[str], batch: list[Built]) -> str:
    specs_ = ", ".join(str(b.folder / "spec") for b in batch)
    return f"{tool} failed on the SDKs of {specs_}:\n{result.stdout}\n{result.stderr}"


# -- calls -----------------------------------------------------------------------------------


def round_trip(
    spec: Spec,
    spec_dir: Path,
    out: Path,
    api: Api,
    form: tuple[str, bool],
    sign_method: str,
    scan: SecretScan,
) -> None:
    """Import the SDK and make every endpoint's calls through a gateway serving its spec."""
    sys.path.insert(0, str(out))
    try:
        package = importlib.import_module(spec.module)
    finally:
        sys.path.remove(str(out))
    calls = {e.method: e.calls for e in spec.endpoints}
    with GatewayServer(Gateway.from_spec(spec_dir)) as gateway:
        scan.add_secret(gateway.app_secret, gateway.session)
        scan.watch(gateway)
        options: dict[str, Any] = {
            "app_key": gateway.app_key,
            "app_secret": gateway.app_secret,
            "base_url": gateway.base_url,
            "session": gateway.session,
            "format": form[0],
            "simplify": form[1],
            "sign_method": sign_method,
            "max_retries": 0,
            "timeout": 20.0,
        }
        with package.Client(**options) as client:
            scan.text(repr(client))
            for op in api.operations:
                for values in calls[op.top_method]:
                    reply = _resolve(client, op)(**_arguments(op, values))
                    _check_reply(gateway, package, op, reply, scan)
        if api.operations:
            op = api.operations[0]
            reply = asyncio.run(_async_call(package, options, op, calls[op.top_method][0]))
            _check_reply(gateway, package, op, reply, scan)


async def _async_call(
    package: Any, options: dict[str, Any], op: Operation, values: dict[str, Any]
) -> Any:
    async with package.AsyncClient(**options) as client:
        return await _resolve(client, op)(**_arguments(op, values))


def _resolve(client: Any, op: Operation) -> Any:
    target = client
    for part in op.call_path.split("."):
        target = getattr(target, part)
    return target


def _arguments(op: Operation, values: dict[str, Any]) -> dict[str, Any]:
    return {p.py_name: values[p.name] for p in op.params if p.name in values}


def _check_reply(
    gateway: GatewayServer, package: Any, op: Operation, reply: Any, scan: SecretScan
) -> None:
    module = importlib.import_module(f"{package.__name__}.endpoints.{op.module}")
    assert isinstance(reply, getattr(module, op.response.name))
    record = gateway.requests[-1]
    assert (record.method, record.outcome) == (op.top_method, "ok"), record
    sent = reply.model_dump(by_alias=True).get("request_id")
    assert sent is None or str(sent) == record.request_id
    scan.text(repr(reply), repr(record))


def _forget_packages(modules: list[str]) -> None:
    for name in list(sys.modules):
        if name.split(".")[0] in modules:
            del sys.modules[name]
