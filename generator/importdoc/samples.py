"""Read a page's XML or JSON response example into one neutral tree.

XML names every node, including the items of a list (``<price_vo_list><price_vo>…``); JSON has
unnamed list items, and TOP's JSON may wrap a list in an object named after its items
(``{"price_vo_list": {"price_vo": [...]}}``). The tree keeps both forms as they are; readers of
the tree (:mod:`.evidence`, :mod:`.examples`) allow for a list item's name.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from typing import Literal

Scalar = str | int | float | bool | None


@dataclass(frozen=True)
class Node:
    name: str
    """The element's tag or the object's key; empty for an item of a JSON list."""
    value: Scalar
    """A leaf's value: the XML text, or the JSON scalar."""
    children: tuple[Node, ...] = ()
    is_list: bool = False
    """A JSON list: its children are the list's items."""

    @property
    def is_leaf(self) -> bool:
        return not self.children and not self.is_list


@dataclass(frozen=True)
class Sample:
    format: Literal["xml", "json"]
    root: Node
    """The envelope: ``<x_response>`` or the one key of the JSON object."""
    text: str


class SampleError(ValueError):
    """The example is not well-formed XML or JSON, or not one envelope."""


def read_sample(text: str) -> Sample:
    """The example's tree; raises :class:`SampleError` with a short reason."""
    stripped = text.strip()
    if stripped.startswith("<"):
        return Sample("xml", _read_xml(stripped), stripped)
    if stripped.startswith("{"):
        return Sample("json", _read_json(stripped), stripped)
    raise SampleError("it is neither XML nor JSON")


def _read_xml(text: str) -> Node:
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise SampleError("it declares a DOCTYPE or entities")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise SampleError(f"it is not well-formed XML ({exc})") from None
    return _from_element(root)


def _from_element(element: ElementTree.Element) -> Node:
    children = tuple(_from_element(child) for child in element)
    value = None if children else (element.text or "").strip()
    return Node(element.tag, value, children)


def _read_json(text: str) -> Node:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SampleError(f"it is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or len(data) != 1:
        raise SampleError('it is not one JSON envelope {"<method>_response": {...}}')
    ((name, value),) = data.items()
    return _from_json(name, value)


def _from_json(name: str, value: object) -> Node:
    if isinstance(value, dict):
        return Node(name, None, tuple(_from_json(str(k), v) for k, v in value.items()))
    if isinstance(value, list):
        return Node(name, None, tuple(_from_json("", item) for item in value), is_list=True)
    if value is None or isinstance(value, str | int | float | bool):
        return Node(name, value)
    raise SampleError(f"{name}: unexpected JSON value")  # pragma: no cover - json.loads types
