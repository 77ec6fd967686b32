"""Compare the fields of one side of an endpoint (its request or its response), at any depth.

Fields are matched by their wire name, so a renamed wire field is one removed and one added.
Structs and enums are followed through the endpoint's models by class name; each pair of
classes is walked once, at the first path that reaches it. Each change keeps the pointer of the
node that changed (on the base side for something removed), so it can be shown at its line.
Validation keywords the IR does not carry are read from the spec itself (:mod:`.raw`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..ir import Constraints, EnumType, Model, TypeRef
from ..pointer import join as join_pointer
from .changes import Location, Side
from .constraints import PYDANTIC_NAMES, VALIDATION_KEYWORDS, constraint_changes, keyword_changes
from .raw import Documents, items_of
from .text import join_path, quoted, text_change, type_text, value

# (old format, new format) pairs whose new format accepts every value of the old one
_WIDER_FORMATS = {("int32", "int64"), ("float", "double")}
_ENUM_KINDS = {"int": "integer", "str": "string"}


class Member(Protocol):
    """What a request parameter (:class:`~generator.ir.Param`) and a struct field share."""

    @property
    def name(self) -> str: ...
    @property
    def py_name(self) -> str: ...
    @property
    def type(self) -> TypeRef: ...
    @property
    def required(self) -> bool: ...
    @property
    def description(self) -> str: ...
    @property
    def examples(self) -> tuple[Any, ...]: ...
    @property
    def default(self) -> Any: ...
    @property
    def constraints(self) -> Constraints: ...
    @property
    def pointer(self) -> str: ...


@dataclass(frozen=True)
class Classes:
    """The structs and enums of one endpoint on both sides, by class name."""

    old_models: Mapping[str, Model]
    new_models: Mapping[str, Model]
    old_enums: Mapping[str, EnumType]
    new_enums: Mapping[str, EnumType]


@dataclass(frozen=True)
class Found:
    path: str
    rule_id: str
    detail: str
    pointer: str
    side: Side = "head"


_NOT_CHECKED = " (the SDK does not check it: the service does)"


@dataclass
class FieldDiff:
    """Walks one side of an endpoint; :attr:`found` collects what changed."""

    classes: Classes
    location: Location
    documents: Documents | None = None
    """Both sides' bundled specs, for what the IR does not carry; ``None`` skips that."""
    found: list[Found] = field(default_factory=list)
    _walked: set[tuple[str, str, str]] = field(default_factory=set)
    _described: set[tuple[str, str, str]] = field(default_factory=set)

    @property
    def side(self) -> str:
        return "request" if self.location is Location.REQUEST else "response"

    def add(self, path: str, rule_id: str, detail: str, pointer: str, side: Side = "head") -> None:
        self.found.append(Found(path, rule_id, detail, pointer, side))

    def members(self, old: Sequence[Member], new: Sequence[Member], prefix: str = "") -> None:
        new_names = {m.name for m in new}
        old_by_name = {m.name: m for m in old}
        for gone in old:
            if gone.name not in new_names:
                self.add(
                    join_path(prefix, gone.name),
                    f"{self.side}-field-removed",
                    f"was {type_text(gone.type)}",
                    gone.pointer,
                    "base",
                )
        for member in new:
            path = join_path(prefix, member.name)
            before = old_by_name.get(member.name)
            if before is not None:
                self.member(before, member, path)
                continue
            if self.location is Location.REQUEST:
                flag = "required" if member.required else "optional"
                self.add(
                    path, f"request-field-added-{flag}", type_text(member.type), member.pointer
                )
            else:
                self.add(path, "response-field-added", type_text(member.type), member.pointer)

    def member(self, old: Member, new: Member, path: str) -> None:
        at = new.pointer

        def add(rule_id: str, detail: str, key: str = "") -> None:
            self.add(path, rule_id, detail, join_pointer(at, key) if key else at)

        if old.py_name != new.py_name:
            add("field-python-name-changed", f"{old.py_name} → {new.py_name}")
        if old.required != new.required:
            became = "required" if new.required else "optional"
            add(f"{self.side}-field-became-{became}", "")
        if old.description != new.description:
            # a struct- or enum-typed field's description is its class's too: one row says it
            self._described.add((path, old.description, new.description))
            add(
                "field-description-changed",
                text_change(old.description, new.description),
                "description",
            )
        old_schema, new_schema = self._schemas(old, new)
        self.types(old.type, new.type, path, at, old_schema, new_schema)
        for direction, detail in constraint_changes(old.constraints, new.constraints):
            add(self.constraint_rule(direction), detail, detail.split()[0])
        uncovered = _uncovered(old.constraints)
        for direction, detail in keyword_changes(old_schema, new_schema, uncovered):
            add(self.constraint_rule(direction), detail + _NOT_CHECKED, detail.split()[0])
        if old.default != new.default:
            behaviour = self.location is Location.REQUEST and not new.required
            rule_id = "request-default-changed" if behaviour else "field-default-changed"
            add(rule_id, f"default {value(old.default)} → {value(new.default)}", "default")
        was, now = _deprecated(old, old_schema), _deprecated(new, new_schema)
        if was != now:
            add("field-deprecated" if now else "field-undeprecated", "", "deprecated")
        if old.examples != new.examples:
            add(
                "field-examples-changed",
                text_change(value(list(old.examples)), value(list(new.examples))),
                "examples",
            )

    def constraint_rule(self, direction: str) -> str:
        kind = direction if direction == "pattern-changed" else f"constraint-{direction}"
        return f"{self.side}-{kind}"

    def _schemas(self, old: Member, new: Member) -> tuple[dict[str, Any], dict[str, Any]]:
        if self.documents is None:
            return {}, {}
        return self.documents.schemas(old.pointer, new.pointer)

    def types(
        self,
        old: TypeRef,
        new: TypeRef,
        path: str,
        pointer: str,
        old_schema: dict[str, Any] | None = None,
        new_schema: dict[str, Any] | None = None,
    ) -> None:
        if old.kind != new.kind:
            self.add(
                path,
                self.kind_rule(old, new),
                f"{type_text(old)} → {type_text(new)}",
                join_pointer(pointer, "type"),
            )
            return
        if old.item is not None and new.item is not None:
            items = join_pointer(pointer, "items")
            old_items = new_items = None
            old_rules = getattr(old.item, "constraints", None)
            new_rules = getattr(new.item, "constraints", None)
            if old_rules is not None and new_rules is not None:
                for direction, detail in constraint_changes(old_rules, new_rules):
                    self.add(
                        path + "[]",
                        self.constraint_rule(direction),
                        detail,
                        join_pointer(items, detail.split()[0]),
                    )
            if self.documents is not None and old_schema is not None and new_schema is not None:
                old_items = items_of(old_schema, self.documents.old)
                new_items = items_of(new_schema, self.documents.new)
                covered = getattr(old.item, "constraints", None)
                keywords = _uncovered(covered) if covered is not None else VALIDATION_KEYWORDS
                for direction, detail in keyword_changes(old_items, new_items, keywords):
                    self.add(
                        path + "[]",
                        self.constraint_rule(direction),
                        detail + _NOT_CHECKED,
                        join_pointer(items, detail.split()[0]),
                    )
            self.types(old.item, new.item, path + "[]", items, old_items, new_items)
        elif old.model is not None and new.model is not None:
            self.model(old.model, new.model, path, pointer)
        elif (
            old.enum is not None
            and new.enum is not None
            and not self.enum(old.enum, new.enum, path, pointer)
        ):
            return
        if old.format != new.format:
            widened = (old.format, new.format) in _WIDER_FORMATS or new.format is None
            if self.location is Location.RESPONSE:
                rule_id = "response-format-changed"
            else:
                rule_id = "request-format-widened" if widened else "request-format-changed"
            self.add(
                path,
                rule_id,
                f"format {old.format or '(none)'} → {new.format or '(none)'}",
                join_pointer(pointer, "format"),
            )

    def kind_rule(self, old: TypeRef, new: TypeRef) -> str:
        kinds = (old.kind, new.kind)
        if self.location is Location.REQUEST and kinds == ("integer", "number"):
            return "request-type-widened"
        if self.location is Location.RESPONSE and kinds == ("number", "integer"):
            return "response-type-narrowed"
        if new.enum is not None and self._enum_kind(new.enum, self.classes.new_enums) == old.kind:
            return f"{self.side}-became-enum"
        if old.enum is not None and self._enum_kind(old.enum, self.classes.old_enums) == new.kind:
            return "type-no-longer-enum"
        return f"{self.side}-type-changed"

    @staticmethod
    def _enum_kind(name: str, enums: Mapping[str, EnumType]) -> str | None:
        enum = enums.get(name)
        return _ENUM_KINDS[enum.base] if enum is not None else None

    def model(self, old_name: str, new_name: str, path: str, pointer: str) -> None:
        old, new = self.classes.old_models.get(old_name), self.classes.new_models.get(new_name)
        at = new.pointer if new is not None else pointer
        if old_name != new_name:
            self.add(path, "model-renamed", f"{old_name} → {new_name}", at)
        if old is None or new is None or not self._first_walk("model", old_name, new_name):
            return
        if old.struct != new.struct and old_name == new_name:
            self.add(
                path,
                "model-docs-changed",
                f"TOP struct {old.struct} → {new.struct}",
                join_pointer(at, "title"),
            )
        described = (path, old.description, new.description)
        if old.description != new.description and described not in self._described:
            self.add(
                path,
                "model-docs-changed",
                "description " + text_change(old.description, new.description),
                join_pointer(at, "description"),
            )
        self.members(old.fields, new.fields, path)

    def enum(self, old_name: str, new_name: str, path: str, pointer: str) -> bool:
        """Compare two enum classes; ``False`` when their bases differ (a type change)."""
        old, new = self.classes.old_enums.get(old_name), self.classes.new_enums.get(new_name)
        at = new.pointer if new is not None else pointer
        if old_name != new_name:
            self.add(path, "enum-renamed", f"{old_name} → {new_name}", at)
        if old is None or new is None:
            return True
        if old.base != new.base:
            self.add(
                path,
                f"{self.side}-type-changed",
                f"{old_name} ({old.base} enum) → {new_name} ({new.base} enum)",
                at,
            )
            return False
        if not self._first_walk("enum", old_name, new_name):
            return True
        described = (path, old.description, new.description)
        if old.description != new.description and described not in self._described:
            self.add(
                path,
                "enum-description-changed",
                text_change(old.description, new.description),
                join_pointer(at, "description"),
            )
        old_members = {m.value: m for m in old.members}
        new_members = {m.value: m for m in new.members}
        for gone in old.members:
            if gone.value not in new_members:
                self.add(
                    path,
                    f"{self.side}-enum-value-removed",
                    f"{value(gone.value)} = {gone.name} {quoted(gone.label)}",
                    join_pointer(old.pointer, "enum"),
                    "base",
                )
        for member in new.members:
            before = old_members.get(member.value)
            if before is None:
                self.add(
                    path,
                    f"{self.side}-enum-value-added",
                    f"{value(member.value)} = {member.name} {quoted(member.label)}",
                    join_pointer(at, "enum"),
                )
                continue
            if before.name != member.name:
                self.add(
                    path,
                    "enum-member-renamed",
                    f"{value(member.value)}: {before.name} → {member.name}",
                    join_pointer(at, "x-top-enum"),
                )
            if before.label != member.label:
                self.add(
                    path,
                    "enum-label-changed",
                    f"{value(member.value)}: " + text_change(before.label, member.label),
                    join_pointer(at, "x-top-enum"),
                )
        return True

    def _first_walk(self, kind: str, old_name: str, new_name: str) -> bool:
        key = (kind, old_name, new_name)
        if key in self._walked:
            return False
        self._walked.add(key)
        return True


def _deprecated(member: Member, schema: dict[str, Any]) -> bool:
    """``deprecated`` as the IR says it, or as the spec says it where the IR has no such
    attribute (a request parameter)."""
    flag = getattr(member, "deprecated", None)
    return bool(schema.get("deprecated")) if flag is None else bool(flag)


def _uncovered(constraints: Constraints) -> tuple[str, ...]:
    """The validation keywords an IR constraint record does not carry."""
    carried = {PYDANTIC_NAMES.get(name) for name in vars(constraints)}
    return tuple(k for k in VALIDATION_KEYWORDS if k not in carried)
