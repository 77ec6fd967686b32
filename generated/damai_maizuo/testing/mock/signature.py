"""Checking a request's ``sign``.

The mock is the oracle the SDK is tested against, so it computes signatures with its own code
rather than the SDK runtime's: a signing bug in the runtime cannot also hide here.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping


def expected_sign(params: Mapping[str, str], secret: str, sign_method: str) -> str:
    """TOP's signature of ``params`` (without ``sign``) in upper-case hex.

    ``sign_method`` must be one of :data:`~generator.top.SIGN_METHODS`.
    """
    text = "".join(name + params[name] for name in sorted(params)).encode("utf-8")
    key = secret.encode("utf-8")
    if sign_method == "md5":
        return hashlib.md5(key + text + key).hexdigest().upper()
    digest = hashlib.md5 if sign_method == "hmac" else hashlib.sha256
    return hmac.new(key, text, digest).hexdigest().upper()


def sign_matches(params: Mapping[str, str], secret: str, sign_method: str, sign: str) -> bool:
    """Whether ``sign`` (any letter case) is the signature of the other, non-empty ``params``.

    Parameters with an empty value are left out, as TOP's Java SDK leaves them out of both the
    request and its signature.
    """
    signed = {name: value for name, value in params.items() if name != "sign" and value}
    expected = expected_sign(signed, secret, sign_method)
    # compared as bytes: compare_digest refuses str with non-ASCII characters, and a sign may
    # hold any text a caller sends
    return hmac.compare_digest(expected.encode("ascii"), sign.upper().encode("utf-8"))
