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

import io
import re
import tokenize
from typing import TYPE_CHECKING

from .errors import GeneratorError
from .textwidth import text_width

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
    """Could black change ``source``, as far as a cheap look can tell? Yes when a line of code
    is wider than black's limit (East Asian wide characters counted as two columns, as black
    counts them; black splits no line inside a triple-quoted string), ends in whitespace, or when blank lines are not as black puts them: one after the
    module's docstring, two before a top-level ``def``/``class``/decorator and at most one
    elsewhere, none opening a block or the file, one newline at its end. Spec text can make a
    template break any of these (an optional import block left out leaves its blank lines);
    what no line shows (quotes, commas, brackets) the templates always write as black does,
    which ``check`` and the fuzzers hold them to. A false alarm only costs black's time."""
    if not source.endswith("\n") or source.endswith("\n\n") or source.startswith("\n"):
        return True
    lines = source.split("\n")[:-1]
    start = _after_module_docstring(lines)
    if start and not _one_blank_line_at(lines, start):
        return True
    blank, in_definition, in_docstring = 0, False, False
    for number in range(start, len(lines)):
        line = lines[number]
        if not line:
            blank += 1
            continue
        quotes = '"""' in line
        if line != line.rstrip() or line.endswith(('""""', '\\"""')):
            return True  # black pads a docstring ending in a quote or a backslash
        if _too_wide(line) and not (in_docstring and not quotes):
            return True  # black splits no line inside a docstring, only code
        if quotes:  # a string opening a line and left open; the next three quotes close it
            in_docstring = (
                not in_docstring and line.count('"""') == 1 and line.lstrip().startswith('"""')
            )
        previous = lines[number - blank - 1] if number - blank > 0 else ""
        indented = line.startswith(" ")
        definition = line.lstrip().startswith(_DEFINITIONS)
        if line.lstrip().startswith((")", "]", "}")) and not blank and _joinable(lines, number):
            return True  # a bracket black would join back onto one line
        if blank and previous.rstrip().endswith(":"):
            return True  # a blank line opening a block
        if indented:
            if blank > 1 or (definition and not blank and not _may_touch(previous)):
                return True
        elif not line.startswith((")", "]", "}")):
            if blank > 2:
                return True
            if (definition or in_definition) and blank != 2 and not _may_touch(previous):
                return True  # two blank lines around a top-level def or class
            in_definition = line.startswith(("def ", "async def ", "class "))
        blank = 0
    return _tokens_black_would_change(source)


def _joinable(lines: list[str], number: int) -> bool:
    """Would black join the bracket closed at ``lines[number]`` back onto fewer lines? Not when
    its last item ends in a (magic) trailing comma, nor when its one line of content is as
    black leaves it: too long to join with the lines around it."""
    previous = lines[number - 1].rstrip()
    if previous.endswith((",", '"""')) or previous.lstrip().startswith("#"):
        return False
    opener = lines[number - 2] if number >= 2 else ""
    if not opener.endswith(("(", "[", "{")):
        return True
    joined = opener + previous.lstrip() + lines[number].strip()
    return not _too_wide(joined)


_SUSPECT = re.compile(r"'|[A-Zu]\"|\\\"|0X|[0-9.][EJL]|,\s*[)\]}]")
_NUMBER_FORM = re.compile(r"(0x[0-9A-F_]+|0[ob][0-7_]+|[0-9_]*\.?[0-9_]*(e[+-]?[0-9_]+)?j?)")


def _tokens_black_would_change(source: str) -> bool:
    """A string literal not as black writes it (single quotes, an escaped quote, an upper-case
    or ``u`` prefix), a number not in black's form, a trailing comma inside one line's brackets
    (black would explode them). Only a file holding one of the characters involved is
    tokenized."""
    if not _SUSPECT.search(source):
        return False
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError):
        return True
    previous = tokens[0]
    commas: list[int] = []  # per open bracket, the commas met inside it
    for token in tokens:
        if token.type == tokenize.STRING:
            prefix = token.string[: len(token.string) - len(token.string.lstrip("rRbBuUfF"))]
            body = token.string[len(prefix) :]
            if body.startswith("'") or prefix != prefix.lower() or "u" in prefix:
                return True
            if '\\"' in body or "\\'" in body:
                return True  # an escaped quote: black may choose the other quotes, or drop it
        elif token.type == tokenize.NUMBER and not _NUMBER_FORM.fullmatch(token.string):
            return True
        elif token.type == tokenize.OP:
            if token.string in "([{":
                commas.append(0)
            elif token.string == "," and commas:
                commas[-1] += 1
            elif token.string in ")]}" and commas:
                inside = commas.pop()
                one_tuple = token.string == ")" and inside == 1
                if previous.string == "," and previous.start[0] == token.start[0] and not one_tuple:
                    return True  # a magic trailing comma: black would explode the brackets
        previous = token
    return False


def _one_blank_line_at(lines: list[str], start: int) -> bool:
    """Is ``lines[start:]`` one blank line then code (or two before a definition), as black
    leaves a module docstring?"""
    rest = lines[start : start + 3]
    if len(rest) < 2:
        return True
    if rest[0]:
        return False
    return bool(rest[1]) or (len(rest) == 3 and rest[2].startswith(_DEFINITIONS))


def _after_module_docstring(lines: list[str]) -> int:
    """The index of the first line after the module's docstring (0 when it has none)."""
    if not lines or not lines[0].startswith('"""'):
        return 0
    if len(lines[0]) > 5 and lines[0].endswith('"""'):
        return 1
    for number in range(1, len(lines)):
        if lines[number].endswith('"""'):
            return number + 1
    return 0


_DEFINITIONS = ("def ", "async def ", "class ", "@")


def _may_touch(previous: str) -> bool:
    """May a definition follow ``previous`` with no blank line: a decorator, a comment, the
    line opening its block, or nothing?"""
    stripped = previous.strip()
    return not stripped or stripped.startswith(("@", "#")) or stripped.endswith(":")


def _too_wide(line: str) -> bool:
    if len(line) <= LINE_LENGTH // 2:
        return False
    return text_width(line) > LINE_LENGTH


def black_changes(source: str, path: str) -> bool:
    """Would black change ``source``? (``maizuo-gen check`` asks it of every generated file.)"""
    return format_python(source, path) != source
