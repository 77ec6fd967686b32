"""The output folder: where ``generate`` may write, symbolic links, the manifest's trust, and
two runs at once. Each case runs ``maizuo-gen`` in a subprocess on real folders."""

from __future__ import annotations

import fcntl
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.generate import check
from generator.out_folder import LOCKS
from generator.write import MANIFEST

from .conftest import ENDPOINT, ROOT, snapshot

Run = Callable[..., subprocess.CompletedProcess[str]]


def _tree(folder: Path) -> dict[str, str | bytes]:
    """Every entry under ``folder``, symbolic links as their target, files as their bytes."""
    entries: dict[str, str | bytes] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if ".maizuo-cache" in path.parts:
            continue
        if path.is_symlink():
            entries[name] = "-> " + os.readlink(path)
        elif path.is_file():
            entries[name] = path.read_bytes()
        elif not any(parent.is_symlink() for parent in path.parents):
            entries[name] = "folder"
    return entries


def _rename_summary(spec: Path, summary: str) -> None:
    endpoint = spec / ENDPOINT
    text = endpoint.read_text(encoding="utf-8")
    endpoint.write_text(text.replace("summary: 发送验证码", f"summary: {summary}", 1), "utf-8")


def _one_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines
    return lines[0]


@pytest.mark.parametrize("target_exists", [True, False])
def test_a_symlinked_output_is_written_at_its_target_and_stays_a_link(
    spec: Path, tmp_path: Path, cli: Run, target_exists: bool
) -> None:
    target = tmp_path / "sdk-output"
    if target_exists:
        target.mkdir()
        (target / "NOTES.md").write_text("mine\n", encoding="utf-8")
    link = tmp_path / "out"
    link.symlink_to("sdk-output")

    assert cli("generate", "--spec", spec, "--out", link).returncode == 0
    assert link.is_symlink() and os.readlink(link) == "sdk-output"
    assert (target / MANIFEST).is_file() and not check(spec, target)
    assert ((target / "NOTES.md").exists()) == target_exists
    page = target / "docs" / "user.authcode.send.md"
    assert "发送验证码" in page.read_text(encoding="utf-8")

    _rename_summary(spec, "发送短信验证码")
    second = cli("generate", "--spec", spec, "--out", link)
    assert second.returncode == 0 and "up to date" not in second.stdout, second.stdout
    assert link.is_symlink() and os.readlink(link) == "sdk-output"
    assert "发送短信验证码" in page.read_text(encoding="utf-8")
    assert "up to date" in cli("generate", "--spec", spec, "--out", link).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".maizuo-cache",
        "out",
        "sdk-output",
        "spec",
    ]


@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("spec", "is the spec folder"),
        ("spec/generated", "is inside the spec folder"),
        ("spec/endpoints", "is inside the spec folder"),
        (".", "holds the spec folder"),
    ],
)
@pytest.mark.parametrize("spec_as", ["folder", "root file"])
def test_an_output_that_is_in_or_around_the_spec_is_refused(
    spec: Path, tmp_path: Path, cli: Run, where: str, says: str, spec_as: str
) -> None:
    (tmp_path / "README.md").write_text("by hand\n", encoding="utf-8")
    before = snapshot(tmp_path)
    spec_arg = spec if spec_as == "folder" else spec / "openapi.yaml"
    for command in ("generate", "check"):
        result = cli(command, "--spec", spec_arg, "--out", tmp_path / where)
        line = _one_error(result)
        assert says in line and "such as generated/" in line, line
        assert snapshot(tmp_path) == before


def test_the_working_folder_as_output_is_refused(spec: Path, tmp_path: Path, cli: Run) -> None:
    work = tmp_path / "work"
    (work / "inner").mkdir(parents=True)
    (work / "inner" / "keep.txt").write_text("by hand\n", encoding="utf-8")
    before = snapshot(tmp_path)
    for out, cwd in ((".", work), ("..", work / "inner"), (work, work / "inner")):
        line = _one_error(cli("generate", "--spec", spec, "--out", out, cwd=cwd))
        assert "is the working folder or holds it" in line and "run from outside it" in line
        assert snapshot(tmp_path) == before
        assert cwd.is_dir()
    # from outside, the same folder is an ordinary output
    assert cli("generate", "--spec", spec, "--out", work, cwd=tmp_path).returncode == 0
    assert (work / "inner" / "keep.txt").read_text(encoding="utf-8") == "by hand\n"
    assert not check(spec, work)


def test_an_output_that_is_a_file_is_refused(spec: Path, tmp_path: Path, cli: Run) -> None:
    out = tmp_path / "out"
    out.write_text("a file\n", encoding="utf-8")
    line = _one_error(cli("generate", "--spec", spec, "--out", out))
    assert (
        line
        == f"error: --out {out} is a file, not a folder: name a folder (it is created if missing)"
    )
    assert out.read_text(encoding="utf-8") == "a file\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "spec"]


