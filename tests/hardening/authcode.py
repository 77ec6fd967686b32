"""The endpoint the client and gateway fuzzers call: ``user.authcode.send`` (not idempotent),
its envelope key, parameters that pass validation, and the generated package it is called from."""

from __future__ import annotations

from .specs import ROOT

GENERATED = ROOT / "generated"
METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"
KEY = "alibaba_damai_maizuo_openapi_user_authcode_send_response"
PARAM0 = {
    "ptnr_token": "t",
    "user_phone": "13900000000",
    "code_type": 1,
    "tenant_token": "x",
    "channel_token": "y",
}
