"""Python names for spec names: identifiers, classes, modules; keywords, builtins and non-ASCII."""

from __future__ import annotations

import keyword
import re
import unicodedata

# Names a generated model or resource uses in annotations or inherits from its base class; a
# member called like one of these would shadow it inside the class body.
_ANNOTATION_NAMES = frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "list",
        "dict",
        "datetime",
        "date",
        "Any",
        "Literal",
        "Field",
        "BaseModel",
        "ConfigDict",
        "TypedDict",
        "NotRequired",
        "Required",
        "Sequence",
        "IntEnum",
        "StrEnum",
        "Mapping",
        "Optional",
        "Union",
        "None",
        "True",
        "False",
    }
)
_BASEMODEL_NAMES = frozenset(
    {
        "copy",
        "dict",
        "json",
        "schema",
        "schema_json",
        "construct",
        "validate",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "update_forward_refs",
        "fields",
        "model_config",
    }
)
# A resource's members share its class body with the annotations of its methods (which use
# ``Sequence`` rather than ``list``, so ``client.event.list`` can keep its natural name).
_RESOURCE_NAMES = frozenset(
    {
        "with_options",
        "close",
        "aclose",
        "str",
        "int",
        "float",
        "bool",
        "datetime",
        "date",
        "Sequence",
        "Any",
        "Mapping",
        "Literal",
        "None",
        "True",
        "False",
    }
)


def words(name: str) -> list[str]:
    """Split ``fooBar-baz_qux2`` into lower-case words ``[foo, bar, baz, qux2]``; non-ASCII
    letters are transliterated where Unicode gives an ASCII form and dropped otherwise.
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", ascii_name)
    ascii_name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", ascii_name)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", ascii_name) if w]


def snake(name: str) -> str:
    """A lower_snake_case identifier, or ``""`` when nothing ASCII is left of ``name``."""
    result = "_".join(words(name))
    if result and result[0].isdigit():
        result = "n" + result
    return result


def pascal(name: str) -> str:
    """A PascalCase class name; an existing PascalCase name is kept as written."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
        return name
    result = "".join(w[:1].upper() + w[1:] for w in words(name))
    if result and result[0].isdigit():
        result = "N" + result
    return result


def constant(name: str) -> str:
    """An UPPER_SNAKE_CASE name for an enum member."""
    return snake(name).upper()


def _safe(name: str, reserved: frozenset[str]) -> str:
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in reserved:
        return name + "_"
    return name


def field_name(wire: str) -> str:
    """The attribute name of a model field or parameter sent as ``wire``."""
    name = snake(wire) if not wire.isidentifier() or not wire.isascii() else wire
    return _safe(name, _ANNOTATION_NAMES | _BASEMODEL_NAMES) if name else ""


def member_name(segment: str) -> str:
    """The attribute name of a resource or method for one segment of a TOP method name."""
    name = snake(segment)
    return _safe(name, _RESOURCE_NAMES) if name else ""


def is_identifier(name: str) -> bool:
    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
