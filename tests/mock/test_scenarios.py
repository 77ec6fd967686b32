"""Scenarios over real HTTP: each kind of reply, call counts, matching, and the YAML file."""

from __future__ import annotations

import socket
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import pytest

from generator.mock import (
    CutShort,
    Drop,
    GatewayServer,
    HttpStatus,
    Normal,
    Result,
    Scenario,
    ScenarioError,
    TopError,
    load_scenarios,
)

from .conftest import QUERY
from .top import PARAM0, SEND, SEND_KEY, TopCaller

BUSINESS_FAILURE = {"result": {"success": False, "result_code": 500, "result_msg": "失败"}}


def test_a_result_body_replaces_the_example_in_every_form(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(Result(BUSINESS_FAILURE))
    assert top.call()[SEND_KEY]["result"] == BUSINESS_FAILURE["result"]
    assert top.call(simplify="true")["result"] == BUSINESS_FAILURE["result"]
    root = ET.fromstring(top.post(format="xml").content)
    assert root.tag == SEND_KEY and root.findtext("result/success") == "false"


def test_a_top_error_with_sub_code(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(TopError(15, sub_code="isp.top-remote-service-unavailable"))
    error = top.error()
    assert error["code"] == 15 and error["msg"] == "Remote service error"
    assert error["sub_code"] == "isp.top-remote-service-unavailable"
    assert error["request_id"]


def test_a_top_error_with_its_own_message(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(TopError(7, msg="App Call Limited (mock)", sub_msg="稍后再试"))
    error = top.error()
    assert "sub_code" not in error
    assert (error["code"], error["msg"], error["sub_msg"]) == (
        7,
        "App Call Limited (mock)",
        "稍后再试",
    )


def test_an_http_status_with_any_body(top: TopCaller, top_gateway: GatewayServer) -> None:
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    top_gateway.add_scenario(HttpStatus(502, page, headers={"Retry-After": "1"}))
    reply = top.post()
    assert reply.status_code == 502
    assert reply.text == page
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    assert reply.headers["retry-after"] == "1"


def test_a_delay_then_the_normal_reply(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(Normal(delay=0.3))
    started = time.perf_counter()
    assert SEND_KEY in top.call()
    assert time.perf_counter() - started >= 0.3


def test_a_delay_longer_than_the_clients_timeout(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(Normal(delay=0.3), times=1)
    with pytest.raises(httpx.ReadTimeout):
        top.http.post(top.base_url, data=top.params(), timeout=0.05)
    time.sleep(0.3)  # the gateway survives writing to a client that left
    assert SEND_KEY in top.call()


def _raw_exchange(base_url: str, body: bytes) -> bytes:
    """Send one POST over a bare socket; everything received until the server closes."""
    url = urlsplit(base_url)
    with socket.create_connection((url.hostname or "", url.port or 80), timeout=5) as sock:
        head = (
            f"POST {url.path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        sock.sendall(head.encode() + body)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        return received


def test_a_body_cut_short(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(CutShort())
    with pytest.raises(httpx.RemoteProtocolError):
        top.post()
    reply = _raw_exchange(top.base_url, urlencode(top.params()).encode())
    head, _, body = reply.partition(b"\r\n\r\n")
    headers = dict(line.lower().split(b": ", 1) for line in head.split(b"\r\n")[1:])
    assert head.startswith(b"HTTP/1.1 200 ")
    length = int(headers[b"content-length"])
    assert 0 < len(body) < length


def test_a_dropped_connection(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(Drop())
    with pytest.raises(httpx.RemoteProtocolError):
        top.post()
    assert _raw_exchange(top.base_url, urlencode(top.params()).encode()) == b""


def test_times_one_then_the_normal_reply(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(HttpStatus(503, "busy"), times=1)
    assert top.post().status_code == 503
    assert SEND_KEY in top.call()


def test_a_sequence_of_replies_then_the_normal_one(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(
        replies=[HttpStatus(502, "bad gateway"), TopError(10), Result(BUSINESS_FAILURE)]
    )
    assert top.post().status_code == 502
    assert top.error()["code"] == 10
    assert top.call()[SEND_KEY]["result"]["success"] is False
    assert top.call()[SEND_KEY]["result"]["success"] is True


def test_the_last_reply_repeats_up_to_times(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(replies=[TopError(10), TopError(7)], times=3)
    assert [top.error()["code"] for _ in range(3)] == [10, 7, 7]
    assert SEND_KEY in top.call()


def test_one_reply_without_times_answers_every_call(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(TopError(7))
    assert [top.error()["code"] for _ in range(4)] == [7] * 4


@pytest.mark.parametrize(
    ("params", "matched"),
    [
        ({"param0.user_phone": "13900000000"}, True),
        ({"param0.user_phone": "13811111111"}, False),
        ({"param0.code_type": 1}, True),
        ({"param0.code_type": "1"}, False),
        ({"param0": {"code_type": 1, "user_phone": "13900000000"}}, True),
        ({"param0": {"code_type": 2}}, False),
        ({"param0.no.such.field": 1}, False),
        ({"v": "2.0", "format": "json"}, True),
        ({"partner_id": "x"}, False),
    ],
)
def test_matching_on_parameter_values(
    top: TopCaller, top_gateway: GatewayServer, params: dict[str, object], matched: bool
) -> None:
    top_gateway.add_scenario(TopError(7), params=params)
    reply = top.call(business={"param0": PARAM0})
    assert ("error_response" in reply) is matched


def test_matching_on_the_method(extended: TopCaller, extended_server: GatewayServer) -> None:
    extended_server.add_scenario(TopError(7), method=QUERY)
    assert SEND_KEY in extended.call()


def test_an_invalid_call_gets_its_check_error_and_leaves_the_scenario(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(HttpStatus(502), times=1)
    assert top.error(sign="0" * 32)["code"] == 25
    assert top.post().status_code == 502


def test_the_first_matching_scenario_answers(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(TopError(7), params={"param0.code_type": 2})
    top_gateway.add_scenario(TopError(10))
    top_gateway.add_scenario(TopError(15))
    assert top.error()["code"] == 10


def test_bad_scenarios_from_python_are_refused() -> None:
    with pytest.raises(ValueError, match="either one reply or a list"):
        Scenario.of(Normal(), replies=[Normal()])
    with pytest.raises(ValueError, match="either one reply or a list"):
        Scenario.of()
    with pytest.raises(ValueError, match="delay"):
        Normal(delay=-1)
    with pytest.raises(ValueError, match="200-599"):
        HttpStatus(99)
    with pytest.raises(ValueError, match="headers"):
        HttpStatus(502, headers={"X-Note": "a\r\nInjected: 1"})
    with pytest.raises(ValueError, match="content_type"):
        HttpStatus(502, content_type="text/html; 字符集")
    with pytest.raises(ValueError, match="times"):
        Scenario.of(Normal(), times=0)
    with pytest.raises(ValueError, match="plain JSON"):
        Result({"when": object()})


YAML_EXAMPLE = """\
scenarios:
  - name: SMS service down, then fine
    method: alibaba.damai.maizuo.openapi.user.authcode.send
    params:
      param0.user_phone: "13900000000"
    replies:
      - http: {status: 502, body: "<html><body>502 Bad Gateway</body></html>"}
      - error: {code: 15, sub_code: isp.top-remote-service-unavailable, sub_msg: 服务不可用}
      - drop: true
      - cut_short: true
      - normal: true
        delay: 0.01
      - result: {result: {success: false, result_code: 500, result_msg: 失败}}
    times: 8
  - reply: {delay: 0.01}
"""


def test_the_yaml_file_of_the_docs(tmp_path: Path) -> None:
    path = tmp_path / "scenarios.yaml"
    path.write_text(YAML_EXAMPLE, encoding="utf-8")
    first, second = load_scenarios(path)
    assert first.name == "SMS service down, then fine"
    assert first.method == SEND
    assert first.times == 8
    assert [type(r).__name__ for r in first.replies] == [
        "HttpStatus",
        "TopError",
        "Drop",
        "CutShort",
        "Normal",
        "Result",
    ]
    assert first.replies[4].delay == 0.01
    assert second.replies == (Normal(delay=0.01),) and second.times is None


def test_yaml_scenarios_drive_a_server(
    top: TopCaller, top_gateway: GatewayServer, tmp_path: Path
) -> None:
    path = tmp_path / "scenarios.yaml"
    path.write_text(YAML_EXAMPLE, encoding="utf-8")
    for scenario in load_scenarios(path):
        top_gateway.gateway.scenarios.add(scenario)
    assert top.post().status_code == 502
    assert top.error()["sub_code"] == "isp.top-remote-service-unavailable"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("scenarios: [\n  {reply: }\n", ":3: invalid YAML"),
        ("", "the file: expected a mapping"),
        ("scenario: []", "unknown key 'scenario'"),
        ("scenarios: {}", "expected a list"),
        ("scenarios: [{reply: {stauts: 1}}]", "scenarios[0].reply: unknown key 'stauts'"),
        ("scenarios: [{reply: {drop: true, normal: true}}]", "give one of drop, normal"),
        ("scenarios: [{reply: {}}]", "give one of result, error"),
        ("scenarios: [{reply: {http: {body: x}}}]", "needs a status"),
        ("scenarios: [{reply: {http: {status: '502'}}}]", "must be an integer"),
        ("scenarios: [{reply: {http: {status: 502, headers: [1]}}}]", "headers"),
        ("scenarios: [{reply: {error: {sub_code: x}}}]", "needs a code"),
        ("scenarios: [{reply: {drop: yes please}}]", "write `true`"),
        ("scenarios: [{reply: {normal: true, delay: soon}}]", "delay must be a number"),
        ("scenarios: [{reply: {result: [1]}}]", "the object inside the envelope"),
        ("scenarios: [{reply: {drop: true}, times: 0}]", "times must be 1 or more"),
        ("scenarios: [{reply: {drop: true}, times: true}]", "times: expected an integer"),
        ("scenarios: [{replies: []}]", "either one reply or a list"),
        ("scenarios: [{replies: {drop: true}}]", "replies: expected a list"),
        ("scenarios: [{method: 1, reply: {drop: true}}]", "method: expected text"),
    ],
)
def test_a_bad_yaml_file_is_one_clear_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenarios(path)
    assert str(caught.value).startswith(f"{path}")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_yaml_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"nowhere\.yaml: no such file"):
        load_scenarios(tmp_path / "nowhere.yaml")


def test_dates_in_yaml_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "dates.yaml"
    path.write_text("scenarios: [{reply: {result: {when: 2016-01-01 12:00:00}}}]", "utf-8")
    (scenario,) = load_scenarios(path)
    assert scenario.replies == (Result({"when": "2016-01-01 12:00:00"}),)