def test_symbolic_links_inside_the_output_are_kept(spec: Path, tmp_path: Path, cli: Run) -> None:
    out = tmp_path / "out"
    assert cli("generate", "--spec", spec, "--out", out).returncode == 0
    shared = tmp_path / "shared-notes"
    shared.mkdir()
    (shared / "todo.txt").write_text("keep me\n", encoding="utf-8")
    (out / "notes").symlink_to(shared)
    (out / "LICENSE").symlink_to("README.md")
    _rename_summary(spec, "发送短信验证码")

    assert cli("generate", "--spec", spec, "--out", out).returncode == 0
    assert os.readlink(out / "notes") == str(shared)
    assert os.readlink(out / "LICENSE") == "README.md"
    assert (shared / "todo.txt").read_text(encoding="utf-8") == "keep me\n"


def test_generated_files_are_never_written_through_a_link(
    spec: Path, tmp_path: Path, cli: Run
) -> None:
    out = tmp_path / "out"
    assert cli("generate", "--spec", spec, "--out", out).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    (out / "docs").rename(elsewhere)
    (out / "docs").symlink_to(elsewhere)
    _rename_summary(spec, "发送短信验证码")
    before = _tree(tmp_path)

    line = _one_error(cli("generate", "--spec", spec, "--out", out))
    assert line.startswith(f"error: cannot write {out}/docs/") and "symbolic link" in line
    assert _tree(tmp_path) == before


def test_the_manifest_is_trusted_only_inside_the_output(
    spec: Path, tmp_path: Path, cli: Run
) -> None:
    out = tmp_path / "out"
    assert cli("generate", "--spec", spec, "--out", out).returncode == 0
    (tmp_path / "victim").mkdir()
    (tmp_path / "absolute-victim").mkdir()
    (tmp_path / "keep.txt").write_text("by hand\n", encoding="utf-8")
    outside_link = tmp_path / "linked"
    outside_link.mkdir()
    (outside_link / "file.txt").write_text("by hand\n", encoding="utf-8")
    (out / "linked").symlink_to(outside_link)
    hostile = [
        "../victim/..",
        "../keep.txt",
        str(tmp_path / "absolute-victim" / ".."),
        str(tmp_path / "keep.txt"),
        "linked/file.txt",
        "docs/../../keep.txt",
        "./README.md/",
    ]
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"].update(dict.fromkeys(hostile, "0" * 64))
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    outside = {p: d for p, d in _tree(tmp_path).items() if not p.startswith(("out/", "spec/"))}

    result = cli("generate", "--spec", spec, "--out", out)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{out}: 0 added, 1 changed, 0 removed",
        f"  changed  {MANIFEST}",
    ]
    assert {p: d for p, d in _tree(tmp_path).items() if p in outside} == outside
    assert (tmp_path / "victim").is_dir() and (tmp_path / "absolute-victim").is_dir()
    assert os.readlink(out / "linked") == str(outside_link)
    assert not check(spec, out)


def _lines(stream: object) -> queue.Queue[str]:
    """The lines of a child's pipe, as they come, without blocking the test."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in stream:  # type: ignore[attr-defined]
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def test_a_run_waits_for_the_one_writing_and_keeps_its_staging_folder(
    spec: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    # another run, in the middle of its write: it holds the lock and has a half-built tree
    lock_file = tmp_path / LOCKS / "out.lock"
    lock_file.parent.mkdir()
    holder = os.open(lock_file, os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)
    staging = tmp_path / f".out.staging-{os.getpid()}"
    staging.mkdir()
    (staging / "half.py").write_text("# half written\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "generate", "--spec", str(spec), "--out", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        said = _lines(process.stderr).get(timeout=60)
        assert (
            said == f"waiting for another maizuo-gen run writing {out} to finish (Ctrl-C to stop)\n"
        )
        assert process.poll() is None
        assert (staging / "half.py").read_text(encoding="utf-8") == "# half written\n"
        assert not out.exists()
        # the other run finishes: its tree becomes the output, and it lets go
        staging.rename(out)
        os.close(holder)
        assert process.wait(timeout=120) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (out / "half.py").read_text(encoding="utf-8") == "# half written\n"
    assert not check(spec, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCKS, "out", "spec"]


def test_two_runs_at_once_both_succeed_and_leave_one_whole_output(
    spec: Path, tmp_path: Path, cli: Run
) -> None:
    out = tmp_path / "out"
    assert cli("generate", "--spec", spec, "--out", out).returncode == 0
    _rename_summary(spec, "发送短信验证码")
    command = [sys.executable, "-m", "generator.cli", "generate", "--spec", str(spec)]
    runs = [
        subprocess.Popen(
            [*command, "--out", str(out)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    assert not check(spec, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCKS, "out", "spec"]
