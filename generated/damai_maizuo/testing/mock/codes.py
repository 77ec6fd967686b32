"""TOP's error codes and messages, and the exception a failed gateway check raises."""

from __future__ import annotations

import json
from typing import Any

from ..top import MESSAGES


def message_of(code: int) -> str:
    """TOP's ``msg`` for ``code``; codes TOP does not list read as a remote service error."""
    return MESSAGES.get(code, "Remote service error")


class GatewayError(Exception):
    """A check the gateway makes failed: answered as ``error_response`` with HTTP 200."""

    def __init__(
        self,
        code: int,
        sub_msg: str | None = None,
        *,
        sub_code: str | None = None,
        msg: str | None = None,
    ) -> None:
        self.code = code
        self.msg = msg if msg is not None else message_of(code)
        self.sub_code = sub_code
        self.sub_msg = sub_msg
        super().__init__(f"{code} {self.msg}" + (f": {sub_msg}" if sub_msg else ""))

    def fields(self, request_id: str) -> dict[str, Any]:
        """The members of ``error_response`` in TOP's order, leaving out the unset ones."""
        found = {
            "code": self.code,
            "msg": self.msg,
            "sub_code": self.sub_code,
            "sub_msg": self.sub_msg,
            "request_id": request_id,
        }
        return {name: value for name, value in found.items() if value is not None}


def missing_parameter(name: str) -> GatewayError:
    """40: a required business parameter was not sent (or sent empty)."""
    return GatewayError(
        40,
        f"缺少必选参数 {name} / missing required parameter {name}",
        sub_code=f"isv.missing-parameter:{name}",
    )


def invalid_parameter(name: str, path: str, zh: str, en: str) -> GatewayError:
    """41: parameter ``name`` was sent but is wrong at ``path`` (``param0.code_type``)."""
    return GatewayError(
        41,
        f"参数 {path} {zh} / {path} {en}",
        sub_code=f"isv.invalid-parameter:{name}",
    )


def preview(value: Any, limit: int = 60) -> str:
    """A short, single-line rendering of a value a caller sent, safe to echo in a reply."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"
