"""The promise: a new endpoint takes editing the spec alone, then generating.

A copy of the spec gains an endpoint with what the first one lacks (several parameters, an
optional field, a nested object, a list of objects, a Boolean, a date-time, a list of scalars, an
enum of strings, a field named ``from``); the generator and templates are used as they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.generate import generate

from .conftest import ROOT, read_yaml, write_yaml

DATA = Path(__file__).parent / "data"
NEW = "alibaba.damai.maizuo.openapi.ticket.order.query"


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .conftest import ENDPOINT, SPEC

    base = tmp_path_factory.mktemp("spec-alone")
    spec = base / "spec"
    (spec / "endpoints").mkdir(parents=True)
    shutil.copy(SPEC / ENDPOINT, spec / ENDPOINT)
    shutil.copy(DATA / f"{NEW}.yaml", spec / "endpoints" / f"{NEW}.yaml")
    root = read_yaml(SPEC / "openapi.yaml")
    root["paths"] = {
        "/alibaba.damai.maizuo.openapi.user.authcode.send": {"$ref": ENDPOINT},
        f"/{NEW}": {"$ref": f"endpoints/{NEW}.yaml"},
    }
    write_yaml(spec / "openapi.yaml", root)
    out = base / "generated"
    generate(spec, out)
    return out


def _python(sdk: Path, code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{sdk}:{ROOT}", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_new_method_models_and_doc_page_exist(sdk: Path) -> None:
    out = _python(
        sdk,
        """
        import inspect
        from damai_maizuo import AsyncClient, Client
        from damai_maizuo.endpoints.ticket_order_query import (
            ItemParam, OrderFilter, OrderQueryParam, OrderVo, ResultData, Status,
            TicketOrderQueryResponse,
        )

        client = Client(app_key="k", app_secret="s")
        method = client.ticket.order.query
        print(sorted(inspect.signature(method).parameters))
        print(inspect.iscoroutinefunction(AsyncClient(app_key="k", app_secret="s").ticket.order.query))
        query = OrderQueryParam.model_validate({"from": "app", "items": [{"item_id": "1"}]})
        print(query.from_, query.items[0].item_id, query.page_size)
        print(list(Status), Status.PAID.label)
        print(TicketOrderQueryResponse.model_fields["orders"].annotation)
        """,
    )
    lines = out.splitlines()
    assert lines[0] == (
        "['channel', 'extra_params', 'max_retries', 'order_query', 'tags', 'timeout']"
    ), "the business parameters and the per-call options"
    assert lines[1] == "True"
    assert lines[2] == "app 1 None"
    assert lines[3] == "[<Status.PAID: 'paid'>, <Status.REFUNDED: 'refunded'>] 已支付"
    assert "OrderVo" in lines[4]
    page = (sdk / "docs" / "ticket.order.query.md").read_text()
    assert "`client.ticket.order.query(...)`" in page
    assert "| `from` | `string` | yes |" in page
    assert "[OrderFilter](#orderfilter)" in page
    assert "ticket.order.query.md" in (sdk / "docs" / "index.md").read_text()


def test_new_endpoint_type_checks_with_mypy_strict(sdk: Path, tmp_path: Path) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(textwrap.dedent("""
            from datetime import datetime

            from damai_maizuo import Client
            from damai_maizuo.endpoints.ticket_order_query import OrderQueryParam, TicketOrderQueryResponse


            def call(client: Client) -> TicketOrderQueryResponse:
                client.ticket.order.query(
                    channel="web",
                    tags=["vip"],
                    order_query=OrderQueryParam.model_validate({"from": "app"}),
                )
                return client.ticket.order.query(
                    channel="web",
                    order_query={
                        "from": "app",
                        "since": datetime(2026, 1, 1),
                        "filter": {"status": "paid"},
                        "items": [{"item_id": "1"}],
                    },
                )
            """))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--config-file",
            "/dev/null",
            "damai_maizuo",
            str(usage),
        ],
        cwd=sdk,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_new_endpoint_is_served_and_called_with_no_code_change(sdk: Path) -> None:
    out = _python(
        sdk,
        f"""
        from pathlib import Path

        from generator.mock.gateway import Gateway
        from generator.mock.scenarios import Result
        from generator.mock.server import GatewayServer
        from damai_maizuo import Client

        with GatewayServer(Gateway.from_spec(Path({str(sdk.parent / "spec")!r}))) as gateway:
            client = Client(app_key=gateway.app_key, app_secret=gateway.app_secret, base_url=gateway.base_url)
            reply = client.ticket.order.query(channel="web", tags=["vip", "new"], order_query={{"from": "app"}})
            print(repr(reply.orders[0].state), reply.orders[0].created.isoformat())
            gateway.add_scenario(Result({{"result_data": {{"success": True}}, "orders": [{{"order_id": "2", "state": 9}}]}}))
            later = client.ticket.order.query(channel="web", order_query={{"from": "app"}})
            print(repr(later.orders[0].state))
            print(gateway.requests[0].params["tags"], gateway.requests[0].params["order_query"])
        """,
    )
    first, unknown, sent = out.splitlines()
    assert first == "<OrderState.PAID: 1> 2026-01-01T12:00:00+08:00"
    assert unknown == "9", "a state added later is kept, not refused"
    assert sent == 'vip,new {"from":"app"}'
