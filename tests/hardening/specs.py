"""Hypothesis strategies of random valid specs in the project's layout, and writing them out.

A spec is ``openapi.yaml`` (the project's shared components, a random ``info``, servers and
``x-top-package``) plus one file per endpoint under ``endpoints/``. The strategies aim at what
breaks generators: names that are Python keywords, builtins or the names the generated modules
import; CJK, emoji, quotes, triple quotes, backslashes and Jinja delimiters in every text; very
long descriptions; deep nesting; lists of lists; empty objects; enums with odd values and labels;
many endpoints sharing a prefix (and a method that is also a resource); ``$ref`` within a file.

Specs are valid by construction: where a random choice would make two things take one Python
name (which the generator rightly refuses), :func:`_Names` renames one of them, using the
generator's own naming rules to see the clash coming.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.parsers import expat

import yaml
from hypothesis import strategies as st

from generator import naming
from generator.ir import response_key

ROOT = Path(__file__).resolve().parents[2]
FORM = "application/x-www-form-urlencoded"
SYSTEM_PARAMS = frozenset(
    {
        "method",
        "app_key",
        "sign_method",
        "sign",
        "timestamp",
        "v",
        "session",
        "format",
        "simplify",
        "partner_id",
        "target_app_key",
    }
)

# -- text ------------------------------------------------------------------------------------

SNIPPETS = [
    '"',
    "'",
    '"""',
    "'''",
    '\\"""',
    "\\",
    "\\\\",
    "\\n",
    "\\x00",
    "\\u2028",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{{ api.title }}",
    "{% raw %}",
    "{% endraw %}",
    "`",
    "```",
    "|",
    "<br>",
    "<script>alert(1)</script>",
    "&amp;",
    "]]>",
    "<!--",
    "*",
    "_",
    "${x}",
    "%s",
    "{0}",
    "\t",
    "\n",
    "\n\n",
    "  ",
    "#",
    "# noqa",
    "type: ignore",
    "大麦·麦座",
    "验证码类型,1=注册,2=修改密码",
    "🎫",
    "👨\u200d👩\u200d👧",
    "\u200b",
    "\u202e",
    "e\u0301",
    "\x01",
    "\x1b[31m",
    "\x7f",
    "\u00a0",
    "\u3000",
    "𝔘𝔫𝔦",
    ":",
    "- ",
    "? ",
    "!!python/object:os.system",
    "&anchor",
    "*alias",
    "'''\"\"\"",
    "\\N{BULLET}",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
]
_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Co", "Cn"),
    exclude_characters="\x00\ufeff\ufffe\uffff",
)


def texts(max_parts: int = 8) -> st.SearchStrategy[str]:
    """Free text as a doc page might hold, seasoned with what breaks code and markup."""
    part = st.one_of(st.sampled_from(SNIPPETS), st.text(_CHARS, max_size=12))
    return st.lists(part, max_size=max_parts).map("".join)


def descriptions() -> st.SearchStrategy[str]:
    """Usually short; sometimes very long (a description pasted from a whole doc page)."""
    return st.one_of(
        texts(),
        st.tuples(texts(4), st.integers(50, 400)).map(lambda t: (t[0] + " 说明 ") * t[1]),
    )


# -- names -----------------------------------------------------------------------------------

