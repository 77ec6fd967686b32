"""The intermediate representation: plain frozen dataclasses, language-neutral in shape, with
every Python name, type and default already decided, so the templates only print what they are
given. :mod:`.build` makes it from a validated spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from . import top
from .top import response_key as response_key

TypeKind = Literal[
    "string",
    "integer",
    "number",
    "boolean",
    "datetime",
    "date",
    "object",
    "enum",
    "array",
]
Encoding = Literal["json", "scalar", "csv", "datetime"]
Session = Literal["none", "optional", "required"]
FORM = top.FORM_TYPE
DEFAULT_METHOD_PREFIX = "alibaba.damai.maizuo.openapi."


@dataclass(frozen=True)
class Constraints:
    """The JSON Schema validation keywords of a field that apply to its type, named as pydantic
    names them, but for a list's length (``maxItems``, ``minItems``), which pydantic v2 calls
    ``max_length`` and ``min_length`` too: :meth:`items` gives those names."""

    max_length: int | None = None
    """``maxLength`` of a string."""
    min_length: int | None = None
    pattern: str | None = None
    ge: int | float | None = None
    le: int | float | None = None
    gt: int | float | None = None
    lt: int | float | None = None
    multiple_of: int | float | None = None
    max_items: int | None = None
    """``maxItems`` of a list."""
    min_items: int | None = None

    def items(self) -> tuple[tuple[str, Any], ...]:
        """The constraints that are set, as ``(pydantic v2 keyword, value)`` in a fixed order."""
        return tuple(
            (_PYDANTIC_NAMES.get(name, name), getattr(self, name))
            for name in self.__dataclass_fields__
            if getattr(self, name) is not None
        )


_PYDANTIC_NAMES = {"max_items": "max_length", "min_items": "min_length"}
"""Constraints whose pydantic v2 keyword is not their own name (pydantic v1's ``max_items`` is
deprecated: a warning at import, and a type error under mypy)."""


@dataclass(frozen=True)
class EnumMember:
    name: str
    """Python member name (``REGISTER``)."""
    value: int | str
    label: str
    """The label the spec gives the value (``注册``); empty when none."""


@dataclass(frozen=True)
class EnumType:
    name: str
    """Python class name, unique within its endpoint's module."""
    description: str
    base: Literal["int", "str"]
    members: tuple[EnumMember, ...]
    pointer: str


@dataclass(frozen=True)
class TypeRef:
    """The type of a field or parameter."""

    kind: TypeKind
    annotation: str
    """Type as a model field declares it (``list[PriceVo]``, ``CodeType``)."""
    input_annotation: str
    """Type a caller may pass (``UserPhoneAuthCodeParam | UserPhoneAuthCodeParamDict``,
    ``CodeType | Literal[1, 2]``, ``Sequence[str]``)."""
    dict_annotation: str
    """Type of the key in a request TypedDict (``UserPhoneAuthCodeParamDict``)."""
    schema_type: str
    """The spec's own wording for docs and diffs: ``string``, ``integer(int64)``,
    ``UserPhoneAuthCodeParam``, ``array<PriceVo>``."""
    format: str | None = None
    model: str | None = None
    enum: str | None = None
    item: TypeRef | None = None
    constraints: Constraints = Constraints()
    """The rules a value of this type keeps, for a list's item type (``items: {maxLength: 8}``);
    a field's or parameter's own rules are its ``constraints``."""


@dataclass(frozen=True)
class ClientParam:
    """A client-level parameter (``info.x-top-package.client-params``): a value the client takes
    once (``Client(ptnr_token=...)`` or its environment variable) and fills into every request
    field of its name that a call leaves unset."""

    name: str
    """The field's name on the wire, and the client's keyword argument."""
    env: str
    """The environment variable read when the client is not given it: the package's prefix
    and the name in capitals (``DAMAI_MAIZUO_PTNR_TOKEN``)."""
    description: str
    secret: bool
    """Whether its values are taken out of logs, reprs and errors like the app secret."""
    pointer: str


@dataclass(frozen=True)
class Field:
    name: str
    """Name on the wire and in the spec."""
    py_name: str
    """Attribute name; differs from ``name`` for keywords, builtins or non-identifiers."""
    type: TypeRef
    required: bool
    description: str
    examples: tuple[Any, ...]
    default: Any
    """The spec's ``default`` (applied by the service), or ``None``."""
    constraints: Constraints
    pointer: str
    deprecated: bool = False
    client_param: ClientParam | None = None
    """The client-level parameter that fills it when a request leaves it unset (its type is
    then optional in the SDK, whatever ``required`` says); ``None`` for the others."""


@dataclass(frozen=True)
class Model:
    name: str
    """Python class name, unique within its endpoint's module."""
    struct: str
    """The TOP struct name as the doc page writes it (``UserPhoneAuthCodeParam``)."""
    description: str
    fields: tuple[Field, ...]
    is_input: bool
    """Sent in a request: validated strictly, with a TypedDict twin for plain dicts."""
    is_output: bool
    """Read from a reply: unknown keys are kept, every field may be absent."""
    dict_name: str
    """Name of the TypedDict twin (``UserPhoneAuthCodeParamDict``); used when ``is_input``."""
    pointer: str
    recursive: bool = False
    """It holds itself, directly, in a list or through other structs. Its class uses a class
    not yet complete where it is written (itself, or one written after it), so its module
    defers its annotations and rebuilds it once every class exists."""


