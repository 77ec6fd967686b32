"""The generator measures a line as black does, to the character, without importing black."""

from __future__ import annotations

import subprocess
import sys

import pytest
from black.strings import char_width, str_width

from generator.textwidth import text_width


def test_every_code_point_is_as_wide_as_black_counts_it() -> None:
    differing = [
        hex(point)
        for point in range(sys.maxunicode + 1)
        if text_width(chr(point)) != char_width(chr(point))
    ]
    assert not differing, f"black counts these otherwise: {differing[:20]}"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii, as most lines are",
        "会员ID（必填）：用于查询订单的唯一标识",
        "e\u0301 combining acute, a\u0308\u0304 two marks on one letter",
        "family 👨\u200d👩\u200d👧 joined by zero-width joiners, flag 🇨🇳",
        "ﾊﾝｶｸ half-width katakana, ＦＵＬＬ fullwidth latin, 한국어 Hangul",
        "tab\there, zero width\u200bspace, soft\u00adhyphen, bidi \u202e mark",
        "\U00020000 plane 2, \U00030000 plane 3, \U0001f9ff emoji, \u2e9a unassigned gap",
        "⌚⏩☔♈ symbols with emoji presentation; ©®™ without",
    ],
)
def test_tricky_lines_are_as_wide_as_black_counts_them(text: str) -> None:
    assert text_width(text) == str_width(text)


def test_rendering_python_does_not_import_black() -> None:
    code = (
        "import sys\n"
        "from generator.render import pytext\n"
        "assert pytext.fits('x = \"会员\"')\n"
        "from generator import format\n"
        "format.may_need_black('x = 1\\n')\n"
        "print('black' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
