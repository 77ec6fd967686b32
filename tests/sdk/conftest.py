"""The generated SDK, as committed in generated/, against the project's mock TOP gateway."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

GENERATED = Path(__file__).resolve().parents[2] / "generated"
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

from damai_maizuo import AsyncClient, Client  # noqa: E402

from generator.mock.server import GatewayServer  # noqa: E402


@pytest.fixture
def client(top_gateway: GatewayServer) -> Iterator[Client]:
    with Client(
        app_key=top_gateway.app_key,
        app_secret=top_gateway.app_secret,
        base_url=top_gateway.base_url,
        max_retries=0,
    ) as client:
        yield client


@pytest.fixture
async def async_client(top_gateway: GatewayServer) -> AsyncIterator[AsyncClient]:
    async with AsyncClient(
        app_key=top_gateway.app_key,
        app_secret=top_gateway.app_secret,
        base_url=top_gateway.base_url,
        max_retries=0,
    ) as client:
        yield client
