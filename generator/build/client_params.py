"""Client-level parameters: values a partner gives the client once, filled into every request.

Most calls carry the same partner credentials in their business structs (``ptnr_token``,
``tenant_token``, ``channel_token``). ``info.x-top-package.client-params`` declares them, each
``{name, description, secret}``; the client takes each as a keyword argument of its name, or
from the environment variable named by one rule: the package's prefix and the name in capitals
(``DAMAI_MAIZUO_PTNR_TOKEN``), so no spec can name a variable the SDK already reads.

A request field of a declared name is *client-filled*: a top-level business parameter, or a
field of any struct sent in a request, at any depth (in lists too). The SDK types it as
optional and the client fills it in when a call leaves it unset. Such a field must be text (the
client holds text), and every declared name must be carried by some request field: a name no
field carries is a typo, and would fill nothing.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .. import naming, top
from ..ir import ClientParam, Field, Model, Operation
from ..pointer import join as join_pointer
from .spec import Document

POINTER = "/info/x-top-package/client-params"
_KEYS = ("name", "description", "secret")
_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
_EXAMPLE = "{name: ptnr_token, description: 合作方令牌, secret: true}"
_OWN_ENV = ("APP_KEY", "APP_SECRET", "BASE_URL", "LOG")
_METHOD_NAMES = frozenset({"self", "super", "options", "changes"})
"""Names the generated ``Client.__init__`` and ``with_options`` use beside their keyword
arguments (``self``, ``super()``, ``**options``, ``**changes``): a parameter of one of these
names would not compile, or would hide what the method calls."""
"""The environment variables the SDK reads already, after its prefix."""


def env_name(env_prefix: str, name: str) -> str:
    """The environment variable of the client parameter ``name``."""
    return f"{env_prefix}_{name.upper()}"


def declared_client_params(document: Document, env_prefix: str) -> tuple[ClientParam, ...]:
    """The client parameters the spec declares; a malformed entry is reported and left out."""
    package = (document.doc.get("info") or {}).get("x-top-package") or {}
    listed = package.get("client-params") if isinstance(package, dict) else None
    if listed is None:
        return ()
    if not isinstance(listed, list):
        document.fail(POINTER, f"must be a list of client parameters, each like {_EXAMPLE}")
        return ()
    found: dict[str, ClientParam] = {}
    for i, entry in enumerate(listed):
        param = _client_param(document, entry, join_pointer(POINTER, i), env_prefix)
        if param is None:
            continue
        first = found.get(param.name)
        if first is not None:
            document.fail(
                join_pointer(param.pointer, "name"),
                f"the client parameter {param.name!r} is declared twice (first at "
                f"{document.where(first.pointer)}); keep one",
            )
            continue
        found[param.name] = param
    return tuple(found.values())


def _client_param(
    document: Document, entry: Any, pointer: str, env_prefix: str
) -> ClientParam | None:
    if not isinstance(entry, dict):
        document.fail(pointer, f"must be a mapping like {_EXAMPLE}")
        return None
    unknown = [key for key in entry if key not in _KEYS]
    if unknown:
        hint = (
            f"; the environment variable is always the package's prefix and the name in capitals "
            f"({env_prefix}_NAME), so it is not written"
            if "env" in unknown
            else ""
        )
        document.fail(
            join_pointer(pointer, str(unknown[0])),
            f"unknown key {unknown[0]!r}; a client parameter has name, description and (optional) "
            f"secret{hint}",
        )
        return None
    name, description, secret = entry.get("name"), entry.get("description"), entry.get("secret")
    problem = _name_problem(name, env_prefix)
    if problem is not None:
        where = join_pointer(pointer, "name") if "name" in entry else pointer
        document.fail(where, problem)
        return None
    if not isinstance(description, str) or not description.strip():
        where = join_pointer(pointer, "description") if "description" in entry else pointer
        document.fail(where, "needs a description: what the value is and where a partner gets it")
        return None
    if secret is not None and not isinstance(secret, bool):
        document.fail(
            join_pointer(pointer, "secret"),
            f"must be true or false, not {secret!r} (left out, it is true: values are redacted)",
        )
        return None
    assert isinstance(name, str)  # _name_problem refused anything else
    return ClientParam(
        name=name,
        env=env_name(env_prefix, name),
        description=description,
        secret=True if secret is None else secret,
        pointer=pointer,
    )


def _name_problem(name: Any, env_prefix: str) -> str | None:
    """What is wrong with ``name`` as a client parameter's name, or ``None``."""
    if name is None:
        return f"needs a name: the request fields' name on the wire, as in {_EXAMPLE}"
    if not isinstance(name, str) or not _NAME.fullmatch(name) or keyword.iskeyword(name):
        return (
            f"{name!r} cannot name a client parameter: write the fields' wire name in lower-case "
            "letters, digits and _ (starting with a letter, at most 64), which is also the "
            f"keyword argument of Client and, in capitals, the end of its environment variable "
            f"({env_prefix}_NAME)"
        )
    if name in naming.CLIENT_OPTIONS:
        return (
            f"{name!r} is an option of Client (Client({name}=...)); a client parameter cannot "
            "take its name"
        )
    if name in _METHOD_NAMES:
        return (
            f"{name!r} is a name the client's constructor uses itself; a client parameter "
            "cannot take it"
        )
    if name in top.SYSTEM_PARAMS:
        return (
            f"{name!r} is a TOP system parameter, set by the client on every call; no business "
            "field can take its name"
        )
    env = env_name(env_prefix, name)
    if any(env == f"{env_prefix}_{own}" for own in _OWN_ENV):
        return (
            f"its environment variable {env} is one the SDK already reads for itself; rename the "
            "client parameter"
        )
    return None


def mark_client_fields(
    document: Document, operations: Iterable[Operation], params: tuple[ClientParam, ...]
) -> list[Operation]:
    """The operations with each request field of a client parameter's name marked as filled by
    it; a field of such a name that is not text, and a parameter no field carries, are
    reported."""
    by_name = {p.name: p for p in params}
    used: set[str] = set()
    marked = []
    for op in operations:
        if by_name:
            op = _mark(document, op, by_name, used)
        marked.append(op)
    for param in params:
        if param.name not in used:
            document.fail(
                join_pointer(param.pointer, "name"),
                f"no request field is named {param.name!r}, so the client would fill nothing; "
                "correct the name (the fields' name on the wire) or remove the client parameter",
            )
    return marked


def _mark(
    document: Document, op: Operation, by_name: dict[str, ClientParam], used: set[str]
) -> Operation:
    models: dict[str, Model] = {}
    for model in op.models:
        if model.is_input:
            fields = tuple(_field(document, f, by_name, used) for f in model.fields)
            if fields != model.fields:
                model = replace(model, fields=fields)
        models[model.name] = model
    param_fields = {f.name: f for f in models[op.params_model.name].fields}
    return replace(
        op,
        params=tuple(replace(p, client_param=param_fields[p.name].client_param) for p in op.params),
        models=tuple(models.values()),
        params_model=models[op.params_model.name],
        response=models[op.response.name],
    )


def _field(
    document: Document, field: Field, by_name: dict[str, ClientParam], used: set[str]
) -> Field:
    param = by_name.get(field.name)
    if param is None:
        return field
    used.add(param.name)
    if field.type.kind != "string":
        document.fail(
            field.pointer,
            f"{field.name!r} is a client parameter ({document.where(param.pointer)}), which "
            f"the client fills with text; this field is {field.type.schema_type}: make it a "
            "string, or remove the client parameter",
        )
        return field
    return replace(field, client_param=param)
