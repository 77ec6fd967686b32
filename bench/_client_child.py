"""One client of the throughput benchmark, in its own process: calls ``user.authcode.send``
on a gateway (the mock, or the canned-reply server) until ``CALLS`` calls are done or
``SECONDS`` have passed.

``ours-sync``: the generated SDK's ``Client`` (one keep-alive connection, its own transport).
``ours-async``: its ``AsyncClient`` with ``32`` calls in flight (its own transport, asyncio).
``ours-async-uvloop``: the same on a uvloop event loop (the caller's choice; needs uvloop).
``ours-sync-httpx``, ``ours-async-httpx``: the same clients sending through httpx, as they do
when given ``http_client=`` or a proxy.
``topsdk``: the PyPI ``topsdk`` package (it opens a connection per call).

Prints ``{"calls", "seconds", "cpu"}``: the calls made after a warm-up, their wall time, and this
process's user + sys CPU time over them.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

PARAM0 = {
    "ptnr_token": "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+",
    "user_phone": "139xxxx4567",
    "code_type": 1,
    "tenant_token": "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",
    "channel_token": "nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic",
}
WARM_UP = 50
IN_FLIGHT = 32


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _loop(call: Callable[[], Any], calls: int, seconds: float) -> dict[str, float]:
    for _ in range(WARM_UP):
        call()
    cpu, start = _cpu(), time.perf_counter()
    deadline = start + seconds
    done = 0
    while done < calls and (done % 50 or time.perf_counter() < deadline):
        call()
        done += 1
    return {"calls": done, "seconds": time.perf_counter() - start, "cpu": _cpu() - cpu}


def ours_sync(url: str, key: str, secret: str, calls: int, seconds: float) -> dict[str, float]:
    from damai_maizuo import Client

    with Client(app_key=key, app_secret=secret, base_url=url, max_retries=0) as client:

        def call() -> Any:
            result = client.user.authcode.send(param0=PARAM0)  # type: ignore[arg-type]
            assert result.result is not None and result.result.success
            return result

        return _loop(call, calls, seconds)


def ours_async(
    url: str, key: str, secret: str, calls: int, seconds: float, uvloop: bool = False
) -> dict[str, float]:
    import asyncio

    from damai_maizuo import AsyncClient

    async def main() -> dict[str, float]:
        async with AsyncClient(
            app_key=key, app_secret=secret, base_url=url, max_retries=0
        ) as client:
            state = {"left": 0, "done": 0}

            async def worker(deadline: float) -> None:
                while state["left"] > 0 and time.perf_counter() < deadline:
                    state["left"] -= 1
                    result = await client.user.authcode.send(param0=PARAM0)  # type: ignore[arg-type]
                    assert result.result is not None and result.result.success
                    state["done"] += 1

            async def burst(count: int, limit: float) -> None:
                state["left"], state["done"] = count, 0
                deadline = time.perf_counter() + limit
                await asyncio.gather(*(worker(deadline) for _ in range(IN_FLIGHT)))

            await burst(WARM_UP * 4, 30.0)
            cpu, start = _cpu(), time.perf_counter()
            await burst(calls, seconds)
            return {
                "calls": state["done"],
                "seconds": time.perf_counter() - start,
                "cpu": _cpu() - cpu,
            }

    if uvloop:
        import uvloop as uv

        with asyncio.Runner(loop_factory=uv.new_event_loop) as runner:
            return runner.run(main())
    return asyncio.run(main())


def topsdk(url: str, key: str, secret: str, calls: int, seconds: float) -> dict[str, float]:
    import top
    import top.api.base as base

    where = urlsplit(url)

    class UserAuthcodeSendRequest(base.RestApi):  # type: ignore[misc]
        def __init__(self, domain: str, port: int) -> None:
            base.RestApi.__init__(self, domain, port)
            self.param0 = None

        def getapiname(self) -> str:
            return "alibaba.damai.maizuo.openapi.user.authcode.send"

    info = top.appinfo(key, secret)

    def call() -> Any:
        request = UserAuthcodeSendRequest(where.hostname, where.port)
        request.set_app_info(info)
        request.param0 = json.dumps(PARAM0, ensure_ascii=False, separators=(",", ":"))
        result = request.getResponse()
        inner = result["alibaba_damai_maizuo_openapi_user_authcode_send_response"]
        assert inner["result"]["success"] is True
        return result

    return _loop(call, calls, seconds)


def main() -> None:
    side, url, key, secret, calls, seconds = sys.argv[1:7]
    if side.endswith("-httpx"):
        from damai_maizuo._base_client import BaseClient

        BaseClient._use_httpx = True
    args = (url, key, secret, int(calls), float(seconds))
    if side == "ours-async-uvloop":
        result = ours_async(*args, uvloop=True)
    else:
        run = {"ours-sync": ours_sync, "ours-async": ours_async, "topsdk": topsdk}
        result = run[side.removesuffix("-httpx")](*args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
