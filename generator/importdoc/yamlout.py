"""Write an endpoint file in the spec's hand-written style.

Keys stay in the order they were built in; Chinese stays as it is (no ``\\u`` escapes); lines are
never folded. Block style throughout, with three exceptions that keep the files short to read,
as the hand-written spec does: a short list of scalars is a flow list (``required: [a, b]``,
``examples: [1]``); a short mapping of scalars inside a list is a flow mapping
(``- {value: 1, label: 注册}``); text of several lines is a literal block (``|-``); a reference
(``'../openapi.yaml#/components/…'``) is quoted.
"""

from __future__ import annotations

from typing import Any

import yaml

_SHORT = 100
"""Up to how many characters a list or mapping of scalars is written on one line."""
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_STR = "tag:yaml.org,2002:str"


class _Dumper(yaml.SafeDumper):
    """Indents a list under its key (``oneOf:`` then ``  - …``), and writes no anchors."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list) and not (isinstance(value, str) and "\n" in value)


def _short(values: list[Any]) -> bool:
    return sum(len(str(v)) + 2 for v in values) <= _SHORT


def _represent_str(dumper: _Dumper, data: str) -> yaml.Node:
    if "\n" in data:
        return dumper.represent_scalar(_STR, data, style="|")
    return dumper.represent_scalar(_STR, data, style="'" if "#/" in data else None)


def _represent_list(dumper: _Dumper, data: list[Any]) -> yaml.Node:
    if all(_scalar(v) for v in data) and (len(data) == 1 or _short(data)):
        return dumper.represent_sequence(_SEQ, data, flow_style=True)
    items: list[yaml.Node] = []
    for item in data:
        if (
            isinstance(item, dict)
            and len(item) > 1
            and all(_scalar(v) for v in item.values())
            and _short([*item, *item.values()])
        ):
            items.append(dumper.represent_mapping(_MAP, item, flow_style=True))
        else:
            items.append(dumper.represent_data(item))
    return yaml.SequenceNode(_SEQ, items, flow_style=False)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def to_yaml(document: dict[str, Any]) -> str:
    """``document`` as the text of a spec file."""
    return yaml.dump(
        document,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
