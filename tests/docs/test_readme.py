"""The generated README is true: its examples run as written, its install line names the wheel
the release builds, and the defaults it writes out are the runtime's."""

from __future__ import annotations

import inspect
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.mock.server import GatewayServer
from generator.release.package import build_distributions
from generator.render.sdk_errors import ERRORS
from generator.runtime import _base_client, _retry, errors

from .markdown import tables

PARTNER_TOKENS = {
    "DAMAI_MAIZUO_PTNR_TOKEN": "ptnr-from-env",
    "DAMAI_MAIZUO_TENANT_TOKEN": "tenant-from-env",
    "DAMAI_MAIZUO_CHANNEL_TOKEN": "channel-from-env",
}
"""The client parameters the examples leave to the client, as a partner's environment sets them."""

GENERATED = Path(__file__).resolve().parents[2] / "generated"
README = (GENERATED / "README.md").read_text(encoding="utf-8")


def _python_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```$", README, flags=re.S | re.M)


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_the_readme_example_runs_as_written(flavour: str, top_gateway: GatewayServer) -> None:
    sync_code, async_code = _python_blocks()
    code = sync_code if flavour == "sync" else async_code
    env = {
        **os.environ,
        "PYTHONPATH": str(GENERATED),
        "DAMAI_MAIZUO_APP_KEY": top_gateway.app_key,
        "DAMAI_MAIZUO_APP_SECRET": top_gateway.app_secret,
        "DAMAI_MAIZUO_BASE_URL": top_gateway.base_url,
        **PARTNER_TOKENS,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert not result.stdout.startswith(
        ("refused:", "failed:", "no reply", "not done")
    ), result.stdout
    (call,) = re.findall(r"client\.([\w.]+)\(", code)
    assert [r.method for r in top_gateway.requests] == [f"alibaba.damai.maizuo.openapi.{call}"]


def test_the_defaults_written_out_are_the_runtime_s() -> None:
    (options,) = [t for t in tables(README) if t.header[0] == "Option"]
    defaults = {row[0]: row[1] for row in options.rows}
    timeout = _base_client.DEFAULT_TIMEOUT
    assert timeout.read == timeout.write == timeout.pool == 15.0
    assert timeout.connect == 5.0
    assert defaults["timeout"] == "15 seconds to send and to read the reply, 5 seconds to connect"
    signature = inspect.signature(_base_client.SyncAPIClient.__init__)
    assert defaults["max_retries"] == str(signature.parameters["max_retries"].default)
    for option in ("max_retry_wait", "total_timeout"):
        seconds = signature.parameters[option].default
        assert defaults[option] == f"{seconds:g} seconds", option
    assert _base_client.SyncAPIClient._retry_base_delay == 0.5
    assert _base_client.SyncAPIClient._retry_max_delay == 8.0
    assert "0.5 s, then 1 s, then 2 s (doubling, at most 8 s)" in README
    assert _retry.JITTER == 0.25 and "less up to a quarter at random" in README
    assert {7, 10} == _retry.RETRYABLE_CODES
    assert "code 7 (app call limited)" in README and "TOP code 10" in README


@pytest.mark.slow
def test_the_install_line_names_the_wheel_the_release_builds(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(GENERATED, source, ignore=shutil.ignore_patterns("__pycache__"))
    wheel = build_distributions(source, tmp_path / "dist").wheel
    assert f"pip install {wheel.name}\n" in README
    # a published release is installed by its distribution's name, which the wheel carries
    distribution = wheel.name.split("-")[0].replace("_", "-")
    assert f"pip install --index-url INDEX/simple/ {distribution}\n" in README


def _sample(name: str, *, sent: bool) -> errors.MaizuoError:
    """An instance of the runtime's exception ``name``, as a failed call would raise it."""
    cls = getattr(errors, name)
    if issubclass(cls, errors.APIError):
        code = {"RateLimitError": 7, "ServerError": 10}.get(name, 25)
        return cls(code, "msg", "isp.x" if name == "ServerError" else None)
    if issubclass(cls, errors.APIConnectionError):
        return cls("dropped", request_sent=sent)
    if cls is errors.APIStatusError:
        return cls(503, b"")
    if issubclass(cls, errors.ResponseDecodeError):
        return cls("unreadable", 200, b"")
    if cls is errors.BusinessError:
        return cls(500, "failed")
    assert cls is errors.ParameterError
    return cls([("param0", "missing")])


def test_the_errors_the_docs_list_are_the_runtime_s_and_retried_as_it_retries() -> None:
    raised = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.MaizuoError)
    }
    # the bases are caught, not raised; a client option error is raised before any call
    assert {e.name for e in ERRORS} == raised - {"MaizuoError", "APIError", "ClientOptionError"}
    words = {True: "yes", False: "no"}
    for kind in ERRORS:
        for idempotent, said in ((True, kind.idempotent), (False, kind.not_idempotent)):
            sent = _retry.is_retryable(_sample(kind.name, sent=True), idempotent=idempotent)
            unsent = _retry.is_retryable(_sample(kind.name, sent=False), idempotent=idempotent)
            if said == "only when request_sent is False":
                assert (sent, unsent) == (False, True), kind
            elif said == "code 7 only":
                assert sent and not _retry.is_retryable(
                    errors.RateLimitError(5, "x"), idempotent=idempotent
                ), kind
            elif said == "429 and 5xx":
                assert sent and _retry.is_retryable(
                    errors.APIStatusError(429, b""), idempotent=idempotent
                ), kind
                assert not _retry.is_retryable(
                    errors.APIStatusError(404, b""), idempotent=idempotent
                ), kind
            else:
                assert words[sent] == said, kind
