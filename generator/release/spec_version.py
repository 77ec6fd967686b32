"""Set ``info.version`` in the root spec file by editing that one scalar, nothing else.

The value's exact span is found with the YAML composer, so comments, quoting style, key order
and every other byte of the file stay as they were.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ReleaseError


def set_spec_version(root_file: Path, version: str) -> str:
    """Write ``version`` as ``info.version`` of ``root_file``; returns the version it replaces."""
    text = root_file.read_bytes().decode("utf-8")
    node = _version_node(yaml.compose(text, Loader=yaml.SafeLoader), root_file)
    start, end = node.start_mark.index, node.end_mark.index
    quote = node.style if node.style in ("'", '"') else ""
    updated = text[:start] + f"{quote}{version}{quote}" + text[end:]
    root_file.write_bytes(updated.encode("utf-8"))
    return str(node.value)


def _version_node(document: yaml.Node | None, root_file: Path) -> yaml.ScalarNode:
    info = _child(document, "info")
    version = _child(info, "version")
    if not isinstance(version, yaml.ScalarNode) or version.style in ("|", ">"):
        raise ReleaseError(f"{root_file}: info.version must be a one-line scalar such as 0.1.0")
    return version


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                found: yaml.Node = value_node
                return found
    return None
