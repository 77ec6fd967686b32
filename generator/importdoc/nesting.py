"""Rebuild the struct tree a table's flat bullet list lost.

The text form of a table shows where a nested struct starts (a bullet without ``└`` followed by
its type) but not where it ends. Each field is put into one of the structs still open, by the
first rule that applies (``spec/IMPORTING.md`` explains them):

1. an example (the Java request example, the XML/JSON response example) shows where it is;
2. the first field after a struct opens it;
3. the innermost struct already has a field of that name: the nearest enclosing one without it;
4. a business-result field (``success``, ``result_code``, ``result_msg``) joins the struct that
   holds the others;
5. struct names: a nested struct whose name shares a word with an enclosing struct's name, and
   none with the structs inside that one, goes there; a field whose name contains all of an
   enclosing struct's name (``price_id`` in ``PriceVo``) but not all of the innermost struct's
   name (``ChildPriceVo``) goes back to that struct;
6. subjects: a field after the fields of a list's item struct that shares no subject word with
   that struct (its name and its fields' names) but shares one with the struct enclosing the
   list goes there: a field never joins a list's items without evidence;
7. otherwise the innermost open struct: the field follows it on the page. These placements are
   listed in the notes, per struct, for a reviewer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .evidence import Evidence, Segment
from .page import Entry, PageError, Row
from .typename import TypeName, parse_type

RESULT_FIELDS = frozenset({"success", "result_code", "result_msg"})
_ROLE_WORDS = frozenset({"vo", "param", "dto", "bo", "po", "do"})
_GENERIC_WORDS = frozenset(
    {"id", "ids", "name", "type", "code", "no", "list", "count", "state", "status", "time"}
    | {"url", "desc", "info", "boolean", "flag", "data", "value", "vo", "param", "dto"}
)
"""Words that name a field's kind rather than its subject (``seat_id`` is about a seat)."""


@dataclass
class Placed:
    """A field in its place: the entry, its type, and (for a struct) its fields."""

    entry: Entry
    type: TypeName
    path: tuple[Segment, ...]
    """Names (and list flags) from the top-level parameter down to this field."""
    children: list[Placed] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.entry.name.text

    @property
    def shown(self) -> str:
        """The field's path as notes show it: ``result_data.price_vo_list[].price_id``."""
        parts = [name + ("[]" if is_list else "") for name, is_list in self.path[:-1]]
        return ".".join([*parts, self.path[-1][0]])


def place(row: Row, evidence: Evidence | None) -> tuple[Placed, list[tuple[int, str]]]:
    """The tree of ``row``'s fields, and notes (with their line) on every placement the page
    leaves open."""
    root_type = _type(row.entry)
    root = Placed(row.entry, root_type, ((row.entry.name.text, root_type.is_list),))
    if row.fields and not root_type.is_struct:
        raise PageError(
            row.fields[0].name.line,
            f"fields follow {row.entry.name.text}, but its type {root_type} is not a struct",
        )
    notes: list[tuple[int, str]] = []
    stack = [root]
    fresh = True
    followers: dict[int, list[Placed]] = {}
    for entry in row.fields:
        kind = _type(entry)
        depth, reason, by_default = _choose(entry, kind, stack, fresh, evidence)
        inner = stack[-1]
        del stack[depth + 1 :]
        parent = stack[-1]
        if any(child.name == entry.name.text for child in parent.children):
            raise PageError(
                entry.name.line, f"{entry.name.text} appears twice in {parent.type.base}"
            )
        node = Placed(entry, kind, (*parent.path, (entry.name.text, kind.is_list)))
        parent.children.append(node)
        if reason:
            notes.append(
                (
                    entry.name.line,
                    f"{node.shown} (line {entry.name.line}) is placed in {parent.type.base}, "
                    f"not in {inner.type.base}: {reason}",
                )
            )
        elif by_default and len(stack) > 1:
            followers.setdefault(id(parent), []).append(node)
        fresh = kind.is_struct
        if kind.is_struct:
            stack.append(node)
    _note_followers(root, followers, notes)
    return root, sorted(notes)


def _type(entry: Entry) -> TypeName:
    kind = parse_type(entry.type.text)
    assert kind is not None, "the table reader checked every type"
    return kind


