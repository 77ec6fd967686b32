"""The pytest plugin: a mock TOP gateway for each test, as the fixture ``top_gateway``.

::

    def test_send_code(top_gateway):
        client = Client(app_key=top_gateway.app_key, app_secret=top_gateway.app_secret,
                        base_url=top_gateway.base_url)
        top_gateway.add_scenario(TopError(15, sub_code="isp.top-remote-service-unavailable"),
                                 times=1)
        ...
        assert [r.outcome for r in top_gateway.requests] == ["error", "ok"]

One server per test session serves the spec named by the ini option ``top_gateway_spec``
(default ``spec``, relative to the rootdir); each test starts with no scenarios and no recorded
requests.

This is the generator's fixture, for a spec folder as it stands. Partners use the SDK's own,
``damai_maizuo_gateway`` of ``damai_maizuo[testing]``, which serves the data generated into the
SDK with the same engine; the names differ, so both plugins load side by side.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .gateway import Gateway
from .server import GatewayServer


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "top_gateway_spec",
        "spec folder (or root file) the top_gateway fixture serves, relative to the rootdir",
        default="spec",
    )


@pytest.fixture(scope="session")
def top_gateway_server(pytestconfig: pytest.Config) -> Iterator[GatewayServer]:
    """The gateway server shared by the session; use ``top_gateway`` in tests."""
    spec = Path(pytestconfig.rootpath, str(pytestconfig.getini("top_gateway_spec")))
    with GatewayServer(Gateway.from_spec(spec)) as server:
        yield server


@pytest.fixture
def top_gateway(top_gateway_server: GatewayServer) -> GatewayServer:
    """The mock TOP gateway on 127.0.0.1, with no scenarios and no recorded requests.

    Attributes: ``base_url``, ``app_key``, ``app_secret``, ``session``, ``requests``;
    methods: ``add_scenario(...)``, ``reset()``.
    """
    top_gateway_server.reset()
    return top_gateway_server
