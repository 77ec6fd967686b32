"""API families: which methods the spec holds, and where each lives in the client.

``info.x-top-package.families`` lists them, each a method prefix and the client namespace it
maps to; ``method-prefix`` is the shorthand for one family on the client itself, and a spec
that says neither holds the one family ``alibaba.damai.maizuo.openapi.``. A method belongs to
the family of the longest prefix it starts with; one that starts with none is refused at its
``x-top-method``, naming the families there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import naming, top
from ..ir import DEFAULT_METHOD_PREFIX, Family
from ..pointer import join as join_pointer
from .spec import Document, Stop

POINTER = "/info/x-top-package"


def declared_families(document: Document) -> tuple[Family, ...]:
    """The families the spec declares; a malformed entry is reported and left out."""
    package = (document.doc.get("info") or {}).get("x-top-package") or {}
    if not isinstance(package, dict):
        return (Family(prefix=DEFAULT_METHOD_PREFIX, namespace=""),)
    listed = package.get("families")
    if listed is None:
        prefix = package.get("method-prefix", DEFAULT_METHOD_PREFIX)
        return (Family(prefix=str(prefix), namespace=""),)
    where = join_pointer(POINTER, "families")
    if "method-prefix" in package:
        document.fail(
            join_pointer(POINTER, "method-prefix"),
            "give families or method-prefix, not both; method-prefix: P is the same as "
            'families: [{prefix: P, namespace: ""}]',
        )
    if not isinstance(listed, list) or not listed:
        document.fail(where, "must be a list of {prefix: alibaba.damai.mz., namespace: mz}")
        return ()
    families: list[Family] = []
    for i, entry in enumerate(listed):
        family = _family(document, entry, join_pointer(where, i))
        if family is None:
            continue
        same = next((f for f in families if f.prefix == family.prefix), None)
        if same is not None:
            document.fail(
                join_pointer(where, i, "prefix"),
                f"the prefix {family.prefix!r} is declared twice",
            )
            continue
        families.append(family)
    return tuple(families)


def _family(document: Document, entry: Any, pointer: str) -> Family | None:
    if not isinstance(entry, dict) or set(entry) != {"prefix", "namespace"}:
        document.fail(
            pointer,
            "must be a mapping of exactly prefix and namespace, e.g. {prefix: alibaba.damai.mz., "
            'namespace: mz} (namespace "" puts the family on the client itself)',
        )
        return None
    prefix, namespace = entry["prefix"], entry["namespace"]
    if not isinstance(prefix, str) or not prefix.endswith("."):
        document.fail(
            join_pointer(pointer, "prefix"),
            f"{prefix!r} must be a method prefix ending with a dot, like alibaba.damai.mz.",
        )
        return None
    problem = top.method_name_problem(prefix.removesuffix("."))
    if problem is not None:
        document.fail(join_pointer(pointer, "prefix"), f"the prefix {prefix!r} {problem}")
        return None
    if not isinstance(namespace, str) or (
        namespace and naming.member_name(namespace, top=True) != namespace
    ):
        suggestion = naming.member_name(str(namespace), top=True) if namespace else ""
        document.fail(
            join_pointer(pointer, "namespace"),
            f"{namespace!r} cannot be a client attribute; use a lower-case Python name that is "
            f"no keyword nor client option{f' (such as {suggestion!r})' if suggestion else ''}, "
            'or "" for the client itself',
        )
        return None
    return Family(prefix=prefix, namespace=namespace)


def family_of(top_method: str, families: Sequence[Family], pointer: str) -> Family:
    """The family of ``top_method`` (at the operation ``pointer``): the longest prefix wins."""
    matches = [f for f in families if top_method.startswith(f.prefix)]
    if not matches:
        declared = ", ".join(f"{f.prefix!r}" for f in families) or "none"
        raise Stop(
            join_pointer(pointer, "x-top-method"),
            f"{top_method!r} belongs to no API family of the spec (the families: {declared}); "
            "add its family to info.x-top-package.families",
        )
    return max(matches, key=lambda f: len(f.prefix))
