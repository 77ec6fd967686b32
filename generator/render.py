"""Stage 4: the IR through the Jinja2 templates into source text, one file at a time.

Templates print what the IR decided; the few things a file needs that follow from the IR
(which names a module imports) are worked out here, in :func:`model_module` and
:func:`resource_module`, so templates stay loops and simple conditions.
"""

from __future__ import annotations

import hashlib
import json
import keyword
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from black.strings import str_width

from .errors import GeneratorError
from .ir import Api, EnumType, Field, Model, Operation, Param, Resource, TypeRef
from .naming import AMBIGUOUS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
RUNTIME = Path(__file__).resolve().parent / "runtime"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_QUOTE_RUN = re.compile(r'"(?="|\Z)')


def docstring(text: str, indent: int = 0) -> str:
    """``text`` as a triple-quoted docstring literal that is safe whatever it holds."""
    body = text.strip().replace("\\", "\\\\")
    # a quote followed by a quote, or last (before the closing quotes), is escaped: no run of
    # three can end the literal early
    body = _QUOTE_RUN.sub('\\\\"', body)
    body = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", body)
    pad = " " * indent
    # trailing whitespace goes (black keeps an attribute's docstring as is); a tab is written
    # \t (at a line's start, after the indent, it would mix tabs and spaces)
    lines = [line.rstrip().replace("\t", "\\t") for line in body.split("\n")]
    joined = "\n".join([lines[0]] + [(pad + line) if line.strip() else "" for line in lines[1:]])
    if len(lines) > 1:
        joined += "\n" + pad
    return f'"""{joined}"""'


def pyrepr(value: Any) -> str:
    """A Python literal for a JSON value."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(pyrepr(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, str):
        return pystr(value)
    return repr(value)


def md_cell(text: Any) -> str:
    """Text for one cell of a Markdown table."""
    value = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    value = _CONTROL.sub(" ", value)
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>").strip()


def md_code(text: str) -> str:
    """Inline code that survives backticks inside."""
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if "`" in text else f"`{text}`"


def fence(text: str) -> str:
    """A code fence longer than any run of backticks inside ``text``."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (JSON's escapes, plus DEL, which TOML also refuses raw)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class EndpointModule:
    """What one endpoint's module needs besides the IR: its imports."""

    operation: Operation
    exports: tuple[str, ...]
    typing: tuple[str, ...]
    collections: tuple[str, ...]
    runtime: tuple[str, ...]
    needs_field: bool
    needs_datetime: tuple[str, ...]


@dataclass(frozen=True)
class ResourceModule:
    name: str
    resources: tuple[Resource, ...]
    """Every resource in this module, parents before children."""
    exports: tuple[str, ...]
    operations: tuple[Operation, ...]
    has_children: bool


def _walk_types(ref: TypeRef) -> Iterator[TypeRef]:
    yield ref
    if ref.item is not None:
        yield from _walk_types(ref.item)


def endpoint_module(op: Operation) -> EndpointModule:
    typing: set[str] = set()
    collections: set[str] = set()
    runtime: set[str] = set()
    dates: set[str] = set()
    needs_field = False
    enums = {e.name: e for e in op.enums}
    for model in op.models:
        runtime.add("RequestModel" if model.is_input else "ResponseModel")
        if model.is_input and model is not op.params_model:
            typing.add("TypedDict")
        for f in model.fields:
            if "Field(" in declaration(f, model):
                needs_field = True
            if model.is_input and not f.required and model is not op.params_model:
                typing.add("NotRequired")
            for t in _walk_types(f.type):
                if t.kind == "datetime":
                    runtime.add("TopDateTime")
                    if model.is_input and model is not op.params_model:
                        dates.add("datetime")  # the TypedDict twin takes a plain datetime
                if t.kind == "date":
                    dates.add("date")
                if t.kind == "enum" and model.is_input:
                    typing.add("Literal")
                if t.kind == "enum" and not model.is_input:
                    runtime.add(
                        "OpenIntEnum" if enums[t.enum or ""].base == "int" else "OpenStrEnum"
                    )
    for param in op.params:
        for t in _walk_types(param.type):
            if t.kind == "array":
                collections.add("Sequence")
            if t.kind in ("datetime", "date"):
                dates.add(t.kind)
    for enum in op.enums:
        runtime.add("LabeledIntEnum" if enum.base == "int" else "LabeledStrEnum")
        typing.add("ClassVar")
        collections.add("Mapping")
    exports = [e.name for e in op.enums] + [m.name for m in op.models]
    exports += [m.dict_name for m in op.models if m.is_input and m is not op.params_model]
    return EndpointModule(
        op,
        tuple(sorted(exports, key=export_order)),
        tuple(sorted(typing)),
        tuple(sorted(collections)),
        tuple(sorted(runtime)),
        needs_field,
        tuple(sorted(dates)),
    )


