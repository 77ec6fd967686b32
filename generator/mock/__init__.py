"""A mock TOP gateway driven by the spec: it checks calls as the real gateway does and answers
with the spec's examples, or with scenarios a test sets up.

Flow: :mod:`.form` reads the parameters off the wire, :mod:`.system` checks the system
parameters, :mod:`.business` the business ones against the endpoint's data (:mod:`.endpoints`),
:mod:`.scenarios` may take over, :mod:`.render` writes the reply, :mod:`.recording` keeps a
redacted record. :mod:`.engine` ties these together with no I/O; :mod:`.app` routes HTTP
requests to it, :mod:`.connections` speaks HTTP/1.1 (over httptools, :mod:`.wire` holding the
request and response values) and :mod:`.server` runs it.

Those modules are the engine, and the SDK's testing kit (``damai_maizuo.testing``) carries them
verbatim: they import only the standard library, their server library, each other and
:mod:`generator.top` (copied beside them). The rest is the generator's: :mod:`.spec_data` makes
the engine's data from the IR (written into the kit at generate time), :mod:`.gateway` adds
``Gateway.from_spec``, :mod:`.cli` is ``maizuo-gen mock`` and :mod:`.pytest_plugin` the
``top_gateway`` fixture.

httptools (the ``mock`` extra) is imported only when a server is made, so the
generator's CLI can offer ``maizuo-gen mock`` without them installed.
"""

from typing import TYPE_CHECKING, Any

from .gateway import DEFAULT_APP_KEY, DEFAULT_APP_SECRET, DEFAULT_SESSION, Answer, Gateway
from .recording import RecordedRequest
from .scenario_file import ScenarioError, load_scenarios
from .scenarios import (
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
    from .server import GatewayServer, serve

__all__ = [
    "DEFAULT_APP_KEY",
    "DEFAULT_APP_SECRET",
    "DEFAULT_SESSION",
    "Answer",
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
    "load_scenarios",
    "serve",
]


def __getattr__(name: str) -> Any:
    if name in ("GatewayServer", "serve"):
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