FIELD_NAMES = [
    "id",
    "name",
    "type",
    "list",
    "dict",
    "str",
    "int",
    "float",
    "bool",
    "bytes",
    "object",
    "format",
    "print",
    "len",
    "input",
    "min",
    "max",
    "sum",
    "map",
    "range",
    "self",
    "cls",
    "class",
    "from",
    "import",
    "def",
    "return",
    "lambda",
    "global",
    "None",
    "True",
    "False",
    "async",
    "await",
    "match",
    "case",
    "_",
    "__init__",
    "__class__",
    "_id",
    "__x",
    "model_config",
    "model_dump",
    "model_validate",
    "model_fields",
    "model_extra",
    "model_x",
    "copy",
    "json",
    "schema",
    "validate",
    "fields",
    "construct",
    "Field",
    "BaseModel",
    "Literal",
    "Any",
    "datetime",
    "date",
    "Sequence",
    "Mapping",
    "TypedDict",
    "NotRequired",
    "ClassVar",
    "OperationInfo",
    "RequestModel",
    "ResponseModel",
    "TopDateTime",
    "request_id",
    "userId",
    "user_id",
    "user-name",
    "user.name",
    "a/b",
    "x~y",
    "1st",
    "名称name",
    "Ärger",
    "param0",
    "result",
    "success",
    "code",
    "msg",
    "sub_code",
    "label",
    "value",
    "items",
    "keys",
    "mro",
    "register",
    "sign",
    "session",
    "method",
    "timestamp",
    "app_secret",
    "with_options",
    "close",
    "Item",
    "ResultData",
    "ItemDict",
    "x",
    "y",
    "price_vo_list",
    "l",
    "I",
]
TITLES = [
    "ResultData",
    "Item",
    "ItemDict",
    "Field",
    "BaseModel",
    "Sequence",
    "Mapping",
    "Literal",
    "ClassVar",
    "TypedDict",
    "NotRequired",
    "OperationInfo",
    "BusinessResultInfo",
    "RequestModel",
    "ResponseModel",
    "TopDateTime",
    "LabeledIntEnum",
    "LabeledStrEnum",
    "SyncAPIResource",
    "AsyncAPIResource",
    "Any",
    "datetime",
    "date",
    "str",
    "list",
    "None",
    "True",
    "class",
    "Client",
    "Struct",
    "X",
    "A1",
    "用户User",
    "user_param",
    "userParam",
    "HTTPServer",
    "ErrorResponse",
    "PriceVo",
    "Enum",
    "IntEnum",
    "O",
]
SEGMENTS = [
    "user",
    "authcode",
    "send",
    "get",
    "list",
    "query",
    "order",
    "ticket",
    "class",
    "import",
    "from",
    "type",
    "match",
    "print",
    "self",
    "format",
    "timeout",
    "close",
    "with",
    "none",
    "true",
    "async",
    "await",
    "id",
    "str",
    "datetime",
    "date",
    "field",
    "sequence",
    "literal",
    "mapping",
    "client",
    "resource",
    "sign",
    "session",
    "v2",
    "2fa",
    "a",
    "b",
    "errors",
    "endpoints",
    "resources",
    "l",
    "a_b",
    "ab",
]
ENUM_NAMES = [
    "REGISTER",
    "CHANGE_PASSWORD",
    "None",
    "True",
    "class",
    "mro",
    "name",
    "value",
    "label",
    "_missing_",
    "修改",
    "a-b",
    "1st",
    "__labels__",
    "VALUE_1",
    "value 1",
]
PREFIXES = ["alibaba.damai.maizuo.openapi.", "taobao.fuzz.", "alibaba.", "tmall.x.y."]
PATTERNS = {"^[0-9]{1,8}$": "[0-9]{1,8}", "^[a-z]+$": "[a-z]{1,10}", "^\\S+$": "[!-~]{1,10}"}


# -- schemas ---------------------------------------------------------------------------------


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def string_schema(draw: st.DrawFn) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    fmt = draw(st.sampled_from([None, None, "date-time", "date"]))
    if fmt:
        schema["format"] = fmt
        return schema
    pattern = draw(_maybe(st.sampled_from(sorted(PATTERNS))))
    if pattern:
        schema["pattern"] = pattern
    elif draw(st.booleans()):
        schema["maxLength"] = draw(st.integers(20, 200))
        schema["minLength"] = draw(st.integers(0, 3))
    return schema


@st.composite
def number_schema(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["integer", "number"]))
    schema: dict[str, Any] = {"type": kind}
    if kind == "integer":
        fmt = draw(st.sampled_from([None, "int32", "int64"]))
        if fmt:
            schema["format"] = fmt
    if draw(st.booleans()):
        schema["minimum"] = draw(st.integers(-1000, 0))
        schema["maximum"] = draw(st.integers(1, 10**6))
    return schema


