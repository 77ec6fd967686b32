"""Runnable examples of calling an endpoint, sync and async, as the docs and the site show them.

The arguments come from the spec's request example, else from each parameter's own examples,
else (for a required one) from :mod:`generator.samples`, so an example can be sent as written.
Fields the client fills (client parameters, such as partner tokens) are left to the client,
which reads them from its environment variables, as a partner's code would.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

from ..ir import Api, Model, Operation, TypeRef
from ..samples import OMIT, READABLE, Sampler
from .pytext import literal


def example_arguments(op: Operation) -> dict[str, Any]:
    """Keyword arguments for calling ``op``: the spec's request example, else its field
    examples, else (for a required one) a placeholder; optional parameters with neither are
    left out."""
    sampler = Sampler({m.name: m for m in op.models}, {e.name: e for e in op.enums}, READABLE)
    request = op.request_examples[0].value if op.request_examples else {}
    arguments = {}
    for p in op.params:
        if isinstance(request, dict) and p.name in request:
            value = request[p.name]
        else:
            value = sampler.value(p.type, p.examples, required=p.required)
        if value is not OMIT:
            arguments[p.py_name] = value
    return arguments


def _call(op: Operation, prefix: str, indent: int) -> str:
    """``response = <prefix>client.<path>(...)`` at ``indent``, one argument a line."""
    pad = " " * indent
    arguments = "".join(
        f"{pad}    {name}={literal(value, indent + 4)},\n"
        for name, value in left_to_the_client(op, example_arguments(op))[0].items()
    )
    if not arguments:
        return f"{pad}response = {prefix}client.{op.call_path}()\n"
    return f"{pad}response = {prefix}client.{op.call_path}(\n{arguments}{pad})\n"


def _handlers(op: Operation, indent: int) -> str:
    pad = " " * indent
    text = ""
    if op.business_result:
        text += (
            f"{pad}except errors.BusinessError as exc:\n"
            f'{pad}    print("not done:", exc.result_code, exc.result_msg, exc.request_id)\n'
        )
    return text + (
        f"{pad}except errors.APIError as exc:\n"
        f'{pad}    print("refused:", exc.code, exc.sub_code, exc.sub_msg, exc.request_id)\n'
        f"{pad}except errors.APIConnectionError as exc:\n"
        f'{pad}    print("no reply; request_sent:", exc.request_sent, exc)\n'
        f"{pad}except errors.MaizuoError as exc:\n"
        f'{pad}    print("failed:", exc)\n'
        f"{pad}else:\n"
        f"{pad}    print(response)\n"
    )


def _reads(op: Operation, api: Api, indent: int) -> str:
    """The comment on where the client of ``op``'s example finds what it needs: after its
    line, and on lines of their own (at ``indent``) for the client parameters it fills in."""
    text = f"  # reads {api.env_prefix}_APP_KEY and {api.env_prefix}_APP_SECRET"
    _, given = left_to_the_client(op, example_arguments(op))
    fills = [p for p in api.client_params if p.name in given]
    if not fills:
        return text
    names = ", ".join(p.name for p in fills)
    envs = ", ".join(p.env for p in fills)
    note = f"it fills in {names} from {envs}"
    pad = " " * indent
    lines = textwrap.wrap(note, width=88 - indent - 2, break_on_hyphens=False)
    return text + "".join(f"\n{pad}# {line}" for line in lines)


def sync_example(op: Operation, api: Api) -> str:
    """A script that calls ``op`` with :class:`Client` and handles each kind of failure."""
    return (
        f"from {api.package} import Client, errors\n\n"
        f"client = Client(){_reads(op, api, 0)}\n"
        "try:\n" + _call(op, "", 4) + _handlers(op, 0)
    )


def async_example(op: Operation, api: Api) -> str:
    """The same call with :class:`AsyncClient`, in a coroutine run by :func:`asyncio.run`."""
    return (
        "import asyncio\n\n"
        f"from {api.package} import AsyncClient, errors\n\n\n"
        "async def main() -> None:\n"
        f"    async with AsyncClient() as client:{_reads(op, api, 8)}\n"
        "        try:\n" + _call(op, "await ", 12) + _handlers(op, 8) + "\n\n"
        "asyncio.run(main())\n"
    )


def client_params_example(api: Api) -> str:
    """A script giving the client its parameters once and calling an endpoint without them
    (the first of the README's candidates that has fields the client fills); ``""`` when no
    endpoint has such fields. The values shown are the spec's own examples of those fields."""
    for op in _readme_candidates(api):
        arguments, given = left_to_the_client(op, example_arguments(op))
        if not given:
            continue
        values = {p.name: given[p.name] for p in api.client_params if p.name in given}
        options = "".join(f"    {name}={literal(value, 4)},\n" for name, value in values.items())
        call_arguments = "".join(
            f"        {name}={literal(value, 8)},\n" for name, value in arguments.items()
        )
        envs = ", ".join(p.env for p in api.client_params if p.name in values)
        return (
            f"from {api.package} import Client\n\n"
            f"# the same as setting {envs}\n"
            f"with Client(\n{options}) as client:\n"
            f"    response = client.{op.call_path}(\n{call_arguments}    )\n"
            "    print(response)\n"
        )
    return ""


def left_to_the_client(
    op: Operation, arguments: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``arguments`` of ``op`` with every value of a field the client fills taken out, and the
    values taken out by client parameter (the first met of each)."""
    models = {m.name: m for m in op.models}
    kept = dict(arguments)
    given: dict[str, Any] = {}
    for p in op.params:
        if p.py_name not in kept:
            continue
        if p.client_param is not None:
            given.setdefault(p.client_param.name, kept.pop(p.py_name))
        else:
            kept[p.py_name] = _without_filled(kept[p.py_name], p.type, models, given)
    return kept, given


def _without_filled(
    value: Any, ref: TypeRef, models: dict[str, Model], given: dict[str, Any]
) -> Any:
    """An example value with the fields the client fills taken out (into ``given``)."""
    if ref.kind == "array" and ref.item is not None and isinstance(value, list):
        return [_without_filled(item, ref.item, models, given) for item in value]
    model = models.get(ref.model or "")
    if model is None or not isinstance(value, dict):
        return value
    kept = dict(value)
    for f in model.fields:
        if f.name not in kept:
            continue
        if f.client_param is not None:
            given.setdefault(f.client_param.name, kept.pop(f.name))
        else:
            kept[f.name] = _without_filled(kept[f.name], f.type, models, given)
    return kept


def _readme_candidates(api: Api) -> list[Operation]:
    """The endpoints the README's examples call, best first: those with a request example in
    the spec (its arguments are real ones), else all."""
    with_example = [op for op in api.operations if op.request_examples]
    return with_example or list(api.operations)


def _given(op: Operation) -> str:
    """The client parameters ``op``'s example leaves to the client, as keyword arguments of a
    client made in a function (the kit's examples set no environment variables)."""
    _, given = left_to_the_client(op, example_arguments(op))
    return "".join(f"        {name}={literal(value, 8)},\n" for name, value in given.items())


def kit_test(op: Operation, api: Api) -> str:
    """A partner's pytest test of ``op`` against the testing kit's fixture: the service fails
    (a TOP error set up as a scenario) and the test sees it raised."""
    fixture = f"{api.package}_gateway"
    session = "        session=gateway.session,\n" if op.session != "none" else ""
    return (
        "import pytest\n"
        f"from {api.package} import Client, errors\n"
        f"from {api.package}.testing import TopError\n\n\n"
        f"def test_a_failing_service_is_reported({fixture}):\n"
        f"    gateway = {fixture}\n"
        '    gateway.add_scenario(TopError(15, sub_code="isp.top-remote-service-unavailable"))\n'
        "    client = Client(\n"
        "        app_key=gateway.app_key,\n"
        "        app_secret=gateway.app_secret,\n"
        "        base_url=gateway.base_url,\n"
        f"{session}{_given(op)}"
        "    )\n"
        "    with pytest.raises(errors.ServerError):\n" + _call(op, "", 8) + "\n"
        '    assert gateway.requests[-1].outcome == "error"\n'
    )


def kit_script(op: Operation, api: Api) -> str:
    """A script serving the testing kit's gateway itself: a proxy's 502 for the first call,
    the spec's example reply for the next."""
    session = "        session=mock.session,\n" if op.session != "none" else ""
    return (
        f"from {api.package} import Client, errors\n"
        f"from {api.package}.testing import GatewayServer, HttpStatus, gateway\n\n"
        "with GatewayServer(gateway()) as mock:\n"
        '    mock.add_scenario(HttpStatus(502, "<h1>502 Bad Gateway</h1>"), times=1)\n'
        "    client = Client(\n"
        "        app_key=mock.app_key,\n"
        "        app_secret=mock.app_secret,\n"
        "        base_url=mock.base_url,\n"
        f"{session}{_given(op)}"
        "        max_retries=0,\n"
        "    )\n"
        "    for attempt in (1, 2):\n"
        "        try:\n" + _call(op, "", 12) + "        except errors.APIStatusError as exc:\n"
        '            print(attempt, "HTTP", exc.status_code)\n'
        "        else:\n"
        "            print(attempt, response)\n"
        "    print([request.outcome for request in mock.requests])  # ['http', 'ok']\n"
    )


def readme_operation(api: Api) -> Operation | None:
    """The endpoint the README's example calls: the first with a request example in the spec
    (its arguments are real ones), else the first."""
    candidates = _readme_candidates(api)
    return candidates[0] if candidates else None


def wheel_name(api: Api) -> str:
    """The file name of the wheel ``python -m build`` makes of the SDK (PEP 427: the name's
    runs of ``-``, ``_`` and ``.`` become ``_``)."""
    name = re.sub(r"[-_.]+", "_", api.distribution).lower()
    return f"{name}-{api.version}-py3-none-any.whl"
