"""JSON pointers (RFC 6901) and the local ``$ref`` references of a bundled spec.

Every stage names a place in the spec by its JSON pointer (``/paths/~1a.b/post``) and follows
references written as ``#`` plus a pointer. Joining, resolving and following them is done here
only, so an escape rule or a guard against a reference cycle is written once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class PointerError(KeyError):
    """A reference that cannot be followed; ``str()`` says why in one sentence."""

    def __init__(self, ref: str, reason: str, fix: str) -> None:
        super().__init__(ref)
        self.ref = ref
        self.reason = reason
        self.fix = fix
        """What to change, for a message to the spec's author."""

    def __str__(self) -> str:
        return f"$ref {self.ref!r} {self.reason}"


def escape_token(token: str) -> str:
    """One reference token as written in a pointer: ``~`` as ``~0``, ``/`` as ``~1``."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape_token(token: str) -> str:
    """The key a pointer's reference token names (the inverse of :func:`escape_token`)."""
    return token.replace("~1", "/").replace("~0", "~")


def join(base: str, *tokens: str | int) -> str:
    """``base`` extended by ``tokens`` (keys or list indexes), each escaped."""
    for token in tokens:
        text = str(token)
        if "~" in text or "/" in text:
            text = escape_token(text)
        base = f"{base}/{text}"
    return base


def resolve(document: Mapping[str, Any], ref: str) -> Any:
    """The node a local reference ``#/...`` names; :class:`PointerError` when it names nothing
    (or is not local)."""
    if not ref.startswith("#"):
        raise PointerError(ref, "is not a local reference", "write it as #/...")
    node: Any = document
    for token in ref[1:].split("/")[1:]:
        token = unescape_token(token)
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise PointerError(ref, "points to nothing", "check the name and that it is defined")
    return node


def deref(document: Mapping[str, Any], node: Any, pointer: str = "") -> tuple[Any, str]:
    """Follow ``node`` through references until it is not one: the node reached and its pointer.

    A chain that comes back to a reference it passed (``A: {$ref: B}``, ``B: {$ref: A}``) has
    no end; it raises :class:`PointerError`, as does a reference to nothing.
    """
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if ref in seen:
            raise PointerError(
                ref,
                "is part of a cycle of references that never reaches a value",
                "one of them must be written out instead of referring on",
            )
        seen.add(ref)
        node = resolve(document, ref)
        pointer = ref[1:]
    return node, pointer


def target(document: Mapping[str, Any], node: Any) -> Any:
    """What ``node`` stands for once its references are followed (see :func:`deref`)."""
    return deref(document, node)[0]


def iter_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every ``(pointer of the object holding it, $ref)`` under ``node``, in document order."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield pointer, ref
        for key, value in node.items():
            yield from iter_refs(value, join(pointer, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_refs(value, join(pointer, i))