@st.composite
def enum_schema(draw: st.DrawFn) -> dict[str, Any]:
    base = draw(st.sampled_from(["integer", "string"]))
    if base == "integer":
        values: list[Any] = draw(
            st.lists(st.integers(-(2**31), 2**31 - 1), min_size=1, max_size=5, unique=True)
        )
    else:
        odd = st.one_of(
            st.sampled_from(["a", "b-c", "1", "", " ", "None", "注册", "🎫", "ÐÓ", "I", "l"]),
            texts(3),
        )
        values = draw(st.lists(odd, min_size=1, max_size=5, unique=True))
    schema: dict[str, Any] = {"type": base, "enum": values}
    if base == "integer" and draw(st.booleans()):
        schema["format"] = "int64"
    if draw(st.booleans()):
        names = draw(st.lists(_maybe(st.sampled_from(ENUM_NAMES)), min_size=len(values)))
        labels = draw(st.lists(_maybe(texts(4)), min_size=len(values)))
        entries = []
        for value, name, label in zip(values, names, labels, strict=False):
            entry: dict[str, Any] = {"value": value}
            if name is not None:
                entry["name"] = name
            if label is not None:
                entry["label"] = label
            entries.append(entry)
        schema["x-top-enum"] = entries
    return schema


def leaf_schemas() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        string_schema(),
        number_schema(),
        st.just({"type": "boolean"}),
        enum_schema(),
    )


def schemas(depth: int) -> st.SearchStrategy[dict[str, Any]]:
    """A schema of a field: a scalar, an enum, an array or an object, nested ``depth`` deep."""
    if depth <= 0:
        return leaf_schemas()
    inner = schemas(depth - 1)
    return st.one_of(
        leaf_schemas(),
        st.builds(lambda items: {"type": "array", "items": items}, inner),
        object_schemas(inner),
    )


@st.composite
def object_schemas(
    draw: st.DrawFn, fields: st.SearchStrategy[dict[str, Any]], max_fields: int = 5
) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=max_fields, unique=True))
    properties = {name: draw(fields) for name in names}
    schema: dict[str, Any] = {"type": "object"}
    title = draw(_maybe(st.sampled_from(TITLES)))
    if title is not None:
        schema["title"] = title
    required = [n for n in names if draw(st.booleans())]
    if required:
        schema["required"] = required
    if properties or draw(st.booleans()):
        schema["properties"] = properties
    return schema


@st.composite
def deep_schemas(draw: st.DrawFn) -> dict[str, Any]:
    """Objects inside objects, or lists of lists, many levels deep."""
    levels = draw(st.integers(4, 12))
    schema = draw(leaf_schemas())
    for level in range(levels):
        if draw(st.booleans()):
            schema = {"type": "array", "items": schema}
        else:
            schema = {"type": "object", "properties": {f"level{level}": schema}}
    return schema


def field_schemas() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(schemas(3), deep_schemas())


# -- values of a schema ----------------------------------------------------------------------


_VALUE_TEXT = st.one_of(
    st.text(_CHARS, min_size=1, max_size=20),
    st.sampled_from(["a&b=c", "+ %2B", "中文", "🎫", "a\nb", '"quoted"', "\\", "x,y"]),
)


