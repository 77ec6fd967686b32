"""Headless Chromium for the site's tests, driven by Playwright through Debian's ``chromium``.

A missing browser or CJK font is a failure that says how to install it (``make browser``),
never a skip: these tests are the only proof that the site works in a browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def chromium_path() -> str:
    """The browser's executable: ``$MAIZUO_CHROMIUM``, else the first on ``PATH``."""
    given = os.environ.get("MAIZUO_CHROMIUM")
    found = (
        shutil.which(given) if given else next(filter(None, map(shutil.which, CANDIDATES)), None)
    )
    if not found:
        pytest.fail(
            "no Chromium found (looked for chromium, chromium-browser, google-chrome on PATH and "
            "$MAIZUO_CHROMIUM): run `make browser`, or `apt-get install chromium fonts-wqy-zenhei`",
            pytrace=False,
        )
    return found


def require_cjk_font() -> None:
    """Chinese renders as empty boxes without a CJK font; a screenshot would show nothing."""
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False
        )
        found = listed.returncode == 0 and listed.stdout.strip()
    except OSError:  # no fontconfig at all
        found = ""
    if not found:
        pytest.fail(
            "no font with Chinese glyphs (fc-list :lang=zh is empty): run `make browser`, or "
            "`apt-get install fonts-wqy-zenhei`",
            pytrace=False,
        )
