"""The one error type a user of the generator sees: a problem in the spec, with where it is."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the spec: ``file:line: json-pointer: message``."""

    file: Path | None
    line: int | None
    pointer: str
    message: str

    def __str__(self) -> str:
        where = str(self.file) if self.file is not None else "<spec>"
        if self.line is not None:
            where += f":{self.line}"
        pointer = self.pointer or "/"
        return f"{where}: {pointer}: {self.message}"


class SpecError(Exception):
    """The spec cannot be used; carries every problem found, in a stable order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class GeneratorError(Exception):
    """A failure that is not the spec's fault but still needs a clear one-line message
    (an unwritable output folder, a missing template, black refusing generated code)."""
