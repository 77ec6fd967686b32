"""The secret scan shared by the fuzzers: no app secret, signature or session in any text.

A fuzzer adds the secrets it used (:meth:`SecretScan.add_secret`), lets the scan see the
signatures the gateway received (:meth:`SecretScan.watch`), and hands it every text a user could
see: log lines, ``repr()`` of clients, replies, records and exceptions, exception messages and
the generated files. :meth:`SecretScan.check` then asserts none of them holds a secret.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.mock.form import Form
from generator.mock.server import GatewayServer

_SIGN_IN_TEXT = re.compile(r"\bsign=[0-9A-Fa-f]{16,}")
MIN_SECRET = 6
"""Shorter values are not scanned for (``v=2.0`` is no secret, and short words occur anyway)."""


class SecretScan:
    def __init__(self) -> None:
        self.secrets: set[str] = set()
        self.texts: list[tuple[str, str]] = []

    def add_secret(self, *values: str | None) -> None:
        self.secrets.update(v for v in values if v and len(v) >= MIN_SECRET)

    def watch(self, server: GatewayServer) -> None:
        """Take the ``sign`` (and ``session``) of every call ``server`` receives as secrets."""
        gateway = server.gateway
        handle = gateway.handle

        def handle_and_note(http_method: str, form: Form) -> Any:
            for name, value in form.pairs:
                if name in ("sign", "session"):
                    self.add_secret(value)
            return handle(http_method, form)

        gateway.handle = handle_and_note  # type: ignore[method-assign]

    def text(self, *texts: object, where: str = "text") -> None:
        for text in texts:
            self.texts.append((where, str(text)))

    def error(self, error: BaseException) -> None:
        """An exception as a user sees it: message, ``repr``, attributes, its cause's message."""
        self.text(str(error), repr(error), repr(vars(error)), where=type(error).__name__)
        if error.__cause__ is not None:
            self.text(str(error.__cause__), repr(error.__cause__), where="cause")

    def files(self, folder: Path) -> None:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                self.text(path.read_bytes().decode("utf-8", "replace"), where=str(path))

    def lines(self, lines: Iterable[str], where: str) -> None:
        self.text("\n".join(lines), where=where)

    def check(self) -> None:
        leaks = [
            f"{where}: holds {secret[:4]}…"
            for where, text in self.texts
            for secret in self.secrets
            if secret in text
        ]
        leaks += [
            f"{where}: holds a sign= value"
            for where, text in self.texts
            if _SIGN_IN_TEXT.search(text)
        ]
        assert not leaks, "secrets leaked:\n" + "\n".join(sorted(set(leaks))[:50])
