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
        "Annotated",
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
# The public attributes of pydantic's ``BaseModel`` (and of its metaclass): a field called like
# one would shadow or break it (``model_dump``, ``model_config``, ``copy``, ``mro``).
_BASEMODEL_NAMES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "model_computed_fields",
        "model_config",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_extra",
        "model_fields",
        "model_fields_set",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "mro",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "register",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)
# What an endpoint module imports or defines besides its models: a struct or enum named like one
# would replace it (a struct titled ``Field`` would break every ``Field(...)`` after it).
_MODULE_NAMES = frozenset(
    {
        "Field",
        "TypedDict",
        "NotRequired",
        "Annotated",
        "ClassVar",
        "Literal",
        "Sequence",
        "Mapping",
        "AsyncAPIResource",
        "SyncAPIResource",
        "RequestModel",
        "ResponseModel",
        "TopDateTime",
        "LabeledIntEnum",
        "LabeledStrEnum",
        "OpenIntEnum",
        "OpenStrEnum",
        "OperationInfo",
        "BusinessResultInfo",
        "NOT_GIVEN",
        "NotGiven",
        "CallTimeout",
        "ExtraParams",
    }
)
# The keyword arguments every endpoint method takes besides its business parameters (the
# runtime's per-call options): a business parameter of one of these names gets a trailing ``_``
# and keeps its wire name.
CALL_OPTIONS = frozenset({"timeout", "max_retries", "extra_params"})
# The keyword arguments of ``Client`` and ``with_options`` (the runtime's client options): a
# client-level parameter (``info.x-top-package.client-params``) is one more, so it may not take
# one of these names.
CLIENT_OPTIONS = frozenset(
    {
        "app_key",
        "app_secret",
        "base_url",
        "sign_method",
        "format",
        "simplify",
        "session",
        "partner_id",
        "target_app_key",
        "timeout",
        "max_retries",
        "max_retry_wait",
        "total_timeout",
        "http_client",
    }
)
# Names a field may not take: it would shadow a type used in its class body, or a model attribute.
_FIELD_NAMES = _ANNOTATION_NAMES | _BASEMODEL_NAMES | {"TopDateTime", "OpenIntEnum", "OpenStrEnum"}
# The options of a client are its attributes, as are its top-level resources (``client.user``):
# a resource called ``format`` would hide (or be hidden by) the option.
_CLIENT_NAMES = frozenset(
    {
        "app_key",
        "base_url",
        "sign_method",
        "format",
        "simplify",
        "partner_id",
        "target_app_key",
        "max_retries",
        "timeout",
        "max_retry_wait",
        "total_timeout",
        "call",
        "with_raw_response",
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
    result = snake(name).upper()
    return result + "_" if result in AMBIGUOUS else result


# Names read as the digits 1 and 0 in many fonts; pycodestyle (ruff E741-E743) refuses them.
AMBIGUOUS = frozenset({"l", "O", "I"})


def _safe(name: str, reserved: frozenset[str]) -> str:
    if (
        keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or name in reserved
        or name in AMBIGUOUS
    ):
        return name + "_"
    return name


def field_name(wire: str) -> str:
    """The attribute name of a model field or parameter sent as ``wire``.

    A name with a leading underscore is made from the words of ``wire`` instead: pydantic
    takes such attributes for private ones, not fields.
    """
    is_name = wire.isidentifier() and wire.isascii() and not wire.startswith("_")
    name = wire if is_name else snake(wire)
    return _safe(name, _FIELD_NAMES) if name else ""


def param_name(wire: str) -> str:
    """The keyword argument of a business parameter sent as ``wire`` (a method's first
    argument is ``self``)."""
    name = field_name(wire)
    return name + "_" if name == "self" or name in CALL_OPTIONS else name


def member_name(segment: str, *, top: bool = False) -> str:
    """The attribute name of a resource or method for one segment of a TOP method name;
    ``top``: the first segment, an attribute of the client itself."""
    name = snake(segment)
    return _safe(name, _RESOURCE_NAMES | (_CLIENT_NAMES if top else frozenset())) if name else ""


def class_name(name: str) -> str:
    """A class name for a struct or enum called ``name``; ``""`` when nothing ASCII is left."""
    result = pascal(name)
    if keyword.iskeyword(result) or result in _MODULE_NAMES or result in AMBIGUOUS:
        return result + "_"
    return result


def is_identifier(name: str) -> bool:
    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
