"""Build an endpoint's Path Item (the content of ``spec/endpoints/<method>.yaml``) from a page."""

from __future__ import annotations

from typing import Any

from .evidence import Evidence, from_java, from_sample
from .examples import error_example, request_example, response_example
from .fields import Context, FieldSpec, read_field
from .javaexample import JavaExample, read_java
from .nesting import place
from .page import Block, Entry, Page, PageError, Table
from .parse import HEADINGS
from .rootfile import Root
from .samples import Sample, SampleError, read_sample
from .schema import SchemaWriter

FORM = "application/x-www-form-urlencoded"
ERROR_ENVELOPE = "../openapi.yaml#/components/schemas/ErrorEnvelope"
SHARED_EXAMPLES = "../openapi.yaml#/components/examples/"
QUERY_WORDS = ("get", "list", "detail", "query")
QUERY_INSIDE = ("query", "search", "list", "detail")
"""Words that mark a query anywhere in the method's last segment (``queryperforminfolist``);
``get`` only at its start or end, as it is part of other words (``budget``, ``target``)."""
RESULT_FIELDS = {"code": ("result_code", "code"), "message": ("result_msg", "msg", "message")}
"""The business result's code and message fields, by the names TOP services give them."""
REQUEST_ID = {"type": "string", "description": "网关分配的请求 ID"}


def response_key(method: str) -> str:
    """The JSON envelope's key: dots become underscores, a leading ``taobao.`` is dropped."""
    return method.removeprefix("taobao.").replace(".", "_") + "_response"


