"""Writing replies in the three forms TOP has: the JSON envelope, ``simplify=true`` JSON, XML.

XML is TOP's default when ``format`` is absent. A success reply in XML is the spec's XML example
when it has one; otherwise the JSON body is written as XML the way TOP does: one element per
field, and a list as an element marked ``list="true"`` holding one element per item, named after
the item's struct in snake case (``price_vo``, worked out when the data is made) or after its scalar type (``string``, ``number``,
``boolean``) — the naming of list items is inferred from TOP's published XML examples.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from ..top import ERROR_KEY
from .endpoints import Endpoint, Struct, Type

JSON_TYPE = "application/json;charset=UTF-8"
XML_TYPE = "text/xml;charset=UTF-8"
_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8" ?>'
_NOT_XML_TEXT = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ANY_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>\s*")
_REQUEST_ID_ELEMENT = re.compile(r"<request_id>.*?</request_id>", re.DOTALL)
_ITEM_TAGS = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean"}


@dataclass(frozen=True)
class ReplyForm:
    """How the caller asked to be answered."""

    json: bool
    simplify: bool

    @classmethod
    def of(cls, params: Mapping[str, str]) -> ReplyForm:
        """``format=json`` gives JSON (``simplify=true`` only applies to it); anything else XML."""
        as_json = params.get("format") == "json"
        return cls(as_json, as_json and params.get("simplify", "").lower() == "true")


@dataclass(frozen=True)
class Rendered:
    body: bytes
    content_type: str


def render_error(fields: Mapping[str, Any], form: ReplyForm) -> Rendered:
    """``error_response`` with ``fields`` (code, msg, sub_code, sub_msg, request_id)."""
    if form.json:
        return _json({ERROR_KEY: fields})
    return _xml(_element(ERROR_KEY, fields, None, {}))


def render_success(
    endpoint: Endpoint,
    body: Mapping[str, Any],
    form: ReplyForm,
    request_id: str,
    xml_example: str | None = None,
) -> Rendered:
    """A success reply: ``body`` is the object inside the envelope, without ``request_id``.

    ``xml_example``, when given, is the XML text to send for an XML reply (the spec's example).
    """
    answer = {**body, "request_id": request_id}
    if form.simplify:
        return _json(answer)
    if form.json:
        return _json({endpoint.response_key: answer})
    if xml_example is not None:
        return _xml(_with_request_id(xml_example.strip(), request_id))
    models = endpoint.struct_map
    return _xml(_element(endpoint.response_key, answer, models.get(endpoint.response), models))


def _json(value: Any) -> Rendered:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Rendered(text.encode("utf-8", "replace"), JSON_TYPE)


def _xml(root: str) -> Rendered:
    return Rendered((_XML_DECLARATION + root).encode("utf-8", "replace"), XML_TYPE)


def _with_request_id(xml: str, request_id: str) -> str:
    element = f"<request_id>{escape(request_id)}</request_id>"
    xml = _ANY_XML_DECLARATION.sub("", xml, count=1)
    if _REQUEST_ID_ELEMENT.search(xml):
        return _REQUEST_ID_ELEMENT.sub(element, xml, count=1)
    closing = xml.rfind("</")
    if closing < 0:
        return xml
    if xml[:closing].endswith("\n"):  # an indented example: keep it looking that way
        element = "    " + element + "\n"
    return xml[:closing] + element + xml[closing:]


def _element(tag: str, value: Any, model: Struct | None, models: Mapping[str, Struct]) -> str:
    fields = {f.name: f.type for f in model.fields} if model is not None else {}
    if isinstance(value, Mapping):
        inner = "".join(
            _child(str(key), item, fields.get(str(key)), models)
            for key, item in value.items()
            if item is not None
        )
        return f"<{tag}>{inner}</{tag}>"
    return f"<{tag}>{_text(value)}</{tag}>"


def _child(tag: str, value: Any, type_ref: Type | None, models: Mapping[str, Struct]) -> str:
    if isinstance(value, list):
        item_type = type_ref.item if type_ref is not None else None
        items = "".join(
            _child(_item_tag(item_type, item), item, item_type, models)
            for item in value
            if item is not None
        )
        return f'<{tag} list="true">{items}</{tag}>'
    model = models.get(type_ref.struct or "") if type_ref is not None else None
    return _element(tag, value, model, models)


def _item_tag(item_type: Type | None, item: Any) -> str:
    if item_type is not None and item_type.kind == "object":
        return item_type.tag or "item"
    if item_type is not None and item_type.kind in _ITEM_TAGS:
        return _ITEM_TAGS[item_type.kind]
    if isinstance(item, bool):
        return "boolean"
    if isinstance(item, (int, float)):
        return "number"
    return "string" if isinstance(item, str) else "item"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(_NOT_XML_TEXT.sub("", str(value)))
