"""The record of every request the gateway received, with secrets taken out.

``sign`` and ``session`` are replaced by ``***``, and so is the app secret wherever it appears
in a value (it is never sent by a correct client; a wrong one must not leak it into a test log).
The newest :data:`MAX_RECORDS` requests are kept.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

Outcome = Literal["ok", "error", "http", "cut-short", "dropped", "dripped", "rejected"]
"""ok: a success reply; error: an ``error_response``; http: a scenario's HTTP reply; cut-short,
dropped and dripped: a scenario's broken or slowed reply; rejected: HTTP 413/415, the
parameters unread."""
REDACTED = "***"
REDACTED_PARAMS = frozenset({"sign", "session", "app_secret"})
MAX_RECORDS = 10_000


@dataclass(frozen=True)
class RecordedRequest:
    """One request and how it was answered."""

    seq: int
    """1 for the first request since the last reset (set by :meth:`Recorder.add`)."""
    http_method: str
    method: str | None
    """The TOP ``method`` parameter as sent, or None."""
    params: Mapping[str, str]
    """Every parameter (query and body; the first value of a repeated one), secrets redacted."""
    unknown_params: tuple[str, ...]
    """Parameters neither TOP nor the operation defines; the gateway ignores them."""
    outcome: Outcome
    status: int
    """HTTP status sent; 0 when the connection was dropped."""
    code: int | None = None
    sub_code: str | None = None
    request_id: str | None = None
    scenario: str | None = None
    """Name of the scenario that answered, if one did."""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["params"] = dict(self.params)
        data["unknown_params"] = list(self.unknown_params)
        return data


def mask(text: str, secret: str) -> str:
    """``text`` with every appearance of ``secret`` replaced by ``***``."""
    return text.replace(secret, REDACTED)


def redact(params: Mapping[str, str], secret: str) -> dict[str, str]:
    """``params`` with ``sign``, ``session`` and any appearance of ``secret`` masked."""
    return {
        mask(name, secret): REDACTED if name in REDACTED_PARAMS else mask(value, secret)
        for name, value in params.items()
    }


class Recorder:
    """A thread-safe list of :class:`RecordedRequest` (the server adds, tests read)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: deque[RecordedRequest] = deque(maxlen=MAX_RECORDS)
        self._count = 0

    def add(self, record: RecordedRequest) -> RecordedRequest:
        """Keep ``record``, numbered after the one before it."""
        with self._lock:
            self._count += 1
            record = replace(record, seq=self._count)
            self._records.append(record)
            return record

    def all(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._records)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()
            self._count = 0
