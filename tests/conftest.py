"""What tests in every folder share: ``each_transport``, which runs a module once with the
SDK's own transports (the default) and once with httpx (what a caller gets by passing
``http_client=``, or when the environment names a proxy for the gateway)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

GENERATED = Path(__file__).resolve().parents[1] / "generated"
TRANSPORTS = ("own", "httpx")


def _client_bases() -> list[type]:
    """The base client of the runtime's source and of the generated package."""
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    return [
        importlib.import_module(name).BaseClient
        for name in ("generator.runtime._base_client", "damai_maizuo._base_client")
    ]


@pytest.fixture(scope="module", params=TRANSPORTS)
def each_transport(request: pytest.FixtureRequest) -> Iterator[str]:
    """The transport the clients made in this module's tests send through."""
    bases = _client_bases()
    for base in bases:
        base._use_httpx = request.param == "httpx"
    yield request.param
    for base in bases:
        base._use_httpx = False
