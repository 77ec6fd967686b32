"""The SDK's logger (named after the package); ``<ENV_PREFIX>_LOG=debug|info`` prints it to stderr.

Only what identifies a call is logged: the TOP method, the format, the time taken, the request
id, the retries and the error. Never the app secret, a signature or a session.
"""

from __future__ import annotations

import logging
import os
import sys

from ._constants import ENV_PREFIX, LOGGER_NAME

__all__ = ["ENV_LOG", "log_http", "logger", "setup_logging"]

ENV_LOG = f"{ENV_PREFIX}_LOG"
logger = logging.getLogger(LOGGER_NAME)

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_handler: logging.Handler | None = None


def setup_logging() -> None:
    """Send the logger to stderr at the level ``<ENV_PREFIX>_LOG`` names (once; else nothing)."""
    global _handler
    level = _LEVELS.get(os.environ.get(ENV_LOG, "").strip().lower())
    if level is None or _handler is not None:
        return
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(_handler)
    logger.setLevel(level)


def log_request(method: str, attempt: int, request: object) -> None:
    """Each request about to be sent, at DEBUG (its ``repr`` shows no secret)."""
    logger.debug("%s attempt %d: %r", method, attempt, request)


def log_http(method: str, url: str, status_code: int) -> None:
    """Each exchange of the SDK's own transports, at DEBUG, as httpx logs its own (the URL
    holds no secret: see :func:`._signing.build_request`)."""
    logger.debug('HTTP Request: %s %s "HTTP/1.1 %d"', method, url, status_code)


def log_success(
    method: str, format: str, elapsed: float, request_id: str | None, retries: int
) -> None:
    """One line per successful call, at INFO."""
    logger.info(
        "%s format=%s elapsed_ms=%.1f request_id=%s retries=%d ok",
        method,
        format,
        elapsed * 1000,
        request_id or "-",
        retries,
    )


def log_failure(
    method: str,
    format: str,
    elapsed: float,
    request_id: str | None,
    retries: int,
    error: Exception,
) -> None:
    """One line per failed call, at INFO: the exception's class and (redacted) message."""
    logger.info(
        "%s format=%s elapsed_ms=%.1f request_id=%s retries=%d failed: %s: %s",
        method,
        format,
        elapsed * 1000,
        request_id or "-",
        retries,
        type(error).__name__,
        error,
    )


def log_retry(method: str, retry: int, delay: float, error: Exception) -> None:
    """Before each retry, at INFO."""
    logger.info(
        "%s retry %d in %.2f s after %s: %s",
        method,
        retry,
        delay,
        type(error).__name__,
        error,
    )