@st.composite
def json_value(draw: st.DrawFn, schema: dict[str, Any], *, for_call: bool = False) -> Any:
    """A value valid for ``schema`` (its required fields and some others), as JSON data; with
    ``for_call``, sometimes a Python ``datetime`` where the SDK takes one."""
    kind = schema.get("type")
    if "enum" in schema:
        return draw(st.sampled_from(schema["enum"]))
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date-time":
            moment = draw(st.datetimes(datetime(1000, 1, 1), datetime(2200, 12, 31)))
            if for_call and draw(st.booleans()):
                if draw(st.booleans()):  # any year: TOP writes four digits
                    return draw(st.datetimes(datetime(1, 1, 1))).replace(microsecond=0)
                if draw(st.booleans()):
                    zone = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
                    return moment.replace(tzinfo=zone, microsecond=0)
                return moment.replace(microsecond=0)
            return moment.strftime("%Y-%m-%d %H:%M:%S").rjust(19, "0")
        if fmt == "date":
            return draw(st.dates(date(1000, 1, 1), date(2200, 12, 31))).isoformat()
        if "pattern" in schema:
            return draw(st.from_regex(PATTERNS[schema["pattern"]], fullmatch=True))
        low, high = schema.get("minLength", 1), schema.get("maxLength", 40)
        text = draw(_VALUE_TEXT)
        return (text * (low // max(len(text), 1) + 1))[: max(high, 1)] or "x"
    if kind == "integer":
        low = schema.get("minimum", -(2**31))
        high = schema.get("maximum", 2**31 - 1)
        return draw(st.integers(low, high))
    if kind == "number":
        low = schema.get("minimum", -1e12)
        high = schema.get("maximum", 1e12)
        # a float YAML 1.1 reads back: 1e-300 (no dot) would be the string "1e-300"
        floats = st.floats(low, high, allow_nan=False, allow_infinity=False)
        number = draw(floats.filter(lambda f: "." in repr(f)))
        return 0.0 if number == 0 else number
    if kind == "boolean":
        return draw(st.booleans())
    if kind == "array":
        return draw(
            st.lists(json_value(schema["items"], for_call=for_call), min_size=1, max_size=3)
        )
    value = {}
    required = set(schema.get("required", []))
    for name, prop in (schema.get("properties") or {}).items():
        if name in required or draw(st.booleans()):
            value[name] = draw(json_value(prop, for_call=for_call))
    return value


def jsonable(value: Any) -> Any:
    """``value`` with ``datetime`` objects written as TOP writes them."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone(timedelta(hours=8)))
        return f"{value.year:04d}" + value.strftime("-%m-%d %H:%M:%S")
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


# -- names made unique -----------------------------------------------------------------------


class _Names:
    """Renames what would make the generator refuse a spec: two structs or enums of one
    endpoint that would take one class name (or the name of its parameters or response model),
    two fields of one struct that would take one attribute name, enum members likewise."""

    def __init__(self, stem: str) -> None:
        self.taken: dict[str, str] = {stem + "Params": "", stem + "Response": ""}
        self.dicts: set[str] = set()
        """The names of the plain-dict twins of structs (``ItemDict`` of ``Item``)."""
        self.counter = 0

    def fix_fields(
        self, properties: dict[str, Any], *, params: bool, reply: bool
    ) -> dict[str, Any]:
        kept: dict[str, Any] = {}
        seen: set[str] = set()
        for name, schema in properties.items():
            py_name = naming.field_name(name)
            if not py_name or py_name in seen or (params and name in SYSTEM_PARAMS):
                continue
            if reply and not _is_xml_name(name):
                continue
            seen.add(py_name)
            kept[name] = schema
        return kept

    def fix(
        self,
        schema: dict[str, Any],
        field_name: str,
        *,
        params: bool = False,
        top: bool = False,
        reply: bool = False,
    ) -> None:
        """Rename within ``schema``; ``params``: it is the form of parameters; ``top``: it is
        the parameters or the response object, whose class name the generator chooses."""
        kind = schema.get("type")
        if kind == "array":
            self.fix(schema["items"], field_name, reply=reply)
            return
        if "enum" in schema:
            self.fix_enum(schema)
            self.claim(schema, field_name, "enum")
            return
        if kind != "object":
            return
        if "properties" in schema:
            schema["properties"] = self.fix_fields(schema["properties"], params=params, reply=reply)
            if "required" in schema:
                schema["required"] = [n for n in schema["required"] if n in schema["properties"]]
                if not schema["required"]:
                    del schema["required"]
            for name, prop in schema["properties"].items():
                self.fix(prop, name, reply=reply)
        if not (params or top):
            self.claim(schema, field_name, "struct")

    def claim(self, schema: dict[str, Any], field_name: str, what: str) -> None:
        name = naming.pascal(str(schema.get("title") or field_name)) or (
            "Struct" if what == "struct" else ""
        )
        key = what + json.dumps(
            {k: v for k, v in schema.items() if k not in ("description", "examples", "example")},
            sort_keys=True,
        )
        free = name not in self.dicts and (what != "struct" or name + "Dict" not in self.taken)
        if name and free and self.taken.get(name) in (None, key):
            self.taken[name] = key
            if what == "struct":
                self.dicts.add(name + "Dict")
            return
        self.counter += 1
        schema["title"] = f"Renamed{self.counter}"
        key = what + json.dumps(
            {k: v for k, v in schema.items() if k not in ("description", "examples", "example")},
            sort_keys=True,
        )
        self.taken[schema["title"]] = key
        self.dicts.add(schema["title"] + "Dict")

    @staticmethod
    def fix_enum(schema: dict[str, Any]) -> None:
        base = "int" if schema["type"] == "integer" else "str"
        described = {e["value"]: e for e in schema.get("x-top-enum", [])}
        taken: set[str] = set()
        for i, value in enumerate(schema["enum"]):
            entry = described.get(value, {})
            name = entry.get("name") or (naming.constant(str(value)) if base == "str" else "")
            if not name or not naming.is_identifier(naming.constant(name)):
                name = f"VALUE_{value}".replace("-", "MINUS_")
            name = naming.constant(name)
            if name in taken or not name:
                entries = schema.setdefault("x-top-enum", [{"value": v} for v in schema["enum"]])
                for e in entries:
                    if e["value"] == value:
                        e["name"] = f"MEMBER_{i}"
                name = f"MEMBER_{i}"
            taken.add(name)


# -- endpoints -------------------------------------------------------------------------------


@dataclass
class Endpoint:
    method: str
    document: dict[str, Any]
    calls: list[dict[str, Any]] = field(default_factory=list)
    """Arguments by wire name for calls of this method (each valid for its parameters)."""


@dataclass
class Spec:
    root: dict[str, Any]
    endpoints: list[Endpoint]
    module: str

    def write(self, folder: Path) -> Path:
        """Write the spec under ``folder`` (``openapi.yaml`` and ``endpoints/``); returns it."""
        (folder / "endpoints").mkdir(parents=True, exist_ok=True)
        dump(folder / "openapi.yaml", self.root)
        for endpoint in self.endpoints:
            dump(folder / "endpoints" / f"{endpoint.method}.yaml", endpoint.document)
        return folder


def dump(path: Path, data: Any) -> None:
    """Write ``data`` as YAML; as JSON (which is YAML too) where PyYAML would not read back
    what it wrote (it folds some line separators)."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    if yaml.load(text, Loader=_StringDates) != data:
        text = _NOT_YAML_PRINTABLE.sub(
            lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False, indent=1)
        )
        read = yaml.load(text, Loader=_StringDates)
        if read != data:
            raise AssertionError(
                f"{path.name} cannot be written as YAML: {_first_difference(data, read)}"
            )
    path.write_text(text, encoding="utf-8")


_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
"""What YAML does not take raw, or folds, even in a double-quoted (JSON) string."""


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a:
            if key not in b or a[key] != b[key]:
                return _first_difference(a[key], b.get(key), f"{where}/{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}/{i}")
    return f"{where}: {a!r} read back as {b!r}"


class _StringDates(yaml.SafeLoader):
    """Safe YAML reading dates as strings, as the generator does."""


_StringDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _shared_components() -> dict[str, Any]:
    root = yaml.load((ROOT / "spec" / "openapi.yaml").read_text("utf-8"), Loader=_StringDates)
    components = root["components"]
    return {
        "schemas": {k: components["schemas"][k] for k in ("ErrorResponse", "ErrorEnvelope")},
        "examples": {
            k: components["examples"][k]
            for k in ("ErrorInvalidParameter", "ErrorInvalidParameterXml")
        },
    }


COMPONENTS = _shared_components()


def _module_of(segments: list[str]) -> str:
    names = [naming.member_name(s) for s in segments]
    return "_".join(names).rstrip("_").replace("__", "_")


@st.composite
def method_names(draw: st.DrawFn, prefix: str) -> list[str]:
    """1–8 TOP method names, most sharing a prefix; one may be a resource of another."""
    base = draw(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=3))
    tails = draw(
        st.lists(
            st.lists(st.sampled_from(SEGMENTS), min_size=0, max_size=2), min_size=1, max_size=7
        )
    )
    chosen: list[str] = []
    seen: set[str] = set()
    for tail in tails:
        if draw(st.integers(0, 4)) == 0:  # not under the shared prefix
            tail = draw(st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=3))
            segments = tail
        else:
            segments = base + tail
        if len(segments) < 2:
            segments = [*segments, "get"]
        names = [naming.member_name(s) for s in segments]
        module = _module_of(segments)
        keys = {module, module.upper(), ".".join(names)}
        if not all(names) or keys & seen:
            continue
        seen |= keys
        chosen.append(prefix + ".".join(segments))
    return chosen


