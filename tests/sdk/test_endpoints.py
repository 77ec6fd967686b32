"""Every endpoint of the spec, called through the generated client (sync and async) against
the mock gateway, which answers with the spec's example reply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from damai_maizuo import AsyncClient, Client, errors
from pydantic import BaseModel

from generator.generate import build
from generator.ir import Operation
from generator.mock.server import GatewayServer
from generator.render.examples import example_arguments

pytestmark = pytest.mark.usefixtures("each_transport")

SPEC = Path(__file__).resolve().parents[2] / "spec"
OPERATIONS = build(SPEC).operations


def _method(client: Client | AsyncClient, op: Operation) -> Any:
    target: Any = client
    for name in op.call_path.split("."):
        target = getattr(target, name)
    return target


def _expected(op: Operation) -> dict[str, Any] | None:
    for example in op.response_examples:
        value = example.value[op.response_key]
        assert isinstance(value, dict)
        return value
    return None


def _check_reply(op: Operation, response: BaseModel, top_gateway: GatewayServer) -> None:
    assert type(response).__name__ == op.response.name
    expected = _expected(op)
    if expected is not None:
        dumped = response.model_dump(mode="json", by_alias=True, exclude_none=True)
        dumped.pop("request_id", None)
        expected = {k: v for k, v in expected.items() if k != "request_id"}
        assert json.loads(json.dumps(dumped)) == expected
    assert response.request_id  # type: ignore[attr-defined]
    (request,) = top_gateway.requests
    assert request.method == op.top_method
    assert request.outcome == "ok"


def _example_result(op: Operation) -> dict[str, Any] | None:
    """The business result struct of the example reply, when the endpoint has one."""
    expected = _expected(op)
    if expected is None or op.business_result is None:
        return None
    for name in op.business_result.path:
        expected = expected.get(name)
        if not isinstance(expected, dict):
            return None
    return expected


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.call_path for op in OPERATIONS])
def test_sync_call(op: Operation, client: Client, top_gateway: GatewayServer) -> None:
    result = _example_result(op)
    call = _method(client, op)
    if (
        result is not None
        and op.business_result
        and result.get(op.business_result.success) is False
    ):
        with pytest.raises(errors.BusinessError) as failure:
            call(**example_arguments(op))
        assert op.business_result.code is not None
        assert failure.value.result_code == result.get(op.business_result.code)
        assert failure.value.request_id
        return
    _check_reply(op, call(**example_arguments(op)), top_gateway)


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.call_path for op in OPERATIONS])
async def test_async_call(
    op: Operation, async_client: AsyncClient, top_gateway: GatewayServer
) -> None:
    result = _example_result(op)
    call = _method(async_client, op)
    if (
        result is not None
        and op.business_result
        and result.get(op.business_result.success) is False
    ):
        with pytest.raises(errors.BusinessError):
            await call(**example_arguments(op))
        return
    _check_reply(op, await call(**example_arguments(op)), top_gateway)