def _choose(
    entry: Entry, kind: TypeName, stack: list[Placed], fresh: bool, evidence: Evidence | None
) -> tuple[int, str, bool]:
    """The index in ``stack`` of the struct the field goes into; why, when that is not the
    innermost one; and whether only the default rule put it there."""
    name, inner = entry.name.text, len(stack) - 1
    if evidence is not None:
        found = evidence.depth(name, [node.path[-1] for node in stack])
        if found is not None:
            return found, (f"{evidence.source} shows it there" if found < inner else ""), False
    if fresh:
        return inner, "", False
    taken = [{child.name for child in node.children} for node in stack]
    if name in taken[inner]:
        for i in range(inner - 1, -1, -1):
            if name not in taken[i]:
                return i, f"{stack[inner].type.base} already has a field {name}", False
    if name in RESULT_FIELDS and not taken[inner] & RESULT_FIELDS:
        for i in range(inner - 1, -1, -1):
            if taken[i] & RESULT_FIELDS:
                return i, "it is a business-result field, like the ones already there", False
    depth, reason = _by_name(name, kind, stack, taken)
    if not reason:
        depth, reason = _by_subject(name, stack)
    return depth, reason, not reason


def _by_subject(name: str, stack: list[Placed]) -> tuple[int, str]:
    """Rule 6: out of a list's item struct, to the struct enclosing the list, when the field's
    subject is that struct's and not the items'; ``(innermost, "")`` otherwise."""
    inner = len(stack) - 1
    if inner == 0 or not stack[inner].type.is_list:
        return inner, ""
    own = subject_words(name)
    items, outer = stack[inner], stack[inner - 1]
    if own & _subjects(items):
        return inner, ""
    shared = sorted(own & _subjects(outer))
    if not shared:
        return inner, ""
    return inner - 1, (
        f"its subject ({', '.join(shared)}) is that of {outer.type.base}, not of the "
        f"items of {items.name}"
    )


def subject_words(name: str) -> set[str]:
    """The words of a field name that say what it is about: ``order_promotion_rule_id`` → order,
    promotion, rule."""
    return set(name.lower().split("_")) - _GENERIC_WORDS


def _subjects(node: Placed) -> set[str]:
    """The subject words of a struct: its name's and those of its fields so far."""
    words = struct_words(node.type.base) - _GENERIC_WORDS
    for child in node.children:
        words |= subject_words(child.name)
    return words


def _by_name(
    name: str, kind: TypeName, stack: list[Placed], taken: list[set[str]]
) -> tuple[int, str]:
    """Rule 5: the struct names; ``(innermost, "")`` when they say nothing."""
    inner = len(stack) - 1
    words = [struct_words(node.type.base) for node in stack]
    if kind.is_struct:
        own = struct_words(kind.base)
        if not own & words[inner]:
            for i in range(inner - 1, -1, -1):
                if own & words[i]:
                    return i, f"its struct {kind.base} shares a name with {stack[i].type.base}"
        return inner, ""
    parts = set(name.lower().split("_"))
    if not words[inner] <= parts:
        for i in range(inner - 1, -1, -1):
            if words[i] and words[i] <= parts and name not in taken[i]:
                return i, (
                    f"its name contains the name of {stack[i].type.base} but not that of "
                    f"{stack[inner].type.base}"
                )
    return inner, ""


def struct_words(struct: str) -> set[str]:
    """The words of a struct's name without a role suffix: ``ChildPriceVo`` → child, price."""
    words = [w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", struct)]
    if len(words) > 1 and words[-1] in _ROLE_WORDS:
        words.pop()
    return set(words)


def _note_followers(
    node: Placed, followers: dict[int, list[Placed]], notes: list[tuple[int, str]]
) -> None:
    """One note per nested struct that took fields only because they follow it."""
    for child in node.children:
        after = followers.get(id(child))
        if after:
            first, last = after[0].entry.name.line, after[-1].entry.name.line
            names = [field.name for field in after]
            listed = ", ".join(names) if len(names) <= 3 else f"{names[0]} … {names[-1]}"
            count = (
                f"{len(names)} fields, lines {first}–{last}"
                if len(names) > 1
                else (f"line {first}")
            )
            struct = child.type.base
            verb = (
                "follow it on the page and so are"
                if len(names) > 1
                else ("follows it on the page and so is")
            )
            notes.append(
                (
                    first,
                    f"{child.shown}{'[]' if child.type.is_list else ''} ({struct}): {listed} "
                    f"({count}) {verb} placed in it; the page does not "
                    f"show where {struct} ends, so some may belong to {node.type.base}",
                )
            )
        _note_followers(child, followers, notes)
