"""The pytest plugin of the testing extra: the fixture ``damai_maizuo_gateway``, a mock TOP
gateway serving this SDK's endpoints on 127.0.0.1::

    from damai_maizuo import Client
    from damai_maizuo.testing import TopError

    def test_retries_a_busy_service(damai_maizuo_gateway):
        gateway = damai_maizuo_gateway
        gateway.add_scenario(TopError(15, sub_code="isp.top-remote-service-unavailable"), times=1)
        client = Client(app_key=gateway.app_key, app_secret=gateway.app_secret,
                        base_url=gateway.base_url)
        ...
        assert [r.outcome for r in gateway.requests] == ["error", "ok"]

One server per test session; each test starts with no scenarios and no recorded requests.

pytest loads this module through the package's ``pytest11`` entry point, which is installed with
the package whether or not the testing extra is, so the server is imported only when a test asks
for the fixture (and its absence is then one clear error). The generator of this SDK has a
plugin of its own (``top_gateway``, serving a spec folder); the names here are distinct, so both
may be installed together.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from . import gateway

if TYPE_CHECKING:
    from .mock.server import GatewayServer


@pytest.fixture(scope="session")
def damai_maizuo_gateway_server() -> Iterator[GatewayServer]:
    """The gateway server shared by the session; tests use ``damai_maizuo_gateway``."""
    from . import GatewayServer

    with GatewayServer(gateway()) as server:
        yield server


@pytest.fixture
def damai_maizuo_gateway(damai_maizuo_gateway_server: GatewayServer) -> GatewayServer:
    """The mock TOP gateway on 127.0.0.1, with no scenarios and no recorded requests.

    Attributes: ``base_url``, ``app_key``, ``app_secret``, ``session``, ``requests``;
    methods: ``add_scenario(...)``, ``reset()``.
    """
    damai_maizuo_gateway_server.reset()
    return damai_maizuo_gateway_server
