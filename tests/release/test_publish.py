"""``maizuo-gen release --publish``: a real package index (pypiserver with a password, on
127.0.0.1) receives the release, pip installs it by name from there into a fresh virtualenv,
and the installed SDK calls the mock gateway. Also every refusal: no option, no credentials, a
dirty or stale tree, a dry run, a version the index holds already."""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import socket
import subprocess
import sys
import sysconfig
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.generate import build
from generator.mock.gateway import Gateway
from generator.mock.server import GatewayServer
from generator.release import cli
from generator.release.errors import ReleaseError
from generator.release.publish import index_from_environment, upload

from ..diff import repo as git_repo
from ..diff.specs import Spec
from .conftest import commit_spec
from .test_release import _fake_build_and_smoke, _phone_optional_and_remark, _snapshot

USER, PASSWORD = "publisher", "s3cret-Pa55"
CREDENTIALS = ("MAIZUO_GEN_INDEX_USERNAME", "MAIZUO_GEN_INDEX_PASSWORD")
CALL = Path(__file__).resolve().parents[2] / "generator" / "release" / "_smoke_call.py"


@dataclass(frozen=True)
class LocalIndex:
    url: str
    packages: Path

    def files(self) -> list[str]:
        return sorted(p.name for p in self.packages.iterdir())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def _pypiserver(folder: Path, fallback: str | None = None) -> Iterator[LocalIndex]:
    """pypiserver on 127.0.0.1: anyone may read, uploads need USER and PASSWORD; a name it
    does not hold is sent on to ``fallback`` (when given) by a redirect."""
    packages = folder / "packages"
    packages.mkdir()
    digest = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
    (folder / "htpasswd").write_text(f"{USER}:{{SHA}}{digest}\n", encoding="utf-8")
    port = _free_port()
    onward = ("--fallback-url", fallback) if fallback else ("--disable-fallback",)
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port)),
            *("-a", "update", "-P", str(folder / "htpasswd"), *onward, str(packages)),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, (folder / "server.log").read_text()
            try:
                with urllib.request.urlopen(url + "simple/", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the index did not start"
                time.sleep(0.1)
        yield LocalIndex(url, packages)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalIndex]:
    """A local index that never sends a client on to another."""
    with _pypiserver(tmp_path_factory.mktemp("index")) as local:
        yield local


@pytest.fixture
def changed_repo(release_repo: Path) -> Path:
    """Released as sdk-v0.1.0, then a compatible change: the next release is 0.1.1."""
    git_repo.git(release_repo, "tag", "-a", "sdk-v0.1.0", "-m", "SDK 0.1.0")
    spec = Spec.project()
    _phone_optional_and_remark(spec)
    commit_spec(release_repo, spec, "user_phone optional, remark")
    return release_repo


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TWINE_USERNAME", "TWINE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(CREDENTIALS[0], USER)
    monkeypatch.setenv(CREDENTIALS[1], PASSWORD)


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="maizuo-gen release")
    cli.add_arguments(parser)
    return cli.run(parser.parse_args(argv))


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert captured.out == "" and len(lines) == 1 and lines[0].startswith("error: "), captured
    return lines[0]


