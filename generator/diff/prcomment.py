"""Post the diff's Markdown report as one pull-request comment, edited in place on later pushes.

``python -m generator.diff.prcomment REPORT.md`` (the ``spec-review`` workflow's last step)
looks through the pull request's comments for the one carrying :data:`MARKER` (a hidden HTML
comment) and edits it, or creates it when there is none, so a pull request has one report, the
latest. It speaks the forge's REST API (GitHub's, or any that answers the same requests) at
``GITHUB_API_URL`` for ``GITHUB_REPOSITORY`` and the pull request ``PR_NUMBER``, with the token
in ``GITHUB_TOKEN``, which never appears in what it prints.

Exit status: 0 posted, 2 a missing setting or a refusal from the forge (one ``error:`` line).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARKER = "<!-- maizuo-gen spec-review -->"
"""The hidden line that marks the report's comment."""
MAX_BODY = 65_000
"""GitHub refuses a comment over 65,536 characters; a longer report is cut, and says so."""
_PAGE = 100
_TIMEOUT = 30.0


class ForgeError(Exception):
    """The forge refused a request or could not be reached; the message is one line."""


@dataclass(frozen=True)
class Forge:
    api_url: str
    """``https://api.github.com``, or a stand-in's address."""
    repository: str
    """``owner/name``."""
    token: str

    def request(self, method: str, path: str, body: Mapping[str, Any] | None = None) -> Any:
        url = f"{self.api_url.rstrip('/')}/{path.lstrip('/')}"
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        request.add_header("Authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as reply:
                return json.loads(reply.read() or b"null")
        except urllib.error.HTTPError as exc:
            raise ForgeError(
                f"the forge answered {exc.code} {exc.reason} to {method} {path}: {_said(exc)}"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ForgeError(f"cannot reach {self.api_url} for {method} {path}: {reason}") from None
        except json.JSONDecodeError:
            raise ForgeError(f"the forge's answer to {method} {path} is not JSON") from None


def _said(error: urllib.error.HTTPError) -> str:
    """The forge's own message (``Resource not accessible by integration``), on one line."""
    try:
        message = json.loads(error.read()).get("message", "")
    except (ValueError, AttributeError, OSError):
        message = ""
    return " ".join(str(message).split()) or "no message"


def find_comment(forge: Forge, number: int) -> int | None:
    """The id of the pull request's report comment, or ``None``; every page is looked at."""
    page = 1
    while True:
        comments = forge.request(
            "GET",
            f"repos/{forge.repository}/issues/{number}/comments?per_page={_PAGE}&page={page}",
        )
        if not isinstance(comments, list):
            raise ForgeError("the forge's list of comments is not a list")
        for comment in comments:
            if isinstance(comment, dict) and MARKER in str(comment.get("body", "")):
                return int(comment["id"])
        if len(comments) < _PAGE:
            return None
        page += 1


def comment_body(report: str) -> str:
    """The comment: the marker, then the report (cut to what the forge takes)."""
    text = report.strip() or "The spec diff produced no report: see the job's log."
    if len(text) > MAX_BODY:
        text = text[:MAX_BODY] + "\n\n… (cut: the whole report is in the job's log)"
    return f"{MARKER}\n{text}\n"


def post(forge: Forge, number: int, report: str) -> str:
    """Edit the report comment, or create it; ``"edited"`` or ``"created"``."""
    body = {"body": comment_body(report)}
    existing = find_comment(forge, number)
    if existing is not None:
        forge.request("PATCH", f"repos/{forge.repository}/issues/comments/{existing}", body)
        return "edited"
    forge.request("POST", f"repos/{forge.repository}/issues/{number}/comments", body)
    return "created"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.diff.prcomment",
        description="post the spec diff's Markdown report as the pull request's one comment",
    )
    parser.add_argument("report", type=Path, help="the Markdown report (maizuo-gen diff output)")
    args = parser.parse_args(argv)
    settings = {
        name: os.environ.get(name, "")
        for name in ("GITHUB_API_URL", "GITHUB_REPOSITORY", "GITHUB_TOKEN", "PR_NUMBER")
    }
    missing = [name for name, text in settings.items() if not text]
    if missing:
        print(f"error: set {', '.join(missing)} in the environment", file=sys.stderr)
        return 2
    if not settings["PR_NUMBER"].isdigit():
        print(f"error: PR_NUMBER {settings['PR_NUMBER']!r} is not a number", file=sys.stderr)
        return 2
    try:
        report = args.report.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read the report {args.report}: {exc}", file=sys.stderr)
        return 2
    forge = Forge(
        settings["GITHUB_API_URL"], settings["GITHUB_REPOSITORY"], settings["GITHUB_TOKEN"]
    )
    number = int(settings["PR_NUMBER"])
    try:
        done = post(forge, number, report)
    except ForgeError as exc:
        print(f"error: {exc}".replace(forge.token, "***"), file=sys.stderr)
        return 2
    print(f"{done} the spec review comment on pull request #{number}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
