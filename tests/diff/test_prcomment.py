"""The report's pull-request comment against a stand-in forge: created once, then edited in
place; the token never printed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.diff.prcomment import MARKER, MAX_BODY

from .forge import NUMBER, REPOSITORY, TOKEN, Forge, running_forge


@pytest.fixture
def forge() -> Iterator[Forge]:
    with running_forge() as running:
        yield running


def post(forge: Forge, report: Path, **env: str) -> subprocess.CompletedProcess[str]:
    settings = {
        "GITHUB_API_URL": forge.url,
        "GITHUB_REPOSITORY": REPOSITORY,
        "GITHUB_TOKEN": TOKEN,
        "PR_NUMBER": str(NUMBER),
    } | env
    return subprocess.run(
        [sys.executable, "-m", "generator.diff.prcomment", str(report)],
        env=os.environ | settings,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_created_then_edited_in_place(forge: Forge, tmp_path: Path) -> None:
    for n in range(150):  # the report's comment comes after a page of others
        forge.add(f"review comment {n}")
    report = tmp_path / "report.md"
    report.write_text("## Spec diff: first push\n", encoding="utf-8")
    done = post(forge, report)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"created the spec review comment on pull request #{NUMBER}\n"
    [ours] = forge.ours()
    assert ours["body"] == f"{MARKER}\n## Spec diff: first push\n"

    report.write_text("## Spec diff: second push\n", encoding="utf-8")
    done = post(forge, report)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"edited the spec review comment on pull request #{NUMBER}\n"
    [edited] = forge.ours()
    assert edited["id"] == ours["id"] and edited["body"].endswith("second push\n")
    assert len(forge.comments) == 151
    assert [method for method, _ in forge.requests].count("POST") == 1
    assert ("PATCH", f"/repos/{REPOSITORY}/issues/comments/{ours['id']}") in forge.requests
    assert all(c["body"] == f"review comment {i}" for i, c in enumerate(forge.comments[:150]))


def test_a_long_report_is_cut_to_what_the_forge_takes(forge: Forge, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("x" * (MAX_BODY + 10_000), encoding="utf-8")
    assert post(forge, report).returncode == 0
    [ours] = forge.ours()
    assert len(ours["body"]) < 65_536
    assert ours["body"].endswith("(cut: the whole report is in the job's log)\n")


def test_a_refusal_is_one_line_without_the_token(forge: Forge, tmp_path: Path) -> None:
    forge.refuse = 403
    report = tmp_path / "report.md"
    report.write_text("report\n", encoding="utf-8")
    done = post(forge, report)
    assert done.returncode == 2
    assert done.stderr == (
        f"error: the forge answered 403 Forbidden to GET repos/{REPOSITORY}/issues/{NUMBER}/"
        "comments?per_page=100&page=1: Resource not accessible by integration\n"
    )
    assert TOKEN not in done.stdout + done.stderr


def test_a_wrong_token_is_refused(forge: Forge, tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("report\n", encoding="utf-8")
    done = post(forge, report, GITHUB_TOKEN="wrong")
    assert done.returncode == 2 and "401 Unauthorized" in done.stderr
    assert "Bad credentials" in done.stderr and forge.ours() == []


def test_missing_settings(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("report\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PR_"))}
    done = subprocess.run(
        [sys.executable, "-m", "generator.diff.prcomment", str(report)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "error: set GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_TOKEN, PR_NUMBER in the environment\n"
    )


def test_an_unreachable_forge(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text("report\n", encoding="utf-8")
    with running_forge() as gone:
        url = gone.url
    done = post(Forge(url=url), report)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: cannot reach {url} for GET ")