@pytest.mark.usefixtures("credentials")
def test_nothing_is_published_without_the_option_or_on_a_dry_run(
    changed_repo: Path,
    index: LocalIndex,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fake_build_and_smoke(monkeypatch)
    assert run("--dry-run", "--publish", index.url) == 0
    assert f"  would upload both to {index.url} (not there yet)" in capsys.readouterr().out
    assert index.files() == []
    assert run() == 0
    assert "upload" not in capsys.readouterr().out
    assert index.files() == []


def test_publishing_needs_credentials(
    changed_repo: Path,
    index: LocalIndex,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in (*CREDENTIALS, "TWINE_USERNAME", "TWINE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    before = _snapshot(changed_repo)
    assert run("--publish", index.url) == 1
    assert _error(capsys) == (
        "error: publishing needs credentials: set MAIZUO_GEN_INDEX_USERNAME and"
        " MAIZUO_GEN_INDEX_PASSWORD (or TWINE_USERNAME and TWINE_PASSWORD); for an API token"
        " the user name is __token__"
    )
    monkeypatch.setenv("TWINE_USERNAME", USER)  # twine's own names are enough
    monkeypatch.setenv("TWINE_PASSWORD", PASSWORD)
    found = index_from_environment(index.url)
    assert (found.username, found.password) == (USER, PASSWORD)
    with_password_in_url = index_from_environment(index.url.replace("//", f"//{USER}:{PASSWORD}@"))
    assert PASSWORD not in repr(found) + repr(with_password_in_url) + with_password_in_url.shown()
    assert run("--publish", "ftp://127.0.0.1/") == 1
    assert "is not an http(s) URL" in _error(capsys)
    assert _snapshot(changed_repo) == before and index.files() == []


@pytest.mark.usefixtures("credentials")
def test_a_dirty_or_stale_tree_is_never_published(
    changed_repo: Path, index: LocalIndex, capsys: pytest.CaptureFixture[str]
) -> None:
    (changed_repo / "notes.txt").write_text("wip", encoding="utf-8")
    assert run("--publish", index.url) == 1
    assert "the work tree is not clean (notes.txt)" in _error(capsys)
    (changed_repo / "notes.txt").unlink()
    spec = Spec.project()
    spec.op["summary"] = "发送短信验证码"
    spec.save(changed_repo / "spec")
    git_repo.commit(changed_repo, "spec changed, SDK not regenerated")
    assert run("--publish", index.url) == 1
    assert _error(capsys).startswith("error: generated/ is stale (")
    assert index.files() == []


@pytest.mark.usefixtures("credentials")
def test_a_release_that_could_not_be_brought_back_is_refused_before_the_upload(
    changed_repo: Path,
    index: LocalIndex,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fake_build_and_smoke(monkeypatch)
    before = _snapshot(changed_repo)
    monkeypatch.chdir(changed_repo / "generated")  # the folder the release regenerates
    assert run("--publish", index.url) == 2
    assert "is the working folder or holds it" in _error(capsys)
    assert _snapshot(changed_repo) == before and index.files() == []


@pytest.mark.usefixtures("credentials")
def test_the_credentials_never_follow_a_redirect_to_another_index(
    changed_repo: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seen: list[str | None] = []

    class Elsewhere(BaseHTTPRequestHandler):
        """Another index, which claims to hold the release and notes what it was sent."""

        def do_GET(self) -> None:
            seen.append(self.headers.get("Authorization"))
            body = b'<a href="damai_maizuo-0.1.1-py3-none-any.whl">damai_maizuo-0.1.1</a>'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    other = ThreadingHTTPServer(("127.0.0.1", 0), Elsewhere)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    fallback = f"http://127.0.0.1:{other.server_address[1]}/simple/"
    try:
        with _pypiserver(tmp_path_factory.mktemp("index"), fallback) as local:
            with urllib.request.urlopen(local.url + "simple/damai-maizuo/", timeout=10):
                assert seen == [None]  # the local index does send a lacking name on
            _fake_build_and_smoke(monkeypatch)
            assert run("--dry-run", "--publish", local.url) == 0
            assert f"  would upload both to {local.url} (not there yet)" in capsys.readouterr().out
    finally:
        other.shutdown()
        other.server_close()
    assert seen == [None]


@pytest.mark.slow
@pytest.mark.usefixtures("credentials")
def test_a_release_is_published_installed_by_name_and_never_replaced(
    changed_repo: Path, index: LocalIndex, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--publish", index.url, "--date", "2026-02-03") == 0
    out = capsys.readouterr().out
    assert f"  uploaded both to {index.url}" in out.splitlines()
    assert index.files() == ["damai_maizuo-0.1.1-py3-none-any.whl", "damai_maizuo-0.1.1.tar.gz"]

    # a partner installs it by name, from that index alone, and calls the mock gateway
    venv = tmp_path / "partner"
    python = _virtualenv(venv)
    installed = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps"),
            *("--no-cache-dir", "--index-url", index.url + "simple/", "damai-maizuo"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_CONFIG_FILE": os.devnull},
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr
    assert "Successfully installed damai-maizuo-0.1.1" in installed.stdout
    [op] = build(changed_repo / "spec").operations
    example = json.dumps(op.request_examples[0].value, ensure_ascii=False)
    with GatewayServer(Gateway.from_spec(changed_repo / "spec")) as gateway:
        session = gateway.session if op.session != "none" else ""
        called = subprocess.run(
            [
                *(str(python), "-I", str(CALL), "damai_maizuo", op.call_path),
                *(gateway.base_url, gateway.app_key, gateway.app_secret, session, example),
            ],
            capture_output=True,
            text=True,
            cwd=venv,
            timeout=120,
        )
    assert called.returncode == 0, called.stderr
    result = json.loads(called.stdout.splitlines()[-1])
    assert Path(result["file"]).resolve().is_relative_to(venv.resolve())
    assert (result["version"], result["response"]) == ("0.1.1", "UserAuthcodeSendResponse")

    # the same version again: refused before anything is built, the tree left as it is
    git_repo.git(changed_repo, "checkout", "--", ".")
    git_repo.git(changed_repo, "clean", "-fdq")
    assert run("--publish", index.url) == 1
    assert _error(capsys) == (
        f"error: damai-maizuo 0.1.1 is already on the package index at {index.url}"
        " (damai_maizuo-0.1.1-py3-none-any.whl, damai_maizuo-0.1.1.tar.gz);"
        " a published release is never replaced: release a new version"
    )
    assert git_repo.git(changed_repo, "status", "--porcelain") == ""

    # and the index's own refusal, when the files are sent anyway, says the same
    dists = tuple(sorted((changed_repo / "dist").iterdir()))
    with pytest.raises(ReleaseError, match="already holds this release") as refused:
        upload(index_from_environment(index.url), dists)
    assert "never replaced" in str(refused.value)
    bad = index_from_environment(index.url)
    with pytest.raises(ReleaseError, match="refused the credentials") as refused:
        upload(type(bad)(bad.url, USER, "wrong-" + PASSWORD), dists)
    assert PASSWORD not in str(refused.value)
    assert index.files() == ["damai_maizuo-0.1.1-py3-none-any.whl", "damai_maizuo-0.1.1.tar.gz"]


def _virtualenv(venv: Path) -> Path:
    """A new virtualenv that sees this environment's packages (httpx, pydantic) through a
    ``.pth`` file, so only the SDK itself has to come from the index."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    Path(purelib, "dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return python
