"""``maizuo-gen mock``: its options, one-line errors with exit 2, and serving until Ctrl-C."""

from __future__ import annotations

import argparse
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from generator.mock import cli

from .conftest import SPEC
from .top import SEND_KEY, TopCaller

ROOT = Path(__file__).parents[2]


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="maizuo-gen mock")
    cli.add_arguments(parser)
    return parser.parse_args(argv)


def test_defaults() -> None:
    args = _args()
    assert (args.spec, args.host, args.port, args.scenarios) == (
        Path("spec"),
        "127.0.0.1",
        8900,
        None,
    )
    assert (args.app_key, args.app_secret) == ("12345678", "helloworld")


def _fails(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert cli.run(_args(*argv)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    return err


def test_a_bad_spec_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert "no openapi.yaml here" in _fails(capsys, "--spec", str(tmp_path))


def test_a_bad_scenarios_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("scenarios: [{reply: {drop: maybe}}]")
    err = _fails(capsys, "--spec", str(SPEC), "--scenarios", str(bad))
    assert "scenarios[0].reply.drop" in err


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_scenarios_file_that_is_no_regular_file_is_one_line(tmp_path: Path, kind: str) -> None:
    """A FIFO would block the reader until a writer comes, ``/dev/zero`` never ends: both are
    refused before reading, in bounded memory."""
    if kind == "fifo":
        scenarios = tmp_path / "scenarios.yaml"
        os.mkfifo(scenarios)
    else:
        scenarios = Path("/dev/zero")
    command = [sys.executable, "-m", "generator.cli", "mock", "--spec", str(SPEC), "--port", "0"]
    result = subprocess.run(
        [*command, "--scenarios", str(scenarios)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_memory,
    )
    assert result.returncode == 2, result.stderr
    expected = "is a FIFO (named pipe)" if kind == "fifo" else "is a device, not a file"
    assert result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr


def test_a_busy_port_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert "cannot listen" in _fails(capsys, "--spec", str(SPEC), "--port", port)


def test_empty_credentials_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert "app_key" in _fails(capsys, "--spec", str(SPEC), "--app-key", "")


@pytest.mark.parametrize("inherited", [signal.SIG_DFL, signal.SIG_IGN], ids=["default", "ignored"])
def test_serves_until_interrupted(
    tmp_path: Path, http: httpx.Client, inherited: signal.Handlers
) -> None:
    """Ctrl-C stops the gateway, also when it was started with SIGINT ignored, as a shell
    without job control starts a background command."""
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text("scenarios: [{reply: {http: {status: 503}}, times: 1}]")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (
        "import sys; from generator.mock import cli; "
        "parser = __import__('argparse').ArgumentParser(); cli.add_arguments(parser); "
        "sys.exit(cli.run(parser.parse_args(sys.argv[1:])))"
    )
    argv = [
        "--spec",
        str(SPEC),
        "--port",
        str(port),
        "--app-key",
        "k1",
        "--app-secret",
        "secret-s1",
    ]
    process = subprocess.Popen(
        [sys.executable, "-c", code, *argv, "--scenarios", str(scenarios)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, inherited),
    )
    try:
        top = TopCaller(f"http://127.0.0.1:{port}/router/rest", "k1", "secret-s1", "-", http)
        deadline = time.monotonic() + 20
        while True:
            try:
                first = top.post()
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.05)
        assert first.status_code == 503
        assert SEND_KEY in top.call()
    finally:
        process.send_signal(signal.SIGINT)
        _, log = process.communicate(timeout=20)
    assert process.returncode == 0
    assert re.search(rf"\d+ methods at http://127\.0\.0\.1:{port}/router/rest \(app_key k1\)", log)
    assert "-> http 503" in log and "-> ok in" in log
    assert "secret-s1" not in log
