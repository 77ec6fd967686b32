"""Running the gateway over HTTP on an asyncio loop: on a background thread (for tests), or in
the foreground until interrupted (:func:`serve`, behind ``maizuo-gen mock``).

The HTTP layer is the gateway's own small protocol over httptools' parser (:mod:`.connections`),
chosen by measurement: an ASGI server and framework cost several times the gateway's own work
per call (``bench/gateway_capacity.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import threading
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Any

from .app import DRAIN_LIMIT, ROUTER_PATH, create_handler
from .connections import REQUEST_TIMEOUT, Connections, check_request_timeout
from .engine import Gateway
from .form import MAX_BODY
from .recording import RecordedRequest
from .scenarios import Reply, Scenario

# Named after the package it runs in: "generator.mock" here, "<sdk>.testing.mock" in the SDK
# that carries a copy of this module.
logger = logging.getLogger(__name__.rpartition(".")[0])

_START_TIMEOUT = 10.0


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: a free one). Raises OSError."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # With the protocol named, asyncio sets TCP_NODELAY on each accepted connection; without
    # it a reply written in two parts waits ~40 ms for the client's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    return sock


def router_url(host: str, port: int) -> str:
    """``http://host:port/router/rest``, with an IPv6 host in brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{ROUTER_PATH}"


async def _serve(
    gateway: Gateway,
    sock: socket.socket,
    request_timeout: float,
    serving: Callable[[asyncio.AbstractEventLoop, asyncio.Event], None],
) -> None:
    """Serve on ``sock`` until the event handed to ``serving`` is set; then close every
    connection."""
    loop = asyncio.get_running_loop()
    connections = Connections(create_handler(gateway), request_timeout, MAX_BODY, DRAIN_LIMIT)
    server = await loop.create_server(connections, sock=sock)
    stop = asyncio.Event()
    try:
        serving(loop, stop)
        await stop.wait()
    finally:
        server.close()
        connections.close_all()
        await server.wait_closed()


class GatewayServer:
    """A :class:`Gateway` served on a background thread; a context manager.

    >>> with GatewayServer(gateway) as server:
    ...     httpx.post(server.base_url, data=...)
    """

    def __init__(
        self,
        gateway: Gateway,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.gateway = gateway
        self.host = host
        self._port = port
        self.request_timeout = check_request_timeout(request_timeout)
        """Seconds a client has to send a request (headers and body) before its connection is
        closed."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    # -- what a test uses --------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        """The gateway URL a client is given: ``http://127.0.0.1:PORT/router/rest``."""
        return router_url(self.host, self._port)

    @property
    def app_key(self) -> str:
        return self.gateway.credentials.app_key

    @property
    def app_secret(self) -> str:
        return self.gateway.credentials.app_secret

    @property
    def session(self) -> str:
        return self.gateway.credentials.session

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received since the last reset, oldest first."""
        return self.gateway.requests

    def add_scenario(
        self,
        reply: Reply | None = None,
        *,
        replies: Sequence[Reply] = (),
        method: str | None = None,
        params: Mapping[str, Any] | None = None,
        times: int | None = None,
        name: str = "",
    ) -> Scenario:
        """See :meth:`Gateway.add_scenario`."""
        return self.gateway.add_scenario(
            reply, replies=replies, method=method, params=params, times=times, name=name
        )

    def reset(self) -> None:
        """Forget the scenarios and the recorded requests."""
        self.gateway.reset()

    # -- running -----------------------------------------------------------------------------
    def start(self) -> GatewayServer:
        """Start serving; returns once the server accepts connections."""
        if self._thread is not None:
            raise RuntimeError("the gateway server is already running")
        sock = bind(self.host, self._port)
        self._port = sock.getsockname()[1]
        started = threading.Event()

        def serving(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
            self._loop, self._stop = loop, stop
            started.set()

        thread = threading.Thread(
            target=asyncio.run,
            args=(_serve(self.gateway, sock, self.request_timeout, serving),),
            name="top-gateway",
            daemon=True,
        )
        thread.start()
        if not started.wait(_START_TIMEOUT):
            sock.close()
            raise RuntimeError("the mock TOP gateway did not start; see the log")
        self._thread = thread
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread to end."""
        if self._loop is None or self._stop is None or self._thread is None:
            return
        with contextlib.suppress(RuntimeError):  # the loop has ended already
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=_START_TIMEOUT)
        self._loop = self._stop = self._thread = None

    def __enter__(self) -> GatewayServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"GatewayServer({self.base_url!r}, app_key={self.app_key!r})"


def serve(
    gateway: Gateway,
    host: str = "127.0.0.1",
    port: int = 8900,
    *,
    request_timeout: float = REQUEST_TIMEOUT,
) -> None:
    """Serve ``gateway`` in the foreground until interrupted (Ctrl-C).

    Raises OSError when the address cannot be bound, before serving starts; KeyboardInterrupt
    on Ctrl-C, after the connections are closed. SIGTERM stops serving the same way, and
    returns.

    Both signals are the event loop's own: a process started in the background by a shell
    without job control inherits SIGINT ignored, and Python then leaves it ignored, so relying
    on Python's default handler would make such a gateway deaf to an interrupt.
    """
    check_request_timeout(request_timeout)
    sock = bind(host, port)
    address = router_url(host, sock.getsockname()[1])
    methods = len(gateway.endpoints)
    app_key = gateway.credentials.app_key
    logger.info("mock TOP gateway: %d methods at %s (app_key %s)", methods, address, app_key)
    interrupted: list[int] = []

    def stop_on(signum: int, stop: asyncio.Event) -> None:
        interrupted.append(signum)
        stop.set()

    def serving(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop_on, signum, stop)

    asyncio.run(_serve(gateway, sock, request_timeout, serving))
    if signal.SIGINT in interrupted:
        raise KeyboardInterrupt