def export_order(name: str) -> tuple[int, list[str | int]]:
    """The order ruff wants ``__all__`` in (RUF022): CONSTANTS, then Classes, then the rest,
    each in natural order (``Level2`` before ``Level10``)."""
    if len(name) > 1 and name.upper() == name and name.lower() != name:
        kind = 0
    elif name[:1].isupper():
        kind = 1
    else:
        kind = 2
    return kind, [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _flatten(resource: Resource) -> Iterator[Resource]:
    yield resource
    for child in resource.children:
        yield from _flatten(child)


def resource_module(resource: Resource) -> ResourceModule:
    resources = tuple(_flatten(resource))
    operations = tuple(
        sorted(
            [op for r in resources for op in r.methods] + [r.call for r in resources if r.call],
            key=lambda o: o.module,
        )
    )
    exports = sorted(
        (prefix + r.class_name for r in resources for prefix in ("", "Async")), key=export_order
    )
    return ResourceModule(
        resource.module,
        resources,
        tuple(exports),
        operations,
        any(r.children for r in resources),
    )


def declaration(field: Field, model: Model) -> str:
    """What follows ``name:`` in a model's class body: the annotation and the default."""
    optional = not field.required or model.is_output
    arguments = ["default=None"] if optional else []
    if field.py_name != field.name:
        arguments.append(f"alias={field.name!r}")
    if model.is_input:  # a reply is read as it comes: a constraint it breaks is not an error
        arguments.extend(f"{key}={pyrepr(value)}" for key, value in field.constraints.items())
    if field.examples:
        arguments.append(f"examples={pyrepr(list(field.examples))}")
    if field.deprecated:
        arguments.append("deprecated=True")
    annotation = field.type.annotation + (" | None" if optional else "")
    if arguments == ["default=None"]:
        return f"{annotation} = None"
    if arguments:
        return f"{annotation} = Field({', '.join(arguments)})"
    return annotation


def dict_annotation(field: Field) -> str:
    """The type of a key of a request TypedDict."""
    if field.required:
        return field.type.dict_annotation
    return f"NotRequired[{field.type.dict_annotation}]"


def identifier_keys(model: Model) -> bool:
    """Can the model's TypedDict twin be a class (every wire name a Python identifier, which
    may be non-ASCII: a TypedDict's keys are the wire names, whatever script they use)?"""
    return all(f.name.isidentifier() and not keyword.iskeyword(f.name) for f in model.fields)


def method_docstring(op: Operation) -> str:
    """The docstring of a resource method: what the doc page says, its arguments and errors."""
    lines = [op.summary or op.top_method]
    if op.description and op.description != op.summary:
        lines += ["", op.description]
    lines += ["", f"TOP method ``{op.top_method}``."]
    if not op.idempotent:
        lines.append(
            "Not idempotent: once the request may have reached the service it is never resent."
        )
    if op.params:
        lines += ["", "Args:"]
        for p in op.params:
            text = one_line(p.description) or p.type.schema_type
            lines.append(f"    {p.py_name}: {text}" + ("" if p.required else " (optional)"))
    lines += ["", "Raises:"]
    lines.append("    ParameterError: a parameter fails validation; nothing was sent.")
    if op.business_result:
        lines.append("    BusinessError: the service answered that the operation did not succeed.")
    lines.append("    APIError: the gateway refused the call (a subclass tells why).")
    lines.append(
        "    APIConnectionError: the gateway could not be reached or did not answer in time."
    )
    return "\n".join(lines)


def type_link(ref: TypeRef) -> str:
    """A type for a docs table, linking structs and enums to their section."""
    if ref.kind == "array" and ref.item is not None:
        return f"list of {type_link(ref.item)}"
    name = ref.model or ref.enum
    if name:
        return f"[{name}](#{name.lower()})"
    return f"`{ref.schema_type}`"


def examples_cell(examples: tuple[Any, ...]) -> str:
    return "<br>".join(md_code(json.dumps(e, ensure_ascii=False)) for e in examples)


def constraints_cell(item: Field | Param) -> str:
    parts = [
        f"{key}={json.dumps(value, ensure_ascii=False)}" for key, value in item.constraints.items()
    ]
    if item.default is not None:
        parts.append(f"default={json.dumps(item.default, ensure_ascii=False)}")
    return md_cell(", ".join(parts))


_PLACEHOLDERS: dict[str, Any] = {
    "string": "example",
    "integer": 1,
    "number": 1.0,
    "boolean": True,
    "datetime": "2016-01-01 12:00:00",
    "date": "2016-01-01",
}
"""Values for a required field or parameter the spec gives no example of."""


def example_value(
    ref: TypeRef,
    examples: tuple[Any, ...],
    models: dict[str, Model],
    enums: dict[str, EnumType] | None = None,
    *,
    required: bool = False,
) -> Any:
    """A value for ``ref`` built from the spec's examples; a placeholder of its type when it
    is ``required`` and has none (so a call made of it can be sent), else ``None``."""
    if examples:
        return examples[0]
    if ref.model is not None:
        model = models[ref.model]
        value = {}
        for f in model.fields:
            inner = example_value(f.type, f.examples, models, enums, required=f.required)
            if inner is not None:
                value[f.name] = inner
        return value
    if ref.item is not None:
        inner = example_value(ref.item, (), models, enums, required=required)
        return None if inner is None else [inner]
    if not required:
        return None
    if ref.enum is not None and enums and ref.enum in enums:
        return enums[ref.enum].members[0].value
    return _PLACEHOLDERS.get(ref.kind)


def literal(value: Any, indent: int) -> str:
    """A Python literal laid out as black would lay out a long one: one item per line."""
    pad = " " * (indent + 4)
    if isinstance(value, dict) and value:
        items = [f"{pad}{pystr(k)}: {literal(v, indent + 4)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and value:
        items = [f"{pad}{literal(v, indent + 4)}," for v in value]
        return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"
    return pystr(value) if isinstance(value, str) else pyrepr(value)


def pystr(text: str) -> str:
    """A string literal in double quotes, as black prefers."""
    inner = repr(text)[1:-1]
    if repr(text).startswith("'"):
        inner = inner.replace("\\'", "'").replace('"', '\\"')
    return f'"{inner}"'


def example_arguments(op: Operation) -> dict[str, Any]:
    """Keyword arguments for calling ``op``: the spec's request example, else its field
    examples, else (for a required one) a placeholder; optional parameters with neither are
    left out."""
    models = {m.name: m for m in op.models}
    enums = {e.name: e for e in op.enums}
    request = op.request_examples[0].value if op.request_examples else {}
    arguments = {}
    for p in op.params:
        given = isinstance(request, dict) and p.name in request
        value = (
            request[p.name]
            if given
            else example_value(p.type, p.examples, models, enums, required=p.required)
        )
        if value is not None:
            arguments[p.py_name] = value
    return arguments


def call_example(op: Operation, api: Api) -> str:
    """A runnable example of calling ``op``, with error handling, as a Markdown code block."""
    arguments = [
        f"        {name}={literal(value, 8)}," for name, value in example_arguments(op).items()
    ]
    body = "\n".join(arguments)
    call = f"    response = client.{op.call_path}()\n"
    source = (
        f"from {api.package} import Client, errors\n\n"
        f"client = Client()  # reads {api.env_prefix}_APP_KEY and {api.env_prefix}_APP_SECRET\n"
        "try:\n"
        + (f"    response = client.{op.call_path}(\n{body}\n    )\n" if body else call)
        + (
            "except errors.BusinessError as exc:\n"
            '    print("not done:", exc.result_code, exc.result_msg, exc.request_id)\n'
            if op.business_result
            else ""
        )
        + "except errors.APIError as exc:\n"
        '    print("refused:", exc.code, exc.sub_code, exc.sub_msg, exc.request_id)\n'
        "except errors.MaizuoError as exc:\n"
        '    print("failed:", exc)\n'
        "else:\n"
        "    print(response)\n"
    )
    return f"{fence(source)}python\n{source}{fence(source)}"


def enum_labels(enum: EnumType) -> str:
    return pyrepr({m.value: m.label for m in enum.members})


# -- laying out long lines as black does ---------------------------------------------------------
# black formats a file twice when its first pass changes anything, so text that is already laid
# out as black would lay it out costs half. These lay out the long lines the templates make
# most often (black still formats every file: a line laid out otherwise only costs that second
# pass).

LINE_LENGTH = 100


def _fits(line: str) -> bool:
    return str_width(line) <= LINE_LENGTH


def from_import(names: Iterable[str], module: str) -> str:
    """``from module import a, b``; one name a line in brackets when that is too long."""
    names = list(names)
    line = f"from {module} import {', '.join(names)}"
    if _fits(line):
        return line
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


def _exploded(head: str, items: list[str], close: str, indent: int, tail: str = "") -> str:
    pad = " " * indent
    body = "".join(f"{pad}    {item},\n" for item in items)
    return f"{pad}{head}\n{body}{pad}{close}{tail}"


def dict_line(items: Iterable[tuple[str, str]], head: str, indent: int, tail: str = "") -> str:
    """``head{k: v, ...}tail`` at ``indent``; one item a line when that is too long, as black
    explodes a collection it has to split."""
    pairs = [f"{k}: {v}" for k, v in items]
    line = f"{' ' * indent}{head}{{{', '.join(pairs)}}}{tail}"
    if _fits(line) or not pairs:
        return line
    return _exploded(head + "{", pairs, "}", indent, tail)


def labels_line(enum: EnumType) -> str:
    """The ``__labels__`` line of an enum class."""
    items = [(pyrepr(m.value), pyrepr(m.label)) for m in enum.members]
    head = f"__labels__: ClassVar[Mapping[{enum.base}, str]] = "
    return dict_line(items, head, 4).lstrip()


def call_values(op: Operation) -> str:
    """The parameters' dict of a resource method's ``_call``, an argument line at indent 8."""
    items = [(pyrepr(p.py_name), p.py_name) for p in op.params]
    return dict_line(items, "", 8, ",").lstrip()


def field_line(field: Field, model: Model) -> str:
    """A model field's line at indent 4: ``name: annotation = Field(...)``, its call's arguments
    on a line of their own when the whole is too long (and they fit there)."""
    line = f"    {field.py_name}: {declaration(field, model)}"
    if _fits(line) or not line.endswith(")") or "= Field(" not in line:
        return line.lstrip()
    head, arguments = line[:-1].split("= Field(", 1)
    if _fits(f"{head}= Field(") and _fits(f"        {arguments}") and "(" not in arguments:
        return f"{head.lstrip()}= Field(\n        {arguments}\n    )"
    return line.lstrip()


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.tests["identifier_keys"] = identifier_keys
    env.tests["ambiguous"] = AMBIGUOUS.__contains__  # l, O, I: ruff's E741 when a class key
    env.filters.update(
        docstring=docstring,
        pyrepr=pyrepr,
        md_cell=md_cell,
        md_code=md_code,
        fence=fence,
        one_line=one_line,
        toml_string=toml_string,
        enum_labels=enum_labels,
        from_import=from_import,
        labels_line=labels_line,
        call_values=call_values,
        field_line=field_line,
        declaration=declaration,
        method_docstring=method_docstring,
        type_link=type_link,
        examples_cell=examples_cell,
        constraints_cell=constraints_cell,
        call_example=call_example,
        dict_annotation=dict_annotation,
        tojson_pretty=lambda v: json.dumps(v, ensure_ascii=False, indent=2),
    )
    return env


@dataclass(frozen=True)
class Job:
    """One output file: a template and its context, or a runtime module copied verbatim."""

    path: str
    template: str | None
    context: Callable[[], dict[str, Any]]
    """The template's variables, worked out only when the file is rendered (a cached file's
    never are)."""
    key: str
    """Everything the file's text depends on besides the templates: equal keys, equal text."""
    source: Path | None = None


def plan(api: Api) -> list[Job]:
    """The files to generate, in a stable order."""
    pkg = api.package
    header = replace(api, operations=(), resources=())
    jobs: list[Job] = []

    memo: dict[int, str] = {}

    def job(
        template: str,
        path: str,
        keyed: dict[str, Any],
        context: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        """A file keyed by ``keyed``, which is also its context unless ``context`` works the
        context out (from what ``keyed`` holds, so equal keys still mean equal text)."""
        key = ",".join(f"{name}={_key(value, memo)}" for name, value in sorted(keyed.items()))
        jobs.append(Job(path, template, context or (lambda: keyed), key))

    whole = {"api": api}
    job("pyproject.toml.j2", "pyproject.toml", {"api": header})
    job("README.md.j2", "README.md", whole)
    job("package/__init__.py.j2", f"{pkg}/__init__.py", whole)
    job("package/_version.py.j2", f"{pkg}/_version.py", {"api": header})
    job("package/_constants.py.j2", f"{pkg}/_constants.py", {"api": header})
    job("package/_client.py.j2", f"{pkg}/_client.py", whole)
    job("package/endpoints/__init__.py.j2", f"{pkg}/endpoints/__init__.py", whole)
    job("package/resources/__init__.py.j2", f"{pkg}/resources/__init__.py", {"api": header})
    job("docs/index.md.j2", "docs/index.md", whole)
    jobs.append(Job(f"{pkg}/py.typed", None, dict, ""))
    for op in api.operations:
        job(
            "package/endpoints/module.py.j2",
            f"{pkg}/endpoints/{op.module}.py",
            {"api": header, "op": op},
            partial(_module_context, header, endpoint_module, op),
        )
        job("docs/endpoint.md.j2", f"docs/{op.doc_page}", {"api": header, "op": op})
    for resource in api.resources:
        job(
            "package/resources/module.py.j2",
            f"{pkg}/resources/{resource.module}.py",
            {"api": header, "resource": resource},
            partial(_module_context, header, resource_module, resource),
        )
    for source in sorted(RUNTIME.glob("*.py")):
        if source.name not in ("__init__.py", "_constants.py"):  # _constants is rendered
            jobs.append(Job(f"{pkg}/{source.name}", None, dict, source.name, source))
    return jobs


def _module_context(api: Api, module: Callable[[Any], Any], of: Any) -> dict[str, Any]:
    """A module template's context: the API's header and the module's plan, made from ``of``
    (an operation or a resource) alone."""
    return {"api": api, "m": module(of)}


def _key(value: Any, memo: dict[int, str]) -> str:
    """Text that is equal for equal IR values (as their ``repr`` is), with each IR object's
    part worked out once (``memo``, by identity: the IR is immutable and outlives the plan):
    the whole-API files and the resource modules hold every operation again, every file holds
    the API's header, and ``repr`` would spell each one out anew each time."""
    if isinstance(value, Operation):
        if value.fingerprint:
            return value.fingerprint
        found = memo.get(id(value))
        if found is None:
            found = memo[id(value)] = hashlib.sha256(repr(value).encode()).hexdigest()
        return found
    if is_dataclass(value) and not isinstance(value, type):
        found = memo.get(id(value))
        if found is None:
            parts = (f"{f.name}={_key(getattr(value, f.name), memo)}" for f in fields(value))
            found = memo[id(value)] = f"{type(value).__name__}({','.join(parts)})"
        return found
    if isinstance(value, tuple | list):
        return f"{type(value).__name__}({','.join(_key(v, memo) for v in value)})"
    return repr(value)


def render(env: jinja2.Environment, job: Job) -> str:
    """The text of one job's file (Python not yet formatted)."""
    if job.template is None:
        return job.source.read_text(encoding="utf-8") if job.source else ""
    try:
        text = env.get_template(job.template).render(**job.context())
    except jinja2.TemplateError as exc:
        raise GeneratorError(f"template {job.template}: {exc}") from exc
    if job.path.endswith(".md"):  # control characters of the spec's text, made visible
        text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return text


def render_api(api: Api) -> dict[str, str]:
    """Every generated file's text (Python not yet formatted), by path relative to the output."""
    env = environment()
    return {job.path: render(env, job) for job in plan(api)}