@dataclass(frozen=True)
class Param:
    """A business parameter: one form field of the request."""

    name: str
    py_name: str
    type: TypeRef
    required: bool
    description: str
    examples: tuple[Any, ...]
    default: Any
    constraints: Constraints
    encoding: Encoding
    """How the value goes on the wire: JSON text, a plain scalar, comma-joined, or a TOP date."""
    pointer: str
    client_param: ClientParam | None = None
    """The client-level parameter that fills it when a call leaves it out (see :class:`Field`)."""


@dataclass(frozen=True)
class BusinessResult:
    """Where a reply says whether the business operation succeeded (``x-top-business-result``)."""

    path: tuple[str, ...]
    """Wire names from the response object to the result object; empty for the object itself."""
    success: str
    code: str | None
    message: str | None


@dataclass(frozen=True)
class Example:
    name: str
    summary: str
    value: Any
    """A JSON value, or the text of an XML example."""
    text: str
    """The example as shown in docs: indented JSON, or the XML text."""


@dataclass(frozen=True)
class Family:
    """A family of TOP methods (``info.x-top-package.families``): the methods whose names start
    with ``prefix`` live under ``client.<namespace>`` (directly on the client for ``""``)."""

    prefix: str
    """``alibaba.damai.mz.``, with its final dot."""
    namespace: str
    """``mz``, or ``""``; a Python name, and the first part of the family's Python names."""


@dataclass(frozen=True)
class Operation:
    top_method: str
    """``alibaba.damai.maizuo.openapi.user.authcode.send``"""
    family: Family
    """The family its method belongs to: the one of the longest prefix it starts with."""
    summary: str
    description: str
    idempotent: bool
    session: Session
    business_result: BusinessResult | None
    params: tuple[Param, ...]
    response: Model
    response_key: str
    """The JSON envelope's key: ``alibaba_damai_maizuo_openapi_user_authcode_send_response``."""
    models: tuple[Model, ...]
    """Every model of this endpoint, each after the models it uses (but where structs hold
    themselves: see :attr:`Model.recursive`); the response model last."""
    enums: tuple[EnumType, ...]
    resource: tuple[str, ...]
    """Attribute path of the resource holding it: ``("user", "authcode")``."""
    method_name: str
    """``send``; the operation is ``client.<resource...>.<method_name>(...)``."""
    call_path: str
    """``user.authcode.send``, what a user types after ``client.``."""
    module: str
    """Module of its models: ``user_authcode_send``."""
    const_name: str
    """Name of its protocol descriptor constant: ``USER_AUTHCODE_SEND``."""
    params_model: Model
    """The model of all its business parameters together (``UserAuthcodeSendParams``): one
    validation of everything a caller passes, before anything is sent."""
    doc_page: str
    """Its Markdown page under ``docs/``: ``user.authcode.send.md``."""
    request_examples: tuple[Example, ...]
    response_examples: tuple[Example, ...]
    xml_response_examples: tuple[Example, ...]
    error_examples: tuple[Example, ...]
    xml_error_examples: tuple[Example, ...]
    doc_notes: Mapping[str, Any]
    """``x-top-doc``: what an import from a doc page inferred or found cut short."""
    pointer: str
    fingerprint: str = field(default="", repr=False, compare=False)
    """A hash of the spec text it was built from (its Path Item, its verb and the document's
    shared parts): under one generator, equal fingerprints mean equal operations. Not part of
    what it is: it only lets the cache find it, and its files, without spelling it out."""


@dataclass(frozen=True)
class Resource:
    """A node of ``client.<a>.<b>``: its child resources, its methods, and the operation run
    when the resource itself is called (``client.user.register(...)`` beside
    ``client.user.register.byauthcode(...)``)."""

    name: str
    path: tuple[str, ...]
    class_name: str
    """``UserAuthcodeResource``; the async twin is ``Async`` + this."""
    module: str
    """Module under ``resources/`` holding the class: its top-level segment."""
    children: tuple[Resource, ...]
    methods: tuple[Operation, ...]
    call: Operation | None


@dataclass(frozen=True)
class Server:
    url: str
    description: str


@dataclass(frozen=True)
class Api:
    title: str
    summary: str
    description: str
    version: str
    distribution: str
    """PyPI name: ``damai-maizuo``."""
    package: str
    """Import name: ``damai_maizuo``."""
    env_prefix: str
    """Prefix of the SDK's environment variables: ``DAMAI_MAIZUO``."""
    client_params: tuple[ClientParam, ...]
    """In the order the spec declares them."""
    families: tuple[Family, ...]
    """In the order the spec declares them."""
    servers: tuple[Server, ...]
    operations: tuple[Operation, ...]
    """Sorted by TOP method name."""
    resources: tuple[Resource, ...]
    """The top-level resources (``client.user``), sorted by name."""
    error_model: Model