@st.composite
def endpoints(draw: st.DrawFn, method: str, prefix: str) -> Endpoint:
    segments = method[len(prefix) :].split(".")
    stem = "".join(naming.pascal(naming.member_name(s)) for s in segments)
    names = _Names(stem)
    op: dict[str, Any] = {}
    if draw(st.booleans()):
        op["operationId"] = method
    op["summary"] = draw(texts(4))
    op["description"] = draw(descriptions())
    op["x-top-method"] = method
    op["x-top-idempotent"] = draw(st.booleans())
    session = draw(st.sampled_from([None, "none", "optional", "required"]))
    if session:
        op["x-top-session"] = session
    if draw(st.integers(0, 3)) == 0:
        op["x-top-doc"] = {
            "source": draw(texts(2)),
            "truncated": draw(st.booleans()),
            "inferred": draw(st.lists(texts(3), max_size=3)),
        }

    # parameters
    param_names = draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=5, unique=True))
    params = {name: draw(field_schemas()) for name in param_names}
    for schema in params.values():
        _describe(draw, schema)
    body_schema: dict[str, Any] = {"type": "object", "properties": params}
    names.fix(body_schema, "", params=True, top=True)
    params = body_schema["properties"]
    shared = _share_a_schema(draw, params)
    required = [n for n in params if draw(st.booleans())]
    calls = [
        {
            name: draw(json_value(schema, for_call=True).filter(_sendable))
            for name, schema in params.items()
            if name in required or draw(st.booleans())
        }
        for _ in range(draw(st.integers(1, 2)))
    ]
    if params:
        properties = {**params, **shared}
        media: dict[str, Any] = {"schema": {"type": "object", "properties": properties}}
        if required:
            media["schema"]["required"] = required
        json_params = {
            n: {"contentType": "application/json"} for n, s in params.items() if _is_json(s)
        }
        if json_params:
            media["encoding"] = json_params
        if draw(st.booleans()):
            media["examples"] = {"page": {"summary": draw(texts(2)), "value": jsonable(calls[0])}}
        op["requestBody"] = {"required": True, "content": {FORM: media}}

    # response
    key = response_key(method)
    inner = draw(object_schemas(field_schemas(), max_fields=5))
    inner.pop("title", None)
    inner.setdefault("properties", {})
    business = draw(st.sampled_from([None, "result", ""]))
    if business is not None:
        result = {
            "type": "object",
            "title": draw(st.sampled_from(["ResultData", "Result", "Outcome"])),
            "properties": {
                "success": {"type": "boolean", "examples": [True]},
                "result_code": {"type": "integer", "format": "int64"},
                "result_msg": {"type": "string"},
            },
        }
        target = inner["properties"] if business == "" else result["properties"]
        if business == "":
            for k in list(target):
                if naming.field_name(k) in ("success", "result_code", "result_msg"):
                    del target[k]
            target.update(result["properties"])
        else:
            for k in list(inner["properties"]):
                if naming.field_name(k) == "result":
                    del inner["properties"][k]
            inner["properties"]["result"] = result
        op["x-top-business-result"] = {
            "path": business,
            "success": "success",
            "code": "result_code",
            "message": "result_msg",
        }
    for name in list(inner["properties"]):
        if naming.field_name(name) == "request_id":  # the gateway's: a string, always sent
            del inner["properties"][name]
    if "required" in inner:
        inner["required"] = [n for n in inner["required"] if n in inner["properties"]]
    if draw(st.booleans()):
        inner["properties"]["request_id"] = {"type": "string"}
    for schema in inner["properties"].values():
        _describe(draw, schema)
    names.fix(inner, stem + "Response", top=True, reply=True)
    json_media: dict[str, Any] = {
        "schema": {
            "oneOf": [
                {"type": "object", "required": [key], "properties": {key: inner}},
                {"$ref": "../openapi.yaml#/components/schemas/ErrorEnvelope"},
            ]
        }
    }
    if draw(st.booleans()):
        body = draw(json_value(inner))
        if business == "result":
            body["result"] = {"success": True, "result_code": 200, "result_msg": "成功"}
        elif business == "":
            body["success"] = True
        body.pop("request_id", None)
        json_media["examples"] = {
            "success": {"summary": draw(texts(2)), "value": {key: body}},
            "error": {"$ref": "../openapi.yaml#/components/examples/ErrorInvalidParameter"},
        }
    op["responses"] = {
        "200": {"description": draw(texts(3)), "content": {"application/json": json_media}}
    }
    if draw(st.booleans()):
        op["responses"]["200"]["content"]["application/xml"] = {
            "examples": {
                "error": {"$ref": "../openapi.yaml#/components/examples/ErrorInvalidParameterXml"}
            }
        }
    return Endpoint(method, {"post": op}, calls)


