"""Fixtures of the mock gateway's tests: an HTTP client, a signed caller for ``top_gateway``,
and a second gateway serving a copy of the spec with one more endpoint."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from generator.mock import Gateway, GatewayServer

from .top import TopCaller

SPEC = Path(__file__).parents[2] / "spec"
DATA = Path(__file__).parent / "data"
QUERY = "alibaba.damai.maizuo.openapi.order.query"


@pytest.fixture(scope="session")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


@pytest.fixture
def top(top_gateway: GatewayServer, http: httpx.Client) -> TopCaller:
    """Signed calls to the ``top_gateway`` fixture."""
    return caller(top_gateway, http)


def caller(server: GatewayServer, http: httpx.Client) -> TopCaller:
    return TopCaller(server.base_url, server.app_key, server.app_secret, server.session, http)


def extend_spec(folder: Path) -> Path:
    """Copy the spec into ``folder`` and add the endpoint ``order.query`` (a file under
    ``endpoints/`` and its ``$ref`` line in ``openapi.yaml``), as a spec author would."""
    shutil.copytree(SPEC, folder)
    endpoint = f"endpoints/{QUERY}.yaml"
    shutil.copy(DATA / f"{QUERY}.yaml", folder / endpoint)
    root = folder / "openapi.yaml"
    text = root.read_text(encoding="utf-8")
    line = f"  /{QUERY}:\n    $ref: {endpoint}\n"
    root.write_text(text.replace("\ncomponents:", "\n" + line + "components:", 1), "utf-8")
    return folder


@pytest.fixture(scope="session")
def extended_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GatewayServer]:
    """A gateway serving the spec plus ``order.query`` (which needs a session)."""
    spec = extend_spec(tmp_path_factory.mktemp("extended") / "spec")
    with GatewayServer(Gateway.from_spec(spec), port=0) as server:
        yield server


@pytest.fixture
def extended(extended_server: GatewayServer, http: httpx.Client) -> TopCaller:
    extended_server.reset()
    return caller(extended_server, http)
