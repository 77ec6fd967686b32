"""Put a release's sdist and wheel on a package index with twine, asked for by ``--publish URL``.

Credentials come from the environment only, never from the command line (where ``ps`` would
show them): ``MAIZUO_GEN_INDEX_USERNAME`` / ``MAIZUO_GEN_INDEX_PASSWORD`` when set, else twine's
own ``TWINE_USERNAME`` / ``TWINE_PASSWORD`` (an API token is the password, with the user name
``__token__``). Everything that can be checked before the release is built is checked first —
twine is installed, credentials are set, the index answers and does not hold this version yet
(a release on an index is never replaced) — so that a refusal costs nothing. The upload itself
comes last, after the smoke test, and an index that refuses a file already there is reported
in the same words. No message ever carries the password, nor a user name and password written
into the URL.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from base64 import b64encode
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import ReleaseError

USERNAME_VARIABLES = ("MAIZUO_GEN_INDEX_USERNAME", "TWINE_USERNAME")
PASSWORD_VARIABLES = ("MAIZUO_GEN_INDEX_PASSWORD", "TWINE_PASSWORD")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TIMEOUT = 60.0
"""Seconds to wait for the index's answer to one request."""


@dataclass(frozen=True)
class Index:
    """Where to publish, and as whom; ``repr`` shows neither the password nor URL credentials."""

    url: str
    username: str
    password: str

    def __repr__(self) -> str:
        return f"Index({shown(self.url)!r})"

    def shown(self) -> str:
        return shown(self.url)


def shown(url: str) -> str:
    """``url`` without any ``user:password@`` part, fit for a message."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=host))


def index_from_environment(url: str) -> Index:
    """The index at ``url`` with the environment's credentials; refuses what cannot work."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReleaseError(
            f"--publish {shown(url)!r} is not an http(s) URL of a package index's upload"
            " endpoint (for example https://upload.pypi.org/legacy/)"
        )
    if importlib.util.find_spec("twine") is None:
        raise ReleaseError(
            "publishing needs twine in the environment running maizuo-gen:"
            " pip install 'maizuo-gen[publish]'"
        )
    username = _first_set(USERNAME_VARIABLES)
    password = _first_set(PASSWORD_VARIABLES)
    if not username or not password:
        raise ReleaseError(
            f"publishing needs credentials: set {USERNAME_VARIABLES[0]} and"
            f" {PASSWORD_VARIABLES[0]} (or {USERNAME_VARIABLES[1]} and {PASSWORD_VARIABLES[1]});"
            " for an API token the user name is __token__"
        )
    return Index(url, username, password)


def _first_set(names: tuple[str, ...]) -> str:
    return next((os.environ[name] for name in names if os.environ.get(name)), "")


def require_unpublished(index: Index, distribution: str, version: str) -> None:
    """Refuse when the index's simple page for ``distribution`` lists a file of ``version``.

    The page is looked for where pypiserver, devpi and most private indexes serve it, under
    the upload URL (``…/simple/<name>/``); an index that keeps it elsewhere (PyPI) answers 404
    there, and then the upload's own refusal of an existing file is the check."""
    name = re.sub(r"[-_.]+", "-", distribution).lower()
    page = shown(urllib.parse.urljoin(index.url.rstrip("/") + "/", f"simple/{name}/"))
    request = urllib.request.Request(page, headers={"Authorization": _basic(index)})
    try:
        with _NO_REDIRECTS.open(request, timeout=_TIMEOUT) as reply:
            text = reply.read(16 * 1024 * 1024).decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        if exc.code == 404 or 300 <= exc.code < 400:
            return  # not held here (an index may send a name it lacks on to another index)
        raise ReleaseError(
            f"the package index at {index.shown()} answered {exc.code} {exc.reason} to"
            f" {shown(page)}; nothing was published"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise ReleaseError(
            f"cannot reach the package index at {index.shown()}: {reason}; nothing was published"
        ) from None
    taken = sorted(f for f in _file_names(text) if _is_release_file(f, distribution, version))
    if taken:
        raise ReleaseError(
            f"{distribution} {version} is already on the package index at {index.shown()}"
            f" ({', '.join(taken)}); a published release is never replaced: release a new version"
        )


class _Unfollowed(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: it would carry the credentials to another host."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_NO_REDIRECTS = urllib.request.build_opener(_Unfollowed())


def _is_release_file(file_name: str, distribution: str, version: str) -> bool:
    """Is ``file_name`` a wheel or sdist of ``distribution`` at ``version`` (its name spelt
    with any of ``-``, ``_``, ``.``, in any case)?"""
    name = "[-_.]+".join(re.escape(part) for part in re.split(r"[-_.]+", distribution))
    pattern = rf"{name}-{re.escape(version)}(-[^/]*\.whl|\.tar\.gz|\.zip)"
    return re.fullmatch(pattern, file_name, re.IGNORECASE) is not None


def _file_names(html: str) -> list[str]:
    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.names: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            href = dict(attrs).get("href")
            if tag == "a" and href:
                path = urllib.parse.urlsplit(href).path
                self.names.append(urllib.parse.unquote(path.rsplit("/", 1)[-1]))

    parser = Links()
    parser.feed(html)
    return parser.names


def _basic(index: Index) -> str:
    token = b64encode(f"{index.username}:{index.password}".encode()).decode("ascii")
    return f"Basic {token}"


def upload(index: Index, files: tuple[Path, ...]) -> None:
    """Upload ``files`` with twine; a refusal becomes a one-line :class:`ReleaseError`."""
    command = [
        sys.executable,
        "-m",
        "twine",
        "upload",
        "--non-interactive",
        "--disable-progress-bar",
        "--verbose",  # the index's own words on a refusal ("already exists") are shown only so
        "--repository-url",
        index.url,
        *map(str, files),
    ]
    environment = {
        **os.environ,
        "TWINE_USERNAME": index.username,
        "TWINE_PASSWORD": index.password,
        "TWINE_NON_INTERACTIVE": "1",
    }
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, env=environment, timeout=600
    )
    if done.returncode == 0:
        return
    output = _ANSI.sub("", done.stderr + "\n" + done.stdout).replace(index.password, "***")
    if index.url != index.shown():
        output = output.replace(index.url, index.shown())
    raise ReleaseError(_refusal(output, index))


def _refusal(output: str, index: Index) -> str:
    """What twine's complaint means, in one line."""
    lines = [" ".join(line.split()) for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("ERROR")]
    said = (errors or lines or ["no output"])[-1]
    if re.search(r"\b409\b|already exists|File exists", output, re.IGNORECASE):
        return (
            f"the package index at {index.shown()} already holds this release ({said});"
            " a published release is never replaced: release a new version"
        )
    if re.search(r"\b(401|403)\b", output):
        return (
            f"the package index at {index.shown()} refused the credentials ({said}); check"
            f" {USERNAME_VARIABLES[0]} and {PASSWORD_VARIABLES[0]}"
        )
    return f"uploading to the package index at {index.shown()} failed: {said}"
