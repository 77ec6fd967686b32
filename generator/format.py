"""Stage 5: black, in process, on every generated Python file."""

from __future__ import annotations

from black import format_str
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from .errors import GeneratorError

LINE_LENGTH = 100
_MODE = Mode(line_length=LINE_LENGTH, target_versions={TargetVersion.PY311})


def format_python(source: str, path: str = "<example>") -> str:
    """``source`` as black writes it; a syntax error is the generator's bug, reported as such."""
    try:
        return format_str(source, mode=_MODE)
    except InvalidInput as exc:
        raise GeneratorError(
            f"{path}: the generated code is not valid Python ({exc}); this is a generator bug"
        ) from None
