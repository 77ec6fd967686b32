"""A mock of the TOP gateway serving this SDK's endpoints, to test code that uses the SDK on
127.0.0.1 without the network. Install it with ``pip install 'damai-maizuo[testing]'``.

It checks every call as the real gateway does (system parameters, signature, session, business
parameters against the spec) and answers with the spec's example reply, or with what a test
sets up: ``add_scenario(TopError(15, sub_code=...), times=1)``, ``HttpStatus(502)``, ``Drop()``,
``CutShort()``, ``Drip()``, ``Result({...})``, ``Normal(delay=2)``. ``requests`` lists what it
received (secrets redacted); ``reset()`` forgets scenarios and requests.

With pytest, the fixture ``damai_maizuo_gateway`` gives each test a running gateway (see
:mod:`.pytest_plugin`). Otherwise::

    with GatewayServer(gateway()) as server:
        client = Client(app_key=server.app_key, app_secret=server.app_secret,
                        base_url=server.base_url)

The engine in ``mock/`` is the one this SDK's generator tests the SDK against, copied verbatim;
``gateway.json`` is the data it serves (the endpoints, their checks and example replies), made
from the spec with the SDK. The server and the scenario files need the extra's libraries, so
they are imported only when asked for: the pytest plugin is loaded by pytest wherever the SDK is
installed, with the extra or without it.
"""

from __future__ import annotations

import json
import secrets
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .mock.endpoints import Endpoint, load_endpoints
from .mock.engine import Gateway
from .mock.recording import RecordedRequest
from .mock.scenarios import (
    CutShort,
    Drip,
    Drop,
    HttpStatus,
    Normal,
    Reply,
    Result,
    Scenario,
    TopError,
)

if TYPE_CHECKING:
    from .mock.scenario_file import ScenarioError, load_scenarios
    from .mock.server import GatewayServer

__all__ = [
    "CutShort",
    "Drip",
    "Drop",
    "Gateway",
    "GatewayServer",
    "HttpStatus",
    "Normal",
    "RecordedRequest",
    "Reply",
    "Result",
    "Scenario",
    "ScenarioError",
    "TopError",
    "endpoints",
    "gateway",
    "load_scenarios",
]

_NEEDS_EXTRA = {
    "GatewayServer": "server",
    "ScenarioError": "scenario_file",
    "load_scenarios": "scenario_file",
}


def endpoints() -> tuple[Endpoint, ...]:
    """The endpoints of this SDK as the mock serves them (read from ``gateway.json``)."""
    text = resources.files(__name__).joinpath("gateway.json").read_text(encoding="utf-8")
    return load_endpoints(json.loads(text))


def gateway(
    *,
    app_key: str | None = None,
    app_secret: str | None = None,
    session: str | None = None,
    scenarios: Path | None = None,
) -> Gateway:
    """A mock gateway for this SDK's endpoints, knowing one app and one session (new random
    ones unless given: a client under test takes them from the gateway), with the scenarios of
    the YAML file ``scenarios`` (the format of ``maizuo-gen mock --scenarios``) in force; serve
    it with :class:`GatewayServer`."""
    made = Gateway(
        endpoints(),
        app_key=app_key or secrets.token_hex(4),
        app_secret=app_secret or secrets.token_hex(16),
        session=session or secrets.token_hex(16),
    )
    if scenarios is not None:
        from .mock.scenario_file import load_scenarios

        for scenario in load_scenarios(scenarios):
            made.scenarios.add(scenario)
    return made


def __getattr__(name: str) -> Any:
    if name not in _NEEDS_EXTRA:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        module = __import__(f"{__name__}.mock.{_NEEDS_EXTRA[name]}", fromlist=[name])
    except ModuleNotFoundError as exc:
        raise ImportError(
            f"{__name__}.{name} needs the testing extra ({exc.name} is missing): "
            f"pip install 'damai-maizuo[testing]'"
        ) from None
    return getattr(module, name)
