"""One side of the per-call overhead benchmark, run in its own process (and virtualenv).

``ours SIGN_METHOD``: with the generated SDK's sans-I/O functions, as ``_base_client`` chains
them for ``client.user.authcode.send``: validate and encode the parameters, build and sign the
request (timestamp included), decode the gateway's reply into the response model.

``topsdk``: the PyPI ``topsdk`` package's own ``RestApi.getResponse`` for the same method, with
its HTTP connection replaced by an in-memory one that returns the same reply: so its parameter
collection, signing, URL and body encoding and JSON decoding run, and no network.

Prints ``{"us_per_call": ...}``: the best of several timed batches, in microseconds.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

PARAM0 = {
    "ptnr_token": "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+",
    "user_phone": "139xxxx4567",
    "code_type": 1,
    "tenant_token": "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",
    "channel_token": "nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic",
}
REPLY = json.dumps(
    {
        "alibaba_damai_maizuo_openapi_user_authcode_send_response": {
            "result": {"result_msg": "成功", "result_code": 200, "success": True},
            "request_id": "0b1f2c3d4e5f6a7b",
        }
    },
    ensure_ascii=False,
).encode()


def ours(sign_method: str) -> Callable[[], Any]:
    from datetime import UTC, datetime

    from damai_maizuo._encoding import encode_params
    from damai_maizuo._models import validate_params
    from damai_maizuo._replies import parse_reply
    from damai_maizuo._signing import build_request, format_timestamp
    from damai_maizuo.endpoints.user_authcode_send import (
        USER_AUTHCODE_SEND,
        UserAuthcodeSendParams,
        UserAuthcodeSendResponse,
    )

    def call() -> Any:
        business = encode_params(validate_params(UserAuthcodeSendParams, {"param0": PARAM0}))
        request = build_request(
            USER_AUTHCODE_SEND,
            business,
            app_key="12345678",
            app_secret="helloworld",
            sign_method=sign_method,  # type: ignore[arg-type]
            format="json",
            simplify=False,
            session=None,
            partner_id=None,
            target_app_key=None,
            timestamp=format_timestamp(datetime.now(UTC)),
            base_url="http://127.0.0.1:8900/router/rest",
        )
        assert request.body
        return parse_reply(
            USER_AUTHCODE_SEND,
            UserAuthcodeSendResponse,
            200,
            "application/json;charset=UTF-8",
            REPLY,
            format="json",
            simplify=False,
        )

    return call


def topsdk() -> Callable[[], Any]:
    import top
    import top.api.base as base

    class _Reply:
        status = 200

        def read(self) -> bytes:
            return REPLY

        def getheader(self, name: str, default: str = "") -> str:
            return default

    class _Connection:
        """Stands in for ``http.client.HTTPConnection``: no socket, the same reply each time."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pass

        def connect(self) -> None:
            pass

        def request(self, method: str, url: str, body: Any = None, headers: Any = None) -> None:
            self.sent = (method, url, body, headers)

        def getresponse(self) -> _Reply:
            return _Reply()

    base.httplib.HTTPConnection = _Connection  # type: ignore[attr-defined]

    class UserAuthcodeSendRequest(base.RestApi):  # type: ignore[misc]
        def __init__(self, domain: str = "127.0.0.1", port: int = 8900) -> None:
            base.RestApi.__init__(self, domain, port)
            self.param0 = None

        def getapiname(self) -> str:
            return "alibaba.damai.maizuo.openapi.user.authcode.send"

    info = top.appinfo("12345678", "helloworld")

    def call() -> Any:
        request = UserAuthcodeSendRequest()
        request.set_app_info(info)
        # topsdk sends str(value): a struct has to be JSON text already
        request.param0 = json.dumps(PARAM0, ensure_ascii=False, separators=(",", ":"))
        return request.getResponse()

    return call


def main() -> None:
    side = sys.argv[1]
    call = topsdk() if side == "topsdk" else ours(sys.argv[2])
    for _ in range(500):
        call()
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(batch):
            call()
        best = min(best, (time.perf_counter() - start) / batch)
    print(json.dumps({"us_per_call": best * 1e6}))


if __name__ == "__main__":
    main()
