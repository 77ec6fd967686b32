"""The SDK runtime is copied into every SDK, so it cannot import :mod:`generator.top`; it keeps
its own copy of the TOP facts it needs, held equal to the generator's here. The mock gateway
uses the generator's directly."""

from __future__ import annotations

import pytest

from generator import top
from generator.ir import response_key
from generator.runtime import _encoding, _protocol, _signing, errors


def test_the_runtime_sends_what_top_defines() -> None:
    assert _signing.SIGN_METHODS == top.SIGN_METHODS
    assert _signing.FORMATS == top.FORMATS
    assert _signing.API_VERSION == top.API_VERSION
    assert _protocol.ERROR_KEY == top.ERROR_KEY
    assert _encoding.GMT8.utcoffset(None) == top.GMT8.utcoffset(None)
    media_type = _signing.FORM_HEADERS["Content-Type"].split(";")[0]
    assert media_type == top.FORM_TYPE


@pytest.mark.parametrize(
    ("kind", "error_class"),
    [
        ("rate-limit", errors.RateLimitError),
        ("permission", errors.PermissionDeniedError),
        ("authentication", errors.AuthenticationError),
        ("invalid-request", errors.InvalidRequestError),
        ("server", errors.ServerError),
    ],
)
def test_the_runtime_classes_error_codes_as_top_does(
    kind: str, error_class: type[errors.APIError]
) -> None:
    for code in top.MESSAGES:
        raised = errors.error_from_response({"code": code, "msg": top.MESSAGES[code]})
        assert (type(raised) is error_class) == (code in top.ERROR_CLASSES[kind]), code


def test_codes_in_no_class_are_told_apart_by_their_sub_code() -> None:
    unclassed = set(top.MESSAGES) - set().union(*top.ERROR_CLASSES.values())
    assert unclassed >= {15, 50}
    for code in unclassed:
        assert type(errors.error_from_response({"code": code})) is errors.APIError
        assert isinstance(
            errors.error_from_response({"code": code, "sub_code": "isp.x"}), errors.ServerError
        )


@pytest.mark.parametrize(
    ("method", "key"),
    [
        ("taobao.tbk.tpwd.create", "tbk_tpwd_create_response"),
        (
            "alibaba.damai.maizuo.openapi.user.authcode.send",
            "alibaba_damai_maizuo_openapi_user_authcode_send_response",
        ),
        ("tmall.x.y.get", "tmall_x_y_get_response"),
    ],
)
def test_the_response_key_rule(method: str, key: str) -> None:
    assert top.response_key(method) == key
    assert response_key is top.response_key


@pytest.mark.parametrize(
    "method",
    [
        "alibaba.damai.maizuo.openapi.user.authcode.send",
        "taobao.tbk.dg.material.optional",
        "alibaba.wdk.bill.queryOrderStatus",
        "a.b_c.v2",
    ],
)
def test_real_method_names_pass_the_rule(method: str) -> None:
    assert top.method_name_problem(method) is None
