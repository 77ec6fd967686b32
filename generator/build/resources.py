"""The tree of resources a user walks to reach a method (``client.user.authcode.send``), and the
check that no two operations take one Python name.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import naming
from ..ir import Operation, Resource
from .spec import Document


def resource_tree(operations: Sequence[Operation]) -> tuple[Resource, ...]:
    """The top-level resources, each holding its children and methods. A method whose call
    path is also a resource (``client.user.register`` beside ``client.user.register.byauthcode``)
    is that resource's ``call``."""
    paths: set[tuple[str, ...]] = set()
    for op in operations:
        for i in range(1, len(op.resource) + 1):
            paths.add(op.resource[:i])
    class_names = resource_class_names(paths)

    def node(path: tuple[str, ...]) -> Resource:
        children = tuple(
            node(p) for p in sorted(paths) if len(p) == len(path) + 1 and p[: len(path)] == path
        )
        called = [op for op in operations if (*op.resource, op.method_name) == path]
        methods = sorted(
            (
                op
                for op in operations
                if op.resource == path and (*op.resource, op.method_name) not in paths
            ),
            key=lambda o: o.method_name,
        )
        return Resource(
            name=path[-1],
            path=path,
            class_name=class_names[path],
            module=path[0],
            children=children,
            methods=tuple(methods),
            call=called[0] if called else None,
        )

    return tuple(node(p) for p in sorted(paths) if len(p) == 1)


def resource_class_names(paths: set[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """``UserAuthcodeResource`` for ``client.user.authcode``, its async twin being ``Async`` and
    that; a name taken already (``client.async_`` has the twin ``AsyncAsyncResource``, the very
    name of ``client.async_.async_``) gets a ``_`` more, shallower resources first."""
    taken: set[str] = set()
    names = {}
    for path in sorted(paths, key=lambda p: (len(p), p)):
        name = "".join(naming.pascal(p) for p in path) + "Resource"
        while name in taken or "Async" + name in taken:
            name += "_"
        taken |= {name, "Async" + name}
        names[path] = name
    return names


def check_unique(document: Document, operations: Sequence[Operation]) -> None:
    """Two methods (of one family or of two) may not become one module, constant, call path
    or doc page."""
    seen: dict[str, Operation] = {}
    for op in operations:
        for key in (op.module, op.const_name, op.call_path, op.doc_page):
            other = seen.get(key)
            if other is not None and other is not op:
                document.fail(
                    op.pointer,
                    f"{op.top_method} and {other.top_method} (at {document.where(other.pointer)}) "
                    f"both become the Python name {key!r}; rename one method",
                )
            seen[key] = op
