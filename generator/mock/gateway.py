"""The mock gateway made from a spec: the generator's way into the engine of :mod:`.engine`.

The engine serves plain data and imports nothing of the generator, so that the SDK's testing
kit carries it; loading, validating and building a spec is the generator's part, and lives
here. :meth:`Gateway.from_spec` hands the engine the same JSON form the kit reads from its
``gateway.json`` (see :mod:`.spec_data`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..build import build_api
from ..load import load_spec
from ..validate import validate
from . import engine
from .endpoints import Endpoint, load_endpoints
from .engine import Answer
from .spec_data import gateway_data

__all__ = ["DEFAULT_APP_KEY", "DEFAULT_APP_SECRET", "DEFAULT_SESSION", "Answer", "Gateway"]


DEFAULT_APP_KEY = "12345678"
DEFAULT_APP_SECRET = "helloworld"
"""The credentials of TOP's published signing example: for local testing only."""
DEFAULT_SESSION = "mock-session"


class Gateway(engine.Gateway):
    """The engine's gateway, with a way to make it from a spec folder, and with the
    credentials of TOP's signing example unless told others."""

    def __init__(
        self,
        endpoints: Sequence[Endpoint],
        *,
        app_key: str = DEFAULT_APP_KEY,
        app_secret: str = DEFAULT_APP_SECRET,
        session: str = DEFAULT_SESSION,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(
            endpoints, app_key=app_key, app_secret=app_secret, session=session, clock=clock
        )

    @classmethod
    def from_spec(
        cls,
        spec: Path,
        *,
        app_key: str = DEFAULT_APP_KEY,
        app_secret: str = DEFAULT_APP_SECRET,
        session: str = DEFAULT_SESSION,
    ) -> Gateway:
        """A gateway for the spec at ``spec``; raises :class:`~generator.errors.SpecError` for
        a bad spec."""
        loaded = load_spec(spec)
        validate(loaded)
        endpoints = load_endpoints(gateway_data(build_api(loaded)))
        return cls(endpoints, app_key=app_key, app_secret=app_secret, session=session)