def _sendable(value: Any) -> bool:
    """Whether TOP's form can carry ``value``: an empty one is taken for none."""
    if isinstance(value, list):
        return not all(item == "" for item in value)
    return value != ""


def _is_xml_name(name: str) -> bool:
    parser = expat.ParserCreate()
    try:
        parser.Parse(f"<{name}/>", True)
    except expat.ExpatError:
        return False
    return True


def _is_json(schema: dict[str, Any]) -> bool:
    if schema.get("type") == "object" or ("properties" in schema and "type" not in schema):
        return True
    if schema.get("type") == "array":
        items = schema["items"]
        return items.get("type") in ("object", "array")
    return False


def _describe(draw: st.DrawFn, schema: dict[str, Any]) -> None:
    """Give ``schema`` and what it holds descriptions and examples, at random."""
    if draw(st.integers(0, 2)) == 0:
        schema["description"] = draw(texts(5))
    kind = schema.get("type")
    if kind in ("string", "integer", "number", "boolean") and draw(st.integers(0, 2)) == 0:
        schema["examples"] = [draw(json_value(schema))]
    if kind == "array":
        _describe(draw, schema["items"])
    for prop in (schema.get("properties") or {}).values():
        _describe(draw, prop)


def _share_a_schema(draw: st.DrawFn, params: dict[str, Any]) -> dict[str, Any]:
    """Sometimes make one scalar parameter a ``$ref`` to another's schema in the same file;
    returns the ``$ref`` to write in place of the copied schema."""
    scalars = [
        n
        for n, s in params.items()
        if s.get("type") in ("string", "integer", "boolean") and "enum" not in s
    ]
    if len(scalars) < 2 or not draw(st.booleans()):
        return {}
    source, target = scalars[0], scalars[1]
    pointer = "/".join(
        naming_token(t)
        for t in ("post", "requestBody", "content", FORM, "schema", "properties", source)
    )
    params[target] = copy.deepcopy(params[source])
    return {target: {"$ref": "#/" + pointer}}


