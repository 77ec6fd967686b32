"""Facts of the TOP gateway protocol that the generator relies on, written once.

The validator checks a spec against them, the mock gateway serves by them, and the SDK runtime
(copied into the SDK, so it cannot import this module) carries its own copy that a test holds
equal to these. The sources are summed up in ``TOP-PROTOCOL.md``: TOP's public docs and its
official SDKs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta, timezone

SYSTEM_PARAMS = frozenset(
    {
        "method",
        "app_key",
        "sign_method",
        "sign",
        "timestamp",
        "v",
        "session",
        "format",
        "simplify",
        "partner_id",
        "target_app_key",
    }
)
"""TOP's system parameters. A business parameter may not take one of these names: both would
be sent, and the gateway would read one of them."""

FORM_TYPE = "application/x-www-form-urlencoded"
"""How a call's parameters are sent: a form, UTF-8."""

SESSIONS = ("none", "optional", "required")
"""Whether a method needs the user's authorisation (``session``)."""
SIGN_METHODS = ("md5", "hmac", "hmac-sha256")
FORMATS = ("json", "xml")
"""Reply formats; XML when ``format`` is absent."""
API_VERSION = "2.0"
GMT8 = timezone(timedelta(hours=8), "GMT+8")
"""TOP's clock: timestamps on the wire are GMT+8 wall-clock time."""
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_CLOCK_SKEW = 600.0
"""Seconds a call's timestamp may be away from the gateway's clock (10 minutes)."""
ERROR_KEY = "error_response"
"""The key of an error reply's envelope (the reply still comes with HTTP 200)."""


def response_key(method: str) -> str:
    """The key of a success reply's envelope: the method with dots as underscores and a leading
    ``taobao.`` dropped, plus ``_response`` (``alibaba.*`` and ``tmall.*`` keep their prefix)."""
    return method.removeprefix("taobao.").replace(".", "_") + "_response"


# -- rules of an operation, in the words the validator and the builder both use ----------------
def missing_method(path: str) -> str:
    """An operation without ``x-top-method``: the method name is the path without its slash."""
    return f"x-top-method is missing; add x-top-method: {path.lstrip('/')}"


FORM_BODY_REQUIRED = f"business parameters are a {FORM_TYPE} body"
"""A request body in any other media type: TOP reads business parameters from the form only."""


# -- method names ------------------------------------------------------------------------------
# TOP's method names are dot-separated words of ASCII letters and digits (the Maizuo ones are
# lower-case, some other APIs use camelCase); the generator also takes ``_``. Each name becomes
# Python names and file names (``docs/<method>.md``, ``endpoints/<method>.yaml``), so anything
# else (a slash, ``..``, a full-width letter, a control character) is refused.
METHOD_SEGMENT = re.compile(r"[A-Za-z0-9_]+")
MAX_METHOD_LENGTH = 200
"""The longest method name: a file named after it (``<method>.yaml``, ``<method>.md``) stays
within the 255 bytes file systems allow in one name."""


def method_name_problem(method: str) -> str | None:
    """Why ``method`` cannot be a TOP method name, in one sentence; None when it can."""
    if len(method) > MAX_METHOD_LENGTH:
        return (
            f"is {len(method)} characters long; a TOP method name may have at most "
            f"{MAX_METHOD_LENGTH}, as it names files"
        )
    for segment in method.split("."):
        if not segment:
            return "has an empty segment (two dots in a row, or a dot at an end)"
        if not METHOD_SEGMENT.fullmatch(segment):
            bad = next(c for c in segment if not METHOD_SEGMENT.fullmatch(c))
            return (
                f"segment {segment!r} holds {_character(bad)}; a TOP method name is "
                "dot-separated words of ASCII letters, digits and _"
            )
    return None


def _character(char: str) -> str:
    """A character named so that it shows in a message, invisible or not."""
    shown = repr(char) if char.isprintable() else "a control character"
    return f"{shown} (U+{ord(char):04X})"


# -- error codes -------------------------------------------------------------------------------
MESSAGES: Mapping[int, str] = {
    3: "Upload Fail",
    4: "User Call Limited",
    5: "Session Call Limited",
    6: "Partner Call Limited",
    7: "App Call Limited",
    8: "App Call Exceeds Limited Frequency",
    9: "Http Action Not Allowed",
    10: "Service Currently Unavailable",
    11: "Insufficient ISV Permissions",
    12: "Insufficient User Permissions",
    13: "Insufficient Partner Permissions",
    15: "Remote service error",
    21: "Missing Method",
    22: "Invalid Method",
    23: "Invalid Format",
    24: "Missing Signature",
    25: "Invalid Signature",
    26: "Missing Session",
    27: "Invalid Session",
    28: "Missing App Key",
    29: "Invalid App Key",
    30: "Missing Timestamp",
    31: "Invalid Timestamp",
    32: "Missing Version",
    33: "Invalid Version",
    34: "Unsupported Version",
    40: "Missing Required Arguments",
    41: "Invalid Arguments",
    42: "Forbidden Request",
    43: "Parameter Error",
    44: "isp error",
    45: "Forbidden version",
    47: "Invalid encoding",
    50: "Remote service error",
}
"""TOP's ``msg`` for each error code."""

ERROR_CLASSES: Mapping[str, frozenset[int]] = {
    "rate-limit": frozenset(range(4, 9)),
    "permission": frozenset(range(11, 14)),
    "authentication": frozenset(range(24, 30)),
    "invalid-request": frozenset({9, *range(21, 24), *range(30, 35), *range(40, 48)}),
    "server": frozenset({10}),
}
"""What each error code says went wrong: a call limit, permissions, the signature, session or
app key, the request itself, or the service. Codes 15 and 50 ("Remote service error") are in
none: their sub-code tells (``isp.*`` the service's fault, ``isv.*`` the caller's)."""
