"""What every part of the builder shares: the bundled document, the problems found so far, and
following a ``$ref``.

A problem that ends the building of one operation is raised as :class:`Stop` and recorded
against its place; the builder goes on with the next operation, so one run reports them all.
"""

from __future__ import annotations

from typing import Any

from .. import pointer as pointers
from ..errors import Problem
from ..load import LoadedSpec


class Stop(Exception):
    """Building the current operation cannot go on: ``message`` is what is wrong at ``pointer``."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer
        self.message = message


class Document:
    """The bundled, validated document being built, and the problems found in it."""

    def __init__(self, spec: LoadedSpec) -> None:
        self.spec = spec
        self.doc = spec.document
        self.problems: list[Problem] = []

    def fail(self, pointer: str, message: str) -> None:
        self.problems.append(self.spec.source.problem(pointer, message))

    def where(self, pointer: str) -> str:
        """``file:line`` of ``pointer`` (or of its nearest ancestor written down), to name a
        second place in a problem reported at the first."""
        found = self.spec.source.locate(pointer)
        if found is None:
            return pointer or "/"
        return f"{found.file}:{found.line} ({pointer})"

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        """``node`` with its ``$ref`` chain followed, and the pointer of what it ends at."""
        try:
            return pointers.deref(self.doc, node, pointer)
        except pointers.PointerError as error:
            raise Stop(pointer, f"{error}; {error.fix}") from None