def naming_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


_MODULE_WORDS = st.sampled_from(["sdk", "class_", "typing", "json", "api", "x"])


@st.composite
def specs(draw: st.DrawFn, index: int) -> Spec:
    """A valid spec whose package is named ``fz<index>_...`` (so several can be imported)."""
    prefix = draw(st.sampled_from(PREFIXES))
    methods = draw(method_names(prefix))
    module = f"fz{index}_{draw(_MODULE_WORDS)}"
    package: dict[str, Any] = {"module": module}
    if draw(st.booleans()):
        package["distribution"] = f"fz{index}-sdk"
    if prefix != "alibaba.damai.maizuo.openapi." or draw(st.booleans()):
        package["method-prefix"] = prefix
    info: dict[str, Any] = {
        "title": draw(texts(4)) or "t",
        "version": draw(st.sampled_from(["0.1.0", "1.0.0", "2.3.4rc1", "10.0.0.dev3"])),
    }
    if draw(st.booleans()):
        info["summary"] = draw(texts(3))
    if draw(st.booleans()):
        info["description"] = draw(descriptions())
    info["x-top-package"] = package
    endpoints_ = [draw(endpoints(m, prefix)) for m in methods]
    root: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": info,
        "servers": [
            {"url": "https://gw.api.taobao.com/router/rest", "description": draw(texts(3))}
        ],
        "paths": {f"/{e.method}": {"$ref": f"endpoints/{e.method}.yaml"} for e in endpoints_},
        "components": copy.deepcopy(COMPONENTS),
    }
    return Spec(root, endpoints_, module)
