"""TOP's XML replies, read safely and turned into the data a response model validates.

The parser refuses any DOCTYPE (so no entity can be declared: no expansion bombs, no external
entities) and any nesting deeper than :data:`MAX_DEPTH`. XML does not say which elements are
lists, so the conversion follows the response model: a field typed as a list takes either TOP's
wrapper form (``<price_vo_list><price_vo>…</price_vo><price_vo>…</price_vo></price_vo_list>``)
or repeated sibling elements; elements the model does not know become dicts or text as they look.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn, Union
from xml.parsers import expat

from pydantic import BaseModel

__all__ = ["MAX_DEPTH", "Element", "XMLError", "parse", "to_data"]

MAX_DEPTH = 64


class XMLError(ValueError):
    """The body is not XML this module accepts."""


class Element:
    """One element: its tag, child elements and text (attributes are not used by TOP)."""

    __slots__ = ("children", "parts", "tag")

    def __init__(self, tag: str) -> None:
        self.tag = tag
        # lists only once there is something to hold: a reply of many small elements costs
        # about half the memory
        self.children: Sequence[Element] = ()
        self.parts: list[str] | None = None

    @property
    def text(self) -> str:
        return "".join(self.parts) if self.parts else ""


def parse(body: bytes) -> Element:
    """The root element of ``body``; :class:`XMLError` for anything unsafe or malformed."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_entity
    parser.buffer_text = True
    root = Element("")
    stack = [root]

    def start(tag: str, _attributes: object) -> None:
        if len(stack) > MAX_DEPTH:
            raise XMLError(f"elements nested deeper than {MAX_DEPTH} levels")
        element = Element(tag)
        parent = stack[-1]
        if isinstance(parent.children, list):
            parent.children.append(element)
        else:
            parent.children = [element]
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        element = stack[-1]
        if element.parts is None:
            element.parts = [data]
        else:
            element.parts.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(body, True)
    except expat.ExpatError as error:
        raise XMLError(f"malformed XML: {expat.ErrorString(error.code)}") from None
    except (LookupError, UnicodeError) as error:
        raise XMLError(f"undecodable XML: {error}") from None
    return root.children[0]


def _refuse_doctype(*_args: object) -> NoReturn:
    raise XMLError("DOCTYPE declarations are refused")


def _refuse_entity(*_args: object) -> NoReturn:
    raise XMLError("entity declarations are refused")


# ------------------------------------------------------------------------------------------
# conversion guided by the model

_Shape = tuple[str, Any]
"""``("model", cls)``, ``("list", item shape)``, ``("dict", None)`` or ``("scalar", None)``."""
_ANY: _Shape = ("dict", None)
_SCALAR: _Shape = ("scalar", None)
_SEQUENCES = (list, tuple, set, frozenset, Sequence, Iterable)


def to_data(element: Element, model: type[BaseModel] | None) -> Any:
    """The JSON-like data of ``element``, shaped for ``model`` (generic when ``None``)."""
    return _convert(element, ("model", model) if model is not None else _ANY)


def _convert(element: Element, shape: _Shape) -> Any:
    kind, detail = shape
    if kind == "list":
        return _items([element], detail)
    if not element.children:
        if kind == "model":
            return {}
        return element.text or None
    fields: dict[str, _Shape] = _field_shapes(detail) if kind == "model" else {}
    grouped: dict[str, list[Element]] = {}
    for child in element.children:
        grouped.setdefault(child.tag, []).append(child)
    data: dict[str, Any] = {}
    for tag, children in grouped.items():
        child_shape = fields.get(tag, _ANY)
        if child_shape[0] == "list":
            data[tag] = _items(children, child_shape[1])
        elif len(children) > 1:
            data[tag] = [_convert(c, child_shape) for c in children]
        else:
            data[tag] = _convert(children[0], child_shape)
    return data


def _items(elements: list[Element], item: _Shape) -> list[Any]:
    """A list field: repeated elements, or one wrapper element around the items."""
    if len(elements) > 1:
        return [_item(e, item) for e in elements]
    element = elements[0]
    if not element.children:
        return [_item(element, item)] if element.text.strip() else []
    tags = {c.tag for c in element.children}
    is_wrapper = item[0] != "model" or (len(tags) == 1 and tags.isdisjoint(_field_shapes(item[1])))
    if is_wrapper:
        return [_item(c, item) for c in element.children]
    return [_item(element, item)]


def _item(element: Element, shape: _Shape) -> Any:
    """One item of a list: an empty scalar element is an empty string (a list holds no
    nulls), where an empty field is absent."""
    if shape[0] == "scalar" and not element.children:
        return element.text
    return _convert(element, shape)


@functools.cache
def _field_shapes(model: type[BaseModel]) -> dict[str, _Shape]:
    return {
        (info.alias or name): _shape(info.annotation) for name, info in model.model_fields.items()
    }


def _shape(annotation: Any) -> _Shape:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _shape(typing.get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        shapes = [_shape(a) for a in typing.get_args(annotation) if a is not type(None)]
        for kind in ("list", "model", "dict"):
            for shape in shapes:
                if shape[0] == kind:
                    return shape
        return _SCALAR
    if origin in _SEQUENCES or annotation in _SEQUENCES:
        args = typing.get_args(annotation)
        return ("list", _shape(args[0]) if args else _ANY)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    if origin is dict or annotation is dict or annotation is Any:
        return _ANY
    return _SCALAR
