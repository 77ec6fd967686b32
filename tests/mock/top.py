"""A small TOP client for testing the mock gateway, independent of the SDK and its runtime:
its own signer, its own timestamps, plain httpx."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

SEND = "alibaba.damai.maizuo.openapi.user.authcode.send"
SEND_KEY = "alibaba_damai_maizuo_openapi_user_authcode_send_response"
PARAM0 = {
    "ptnr_token": "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+",
    "user_phone": "13900000000",
    "code_type": 1,
    "tenant_token": "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",
    "channel_token": "nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic",
}
GMT8 = timezone(timedelta(hours=8))


def top_sign(params: Mapping[str, str], secret: str, sign_method: str) -> str:
    """TOP's signature: non-empty parameters but ``sign``, sorted, name+value, hashed."""
    text = "".join(k + v for k, v in sorted(params.items()) if k != "sign" and v).encode()
    key = secret.encode()
    if sign_method == "md5":
        return hashlib.md5(key + text + key).hexdigest().upper()
    digest = {"hmac": hashlib.md5, "hmac-sha256": hashlib.sha256}[sign_method]
    return hmac.new(key, text, digest).hexdigest().upper()


def top_time(offset: float = 0.0) -> str:
    """Now (plus ``offset`` seconds) as TOP writes it: ``yyyy-MM-dd HH:mm:ss`` in GMT+8."""
    return (datetime.now(GMT8) + timedelta(seconds=offset)).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class TopCaller:
    """Builds signed calls to one gateway and sends them."""

    base_url: str
    app_key: str
    app_secret: str
    session: str
    http: httpx.Client

    def params(
        self,
        method: str = SEND,
        *,
        business: Mapping[str, Any] | None = None,
        sign_method: str = "md5",
        drop: Iterable[str] = (),
        **system: str,
    ) -> dict[str, str]:
        """Signed parameters: ``system`` overrides system ones, ``drop`` leaves some out (and
        dropping ``sign`` leaves the call unsigned)."""
        params = {
            "method": method,
            "app_key": self.app_key,
            "timestamp": top_time(),
            "v": "2.0",
            "format": "json",
            "sign_method": sign_method,
        }
        if business is None:
            business = {"param0": PARAM0}
        for name, value in business.items():
            params[name] = value if isinstance(value, str) else json.dumps(value)
        params.update(system)
        for name in drop:
            params.pop(name, None)
        unsigned = "sign" in params or "sign" in drop
        if not unsigned and params.get("sign_method") in ("md5", "hmac", "hmac-sha256"):
            params["sign"] = top_sign(params, self.app_secret, params["sign_method"])
        return params

    def post(self, method: str = SEND, **options: Any) -> httpx.Response:
        return self.http.post(self.base_url, data=self.params(method, **options))

    def call(self, method: str = SEND, **options: Any) -> Any:
        """The JSON reply of a call that must come back with HTTP 200."""
        reply = self.post(method, **options)
        assert reply.status_code == 200, reply.text
        return reply.json()

    def error(self, method: str = SEND, **options: Any) -> dict[str, Any]:
        """The ``error_response`` of a call that must fail."""
        reply = self.call(method, **options)
        assert "error_response" in reply, reply
        error: dict[str, Any] = reply["error_response"]
        return error
