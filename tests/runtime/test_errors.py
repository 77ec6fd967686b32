"""The error hierarchy: which class each gateway error becomes, and what its message says."""

from __future__ import annotations

import pickle

import pytest
from runtime_samples import APP_SECRET, SESSION

from generator.runtime.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BusinessError,
    InvalidRequestError,
    MaizuoError,
    ParameterError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    error_from_response,
)

EXPECTED_BY_CODE: dict[int, type[APIError]] = {
    3: APIError,
    **dict.fromkeys(range(4, 9), RateLimitError),
    9: InvalidRequestError,
    10: ServerError,
    **dict.fromkeys(range(11, 14), PermissionDeniedError),
    15: APIError,
    **dict.fromkeys(range(21, 24), InvalidRequestError),
    **dict.fromkeys(range(24, 30), AuthenticationError),
    **dict.fromkeys(range(30, 35), InvalidRequestError),
    **dict.fromkeys(range(40, 48), InvalidRequestError),
    50: APIError,
    100: APIError,
}


@pytest.mark.parametrize(("code", "expected"), sorted(EXPECTED_BY_CODE.items()))
def test_class_by_code(code: int, expected: type[APIError]) -> None:
    error = error_from_response({"code": code, "msg": "m"})
    assert type(error) is expected
    assert error.code == code


@pytest.mark.parametrize(
    ("code", "sub_code", "expected"),
    [
        (15, "isp.top-remote-connection-timeout", ServerError),
        (50, "isp.unknown-error", ServerError),
        (15, "isv.invalid-parameter", InvalidRequestError),
        (50, "isv.missing-parameter:param0", InvalidRequestError),
        (15, "something-else", APIError),
        (15, None, APIError),
        (None, "isv.x", InvalidRequestError),
        (None, None, APIError),
        (27, "invalid-sessionkey", AuthenticationError),
        (11, "isv.permission-api-package-limit", PermissionDeniedError),
        (7, "accesscontrol.limited-by-app-access-count", RateLimitError),
        (44, "isp.service-unavailable", ServerError),
        (41, "isv.invalid-parameter", InvalidRequestError),
    ],
)
def test_class_by_sub_code(
    code: int | None, sub_code: str | None, expected: type[APIError]
) -> None:
    assert type(error_from_response({"code": code, "msg": "m", "sub_code": sub_code})) is expected


def test_hierarchy() -> None:
    for cls in (
        AuthenticationError,
        PermissionDeniedError,
        RateLimitError,
        InvalidRequestError,
        ServerError,
    ):
        assert issubclass(cls, APIError)
    for cls in (
        APIError,
        BusinessError,
        APIConnectionError,
        APIStatusError,
        ResponseDecodeError,
        ParameterError,
    ):
        assert issubclass(cls, MaizuoError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(ParameterError, ValueError)


def test_xml_text_values_are_converted() -> None:
    error = error_from_response({"code": "27", "msg": "Invalid session", "request_id": "r9"})
    assert isinstance(error, AuthenticationError)
    assert error.code == 27
    assert str(error) == "Invalid session (code 27) [request id r9]"


@pytest.mark.parametrize("code", ["abc", "", True, 1.5, [1], {"a": 1}, "9" * 40])
def test_odd_codes_do_not_break(code: object) -> None:
    error = error_from_response({"code": code, "msg": {"not": "text"}})
    assert type(error) is APIError
    assert error.code is None and error.msg is None
    assert str(error) == "error"


def test_message_is_one_line_with_request_id() -> None:
    error = error_from_response(
        {
            "code": 15,
            "msg": "Remote service error",
            "sub_code": "isv.invalid-parameter",
            "sub_msg": "非法\n参数\r\n",
            "request_id": "3zxk4b1f",
        }
    )
    assert (
        str(error)
        == "Remote service error (code 15): isv.invalid-parameter: 非法 参数 [request id 3zxk4b1f]"
    )
    assert repr(error) == f"InvalidRequestError({str(error)!r})"
    assert (error.sub_code, error.sub_msg, error.request_id) == (
        "isv.invalid-parameter",
        "非法\n参数\r\n",
        "3zxk4b1f",
    )


def test_messages_of_the_other_errors() -> None:
    assert str(BusinessError(500, "失败")) == "operation failed (result code 500): 失败"
    assert str(BusinessError(None, None, "r")) == "operation failed [request id r]"
    assert str(APIStatusError(503, b"")) == "HTTP 503 from the gateway"
    long_body = b"<p>\n" + b"y" * 1000
    status = APIStatusError(502, long_body)
    assert len(status.body) == 500 and "\n" not in str(status) and str(status).endswith("…")
    decode = ResponseDecodeError("why", 200, b"\xff\xfe")
    assert str(decode) == "unreadable reply (HTTP 200): why: \ufffd\ufffd"
    assert str(decode.request_id) == "None"
    decode = ResponseDecodeError("why", 200, b"", request_id="rid")
    assert str(decode) == "unreadable reply (HTTP 200): why [request id rid]"
    not_sent = APITimeoutError("timed out", request_sent=False)
    assert str(not_sent) == "timed out; the request was not sent"
    assert APIConnectionError("x").request_sent is True
    assert str(APIConnectionError("x")) == "x; the request may have reached the service"


@pytest.mark.parametrize(
    "error",
    [
        error_from_response({"code": 7, "msg": "App Call Limited", "request_id": "r"}),
        error_from_response({"code": 15, "sub_code": "isp.unknown-error", "sub_msg": "内部错误"}),
        BusinessError(500, "失败", "r"),
        APIConnectionError("refused", request_sent=False),
        APITimeoutError("timed out"),
        APIStatusError(502, b"<p>bad gateway</p>"),
        ResponseDecodeError("not JSON", 200, b"\xff"),
        ParameterError([("param0.code_type", "Input should be 1 or 2")]),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_pickle_whole(error: MaizuoError) -> None:
    """An error raised in a worker process reaches the parent as the same class and text
    (unpickling called each class with its args, which most do not take)."""
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), repr(copy), copy.args) == (str(error), repr(error), error.args)
    assert vars(copy) == vars(error)


def test_parameter_error_one_line_per_problem() -> None:
    error = ParameterError(
        [("param0.code_type", "Input should be 1 or 2"), ("x", "Field required")]
    )
    assert str(error) == "param0.code_type: Input should be 1 or 2\nx: Field required"
    assert error.problems[0] == ("param0.code_type", "Input should be 1 or 2")


def test_redact_scrubs_text_bytes_and_args() -> None:
    errors: list[MaizuoError] = [
        error_from_response({"code": 27, "msg": f"Invalid session {SESSION}", "request_id": "r"}),
        APIStatusError(502, f"<p>GET /router/rest?session={SESSION}&sign=ABCDEF</p>".encode()),
        ResponseDecodeError(f"echo {APP_SECRET}", 200, SESSION.encode()),
        APIConnectionError(f"failed at ?session={SESSION}"),
    ]
    for error in errors:
        error._redact(["ABCDEF", SESSION, APP_SECRET, None, ""])
        text = str(error) + repr(error) + repr(vars(error)) + repr(error.args)
        for secret in ("ABCDEF", SESSION, APP_SECRET):
            assert secret not in text
        assert "***" in str(error)
