"""What the page's examples say about where a field sits and what its values look like.

The Java request example and the XML/JSON response example both reduce to occurrences: a field
name with the names of the fields it sits in (from the top-level parameter down), and the value
written there. Names are compared without underscores and case, so the Java setter
``setCodeType`` meets the table's ``code_type``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .javaexample import JavaExample, JavaList, JavaLiteral, JavaNode, JavaObject
from .samples import Node

Segment = tuple[str, bool]
"""A field on a path: its name, and whether it is a list."""


def norm(name: str) -> str:
    """The name as the examples are compared: ``code_type`` and ``CodeType`` both ``codetype``."""
    return name.replace("_", "").lower()


@dataclass(frozen=True)
class Occurrence:
    path: tuple[str, ...]
    """Normalised names from the top-level parameter down to the field, list items' own names
    (``<price_vo>``) included where the example writes them."""
    value: str | None
    """A scalar's text; ``None`` for a struct or list."""
    kind: str
    """``string``, ``integer``, ``number``, ``boolean``, ``date``, ``object``, ``list`` for the Java
    example; ``text`` for a scalar of an XML/JSON example."""


class Evidence:
    """The occurrences of one example, and questions about them."""

    def __init__(self, source: str, occurrences: Sequence[Occurrence]) -> None:
        self.source = source
        """Names the example in notes: ``the Java request example``."""
        self.occurrences = tuple(occurrences)

    def depth(self, name: str, openers: Sequence[Segment]) -> int | None:
        """Of the open structs (each named by the field that opened it, outermost first), the
        deepest one the example shows ``name`` in; ``None`` when it shows it in none of them."""
        for i in range(len(openers) - 1, -1, -1):
            if self.at([*openers[: i + 1], (name, False)]):
                return i
        return None

    def at(self, path: Sequence[Segment]) -> list[Occurrence]:
        """The occurrences of the field at exactly ``path``."""
        want = [(norm(n), is_list) for n, is_list in path]
        return [o for o in self.occurrences if _matches(o.path, want)]


def _matches(path: tuple[str, ...], want: Sequence[Segment]) -> bool:
    j = 0
    for i, (name, is_list) in enumerate(want):
        if j >= len(path) or path[j] != name:
            return False
        j += 1
        if is_list and i + 1 < len(want) and j < len(path) and path[j] != want[i + 1][0]:
            j += 1  # a list item's own name: <price_vo_list><price_vo>…
    return j == len(path)


def from_java(example: JavaExample) -> Evidence:
    def walk(name: str, node: JavaNode, above: tuple[str, ...]) -> Iterator[Occurrence]:
        path = (*above, norm(name))
        if isinstance(node, JavaLiteral):
            yield Occurrence(path, node.text, node.kind)
        elif isinstance(node, JavaObject):
            yield Occurrence(path, None, "object")
            for child, value in node.fields:
                yield from walk(child, value, path)
        else:
            yield Occurrence(path, None, "list")
            yield from _items(node, path)

    def _items(node: JavaList, path: tuple[str, ...]) -> Iterator[Occurrence]:
        for item in node.items:
            if isinstance(item, JavaObject):
                for child, value in item.fields:
                    yield from walk(child, value, path)
            elif isinstance(item, JavaLiteral):
                yield Occurrence(path, item.text, item.kind)

    occurrences = [o for name, node in example.params for o in walk(name, node, ())]
    return Evidence("the Java request example", occurrences)


def from_sample(root: Node) -> Evidence:
    def walk(node: Node, above: tuple[str, ...]) -> Iterator[Occurrence]:
        path = (*above, norm(node.name)) if node.name else above
        if node.is_leaf:
            yield Occurrence(path, _text(node), "text")
            return
        if node.name:
            yield Occurrence(path, None, "list" if node.is_list else "object")
        for child in node.children:
            yield from walk(child, path)

    occurrences = [o for child in root.children for o in walk(child, ())]
    return Evidence("the response example", occurrences)


def _text(node: Node) -> str | None:
    if isinstance(node.value, bool):
        return "true" if node.value else "false"
    return None if node.value is None else str(node.value)
