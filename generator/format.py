"""Stage 5: black is the judge of the generated Python's layout.

The templates and :mod:`.render.pytext` write code as black lays it out, so running black over
every file changed nothing and was most of a cold run's time. ``generate`` therefore runs black
only on the files it may change: those with a line wider than black's limit (the one thing spec
text can push past what the templates lay out), or on every file when asked
(``maizuo-gen generate --format``). ``maizuo-gen check`` (so ``make test``) and the fuzzers run
black over every generated file and name any file it would change, so a template that stops
writing black's layout is caught. black is imported only when it runs.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .errors import GeneratorError

if TYPE_CHECKING:
    from black.mode import Mode

LINE_LENGTH = 100
_mode: Mode | None = None


def format_python(source: str, path: str = "<example>") -> str:
    """``source`` as black writes it; a syntax error is the generator's bug, reported as such."""
    global _mode
    from black import format_str
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    if _mode is None:
        _mode = Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY311})
    try:
        return format_str(source, mode=_mode)
    except InvalidInput as exc:
        raise GeneratorError(
            f"{path}: the generated code is not valid Python ({exc}); this is a generator bug"
        ) from None


def may_need_black(source: str) -> bool:
    """Could black change ``source``, as far as a cheap look can tell: a line wider than black's
    limit (East Asian wide characters counted as two columns, as black counts them; any other
    character as one, which never counts a line short)."""
    for line in source.splitlines():
        if len(line) <= LINE_LENGTH // 2:
            continue
        if line.isascii():
            if len(line) > LINE_LENGTH:
                return True
        elif _width(line) > LINE_LENGTH:
            return True
    return False


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def black_changes(source: str, path: str) -> bool:
    """Would black change ``source``? (``maizuo-gen check`` asks it of every generated file.)"""
    return format_python(source, path) != source