class _Builder:
    def __init__(self, page: Page, root: Root) -> None:
        self.page = page
        self.root = root
        self.notes: list[str] = []
        self.field_notes: list[tuple[int, str]] = []
        self.default_notes: list[str] = []

    def note(self, text: str) -> None:
        self.notes.append(text)

    def build(self) -> dict[str, Any]:
        page = self.page
        prefixes = self.root.method_prefixes
        if prefixes and not any(page.method.startswith(p) for p in prefixes):
            shown = " or ".join(repr(p) for p in prefixes)
            raise PageError(
                page.method_line,
                f"the method does not start with a method prefix of the spec ({shown}); "
                "declare its family in info.x-top-package.families",
            )
        self.note_cut()
        java = self.java()
        sample = self.sample(page.response_example, "the response example")
        request = self.fields(page.request, from_java(java) if java else None)
        response = self.fields(page.response, from_sample(sample.root) if sample else None)
        writer = SchemaWriter(request + response)
        key = response_key(page.method)
        operation: dict[str, Any] = {
            "operationId": page.method,
            "summary": page.title,
            "description": page.description,
            "x-top-method": page.method,
        }
        operation.update(self.defaults(response))
        body = self.request_body(request, writer, java)
        responses = self.responses(response, writer, key, sample)
        self.notes.extend(text for _, text in sorted(self.field_notes, key=lambda n: n[0]))
        self.notes.extend(self.default_notes)
        operation["x-top-doc"] = {
            "source": page.source,
            "truncated": page.truncated,
            "inferred": self.notes,
        }
        if body is not None:
            operation["requestBody"] = body
        operation["responses"] = responses
        return {"post": operation}

    # -- what the page lacks ---------------------------------------------------------------------
    def note_cut(self) -> None:
        page = self.page
        if page.cut_section:
            after = HEADINGS[HEADINGS.index(page.cut_section) + 1 :]
            self.note(
                f"the page is cut short at line {page.end_line}, inside {page.cut_section}; "
                f"the sections after it are missing ({', '.join(after)})"
            )
        for table in (t for t in (page.request, page.response) if t is not None):
            for name in table.dropped:
                last = page.lines[page.end_line - 1].strip()
                self.note(
                    f"the {table.kind} field {name.text} (line {name.line}) is left out: the page "
                    f"ends inside it, before its type is whole (`{last}`)"
                )
        if page.truncated and page.response is None:
            self.note("the page has no 响应参数 table: the response lists only request_id")
        if page.dangling:
            self.note(
                f"the page ends at line {page.dangling} with an empty bullet: a further cell or "
                "field started there is lost"
            )
        if page.error_codes:
            rows = f"{page.error_codes} row{'s' if page.error_codes > 1 else ''}"
            self.note(
                f"the 错误码解释 table ({rows}) is not imported: the spec has no place for it"
            )

    # -- examples as evidence ----------------------------------------------------------------------
    def java(self) -> JavaExample | None:
        block = self.page.java
        if block is None:
            return None
        if block.cut:
            self.note(f"the Java request example (line {block.line}) is cut short: not used")
            return None
        java = read_java(block.text)
        expected = "".join(s[:1].upper() + s[1:] for s in self.page.method.split(".")) + "Request"
        if java is None or java.request_class != expected:
            self.note(
                f"the request example (line {block.line}) is not a Java example building "
                f"{expected}: not used"
            )
            return None
        return java

    def sample(self, block: Block | None, source: str) -> Sample | None:
        if block is None:
            return None
        if block.cut:
            self.note(f"{source} (line {block.line}) is cut short: not used")
            return None
        try:
            return read_sample(block.text)
        except SampleError as error:
            self.note(f"{source} (line {block.line}) is not used: {error}")
            return None

    # -- fields ----------------------------------------------------------------------------------
    def fields(self, table: Table | None, evidence: Evidence | None) -> list[FieldSpec]:
        if table is None:
            return []
        cut_entry = self.cut_entry(table)
        result = []
        for row in table.rows:
            placed, notes = place(row, evidence)
            self.field_notes.extend(notes)
            result.append(read_field(placed, Context(evidence, cut_entry), self.field_notes))
        return result

    def cut_entry(self, table: Table) -> Entry | None:
        """The table's last entry, when the page is cut right after it."""
        heading = "请求参数" if table.kind == "request" else "响应参数"
        if self.page.cut_section != heading or not table.rows:
            return None
        last = table.rows[-1]
        return last.fields[-1] if last.fields else last.entry

    # -- the operation's parts -------------------------------------------------------------------
    def defaults(self, response: list[FieldSpec]) -> dict[str, Any]:
        """``x-top-idempotent``, ``x-top-session`` and ``x-top-business-result``: the page says
        none of them, so each is inferred and noted."""
        last = self.page.method.rsplit(".", 1)[-1]
        word = _query_word(last)
        idempotent = word is not None
        if last in QUERY_WORDS or not idempotent:
            why = f"as the method name ends in `.{last}`, " + (
                "a query"
                if idempotent
                else "not a query (no get, list, detail, query or search in it)"
            )
        else:
            why = f"inferred from the word `{word}` in the method's last segment `{last}`: a query"
        self.default_notes = [
            f"x-top-idempotent: {'true' if idempotent else 'false'}, {why}; the page does not say",
            "x-top-session: none; the page does not say the method needs a user session",
        ]
        found: dict[str, Any] = {"x-top-idempotent": idempotent, "x-top-session": "none"}
        result = _business_result(response)
        if result is not None:
            found["x-top-business-result"] = result
            fields = ", ".join(v for k, v in result.items() if k != "path")
            where = result.get("path") or "the response itself"
            self.default_notes.append(
                f"x-top-business-result: {where} ({fields}), found among the response fields"
            )
        elif response:
            self.default_notes.append(
                "x-top-business-result: not declared; no struct of the response has a boolean "
                "`success`, so a reply cannot say that the business operation failed"
            )
        return found

    def request_body(
        self, request: list[FieldSpec], writer: SchemaWriter, java: JavaExample | None
    ) -> dict[str, Any] | None:
        if not request:
            return None
        schema = writer.object(tuple(request), request=True, owner="")
        media: dict[str, Any] = {"schema": schema}
        encoding = {
            f.name: {"contentType": "application/json"} for f in request if f.type.is_struct
        }
        if encoding:
            media["encoding"] = encoding
        if java is not None:
            value = request_example(java, schema, self.note)
            if value is not None:
                media["examples"] = {
                    "page": {"summary": "请求示例(取自文档页的 Java 示例)", "value": value}
                }
        body: dict[str, Any] = {}
        if any(f.required for f in request):
            body["required"] = True
        body["content"] = {FORM: media}
        return body

    def responses(
        self, response: list[FieldSpec], writer: SchemaWriter, key: str, sample: Sample | None
    ) -> dict[str, Any]:
        inner = writer.object(tuple(response), request=False, owner="")
        inner["properties"]["request_id"] = dict(REQUEST_ID)
        envelope = {"type": "object", "required": [key], "properties": {key: inner}}
        json_examples: dict[str, Any] = {}
        xml_examples: dict[str, Any] = {}
        if sample is not None:
            value = response_example(sample.root, key, envelope, "the response example", self.note)
            if value is not None:
                json_examples["success"] = {"summary": "响应示例", "value": value}
                if sample.format == "xml":
                    xml_examples["success"] = {"summary": "响应示例 (XML)", "value": sample.text}
        self.error_examples(json_examples, xml_examples)
        content: dict[str, Any] = {
            "application/json": {"schema": {"oneOf": [envelope, {"$ref": ERROR_ENVELOPE}]}}
        }
        if json_examples:
            content["application/json"]["examples"] = json_examples
        if xml_examples:
            content["application/xml"] = {"examples": xml_examples}
        description = (
            f"TOP 网关应答。调用成功时为 `{key}` 信封,失败时为 `error_response`"
            "(HTTP 状态同为 200)。"
        )
        return {"200": {"description": description, "content": content}}

    def error_examples(self, json_examples: dict[str, Any], xml_examples: dict[str, Any]) -> None:
        """The page's error example: a reference to the root's identical shared example, or
        written out."""
        sample = self.sample(self.page.error_example, "the error example")
        if sample is None:
            return
        schema = ((self.root.components.get("schemas") or {}).get("ErrorResponse")) or {}
        value = error_example(sample.root, schema, self.note)
        if value is None:
            return
        shared = self.root.components.get("examples") or {}
        json_ref = next((n for n, e in shared.items() if e.get("value") == value), None)
        json_examples["error"] = (
            {"$ref": SHARED_EXAMPLES + json_ref}
            if json_ref
            else {"summary": "异常示例", "value": value}
        )
        if sample.format == "xml":
            xml_ref = next(
                (n for n, e in shared.items() if _same_text(e.get("value"), sample.text)), None
            )
            xml_examples["error"] = (
                {"$ref": SHARED_EXAMPLES + xml_ref}
                if xml_ref
                else {"summary": "异常示例 (XML)", "value": sample.text}
            )


