"""Small specs written by a test: endpoints from a parameters schema and a reply schema, the
project's shared components, and tools to generate, import, type check and call the result.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.generate import generate
from generator.ir import FORM, response_key
from tests.hardening.specs import COMPONENTS, dump


def endpoint(
    method: str,
    params: Mapping[str, Any] | None = None,
    reply: Mapping[str, Any] | None = None,
    *,
    required: tuple[str, ...] = (),
    json_params: tuple[str, ...] = (),
    reply_example: Any = None,
) -> dict[str, Any]:
    """The Path Item of ``method``: a form body of ``params`` (those in ``json_params`` sent as
    JSON), and a reply object of the properties ``reply``."""
    key = response_key(method)
    operation: dict[str, Any] = {
        "summary": f"Calls {method}",
        "x-top-method": method,
        "x-top-idempotent": True,
    }
    if params:
        media: dict[str, Any] = {
            "schema": {"type": "object", "properties": dict(params)},
        }
        if required:
            media["schema"]["required"] = list(required)
        if json_params:
            media["encoding"] = {n: {"contentType": "application/json"} for n in json_params}
        operation["requestBody"] = {"required": True, "content": {FORM: media}}
    json_media: dict[str, Any] = {
        "schema": {
            "oneOf": [
                {
                    "type": "object",
                    "required": [key],
                    "properties": {key: {"type": "object", "properties": dict(reply or {})}},
                },
                {"$ref": "../openapi.yaml#/components/schemas/ErrorEnvelope"},
            ]
        }
    }
    if reply_example is not None:
        json_media["example"] = {key: reply_example}
    operation["responses"] = {
        "200": {"description": "ok", "content": {"application/json": json_media}}
    }
    return {"post": operation}


def write_spec(
    folder: Path,
    endpoints: Mapping[str, dict[str, Any]],
    *,
    package: Mapping[str, Any] | None = None,
    schemas: Mapping[str, Any] | None = None,
) -> Path:
    """A spec folder of ``endpoints`` (TOP method → Path Item), ``x-top-package`` ``package``
    (module ``mini_sdk`` unless given) and extra shared ``schemas``."""
    (folder / "endpoints").mkdir(parents=True, exist_ok=True)
    components = {**COMPONENTS, "schemas": {**COMPONENTS["schemas"], **(schemas or {})}}
    root = {
        "openapi": "3.1.0",
        "info": {
            "title": "Mini",
            "version": "1.0.0",
            "x-top-package": dict(package or {"module": "mini_sdk"}),
        },
        "servers": [{"url": "https://gw.example.invalid/router/rest"}],
        "paths": {f"/{m}": {"$ref": f"endpoints/{m}.yaml"} for m in endpoints},
        "components": components,
    }
    dump(folder / "openapi.yaml", root)
    for method, item in endpoints.items():
        dump(folder / "endpoints" / f"{method}.yaml", item)
    return folder


def mypy_strict(out: Path, package: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", "/dev/null", package],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=600,
    )


@contextmanager
def imported(out: Path, package: str) -> Iterator[ModuleType]:
    """The generated ``package`` under ``out``, imported, and forgotten afterwards."""
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n.split(".")[0] == package]:
            del sys.modules[name]


def generated(spec: Path, out: Path) -> Path:
    generate(spec, out)
    return out
