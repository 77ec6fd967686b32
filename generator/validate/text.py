"""Small helpers the checks share: the operation verbs of OpenAPI, one-line messages."""

from __future__ import annotations

OPERATION_VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def short(message: str, limit: int = 300) -> str:
    """``message`` on one line, cut at ``limit`` characters."""
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"