def build_path_item(page: Page, root: Root) -> dict[str, Any]:
    """The Path Item of the endpoint ``page`` describes; ``root`` is the spec's root file."""
    return _Builder(page, root).build()


def _business_result(fields: list[FieldSpec]) -> dict[str, str] | None:
    """Where the response says whether the business operation succeeded: the shallowest struct
    (not inside a list) with a boolean ``success``."""
    level: list[tuple[str, list[FieldSpec]]] = [("", fields)]
    while level:
        for path, specs in level:
            names = {f.name: f for f in specs}
            if "success" in names and names["success"].kind == "boolean":
                found = {"path": path} if path else {}
                found["success"] = "success"
                for role, candidates in RESULT_FIELDS.items():
                    name = next((n for n in candidates if n in names), None)
                    if name is not None:
                        found[role] = name
                return found
        level = [
            (f"{path}.{f.name}".lstrip("."), list(f.children))
            for path, specs in level
            for f in specs
            if f.type.is_struct and not f.type.is_list
        ]
    return None


def _query_word(segment: str) -> str | None:
    """The word that makes a method's last segment a query, or ``None``."""
    if segment in QUERY_WORDS:
        return segment
    if segment.startswith("get") or segment.endswith("get"):
        return "get"
    return next((word for word in QUERY_INSIDE if word in segment), None)


def _same_text(value: Any, text: str) -> bool:
    return isinstance(value, str) and value.strip().splitlines() == text.strip().splitlines()
