"""The command: idempotence, hand edits and --force, --dry-run, and the root file's one entry."""

from __future__ import annotations

from pathlib import Path

from .conftest import SEED_ENTRY, SEED_METHOD, SEED_PAGE, Runner, page, snapshot

EVENT_LIST = "alibaba.damai.maizuo.openapi.event.list"
EVENT_LIST_ENTRY = f"  /{EVENT_LIST}:\n    $ref: endpoints/{EVENT_LIST}.yaml\n"


def _endpoint(spec: Path, method: str) -> Path:
    return spec / "endpoints" / f"{method}.yaml"


def test_import_adds_one_file_and_one_entry(spec: Path, import_doc: Runner) -> None:
    root_before = (spec / "openapi.yaml").read_text(encoding="utf-8")
    result = import_doc(page("event.list"), "--spec", spec)
    assert result.status == 0, result.err
    assert result.out.splitlines() == [
        f"{_endpoint(spec, EVENT_LIST)}: created",
        f"{spec / 'openapi.yaml'}: updated",
    ]
    root_after = (spec / "openapi.yaml").read_text(encoding="utf-8")
    # the entry goes in sorted position; every other byte of the root file is kept
    assert root_after == root_before.replace(SEED_ENTRY, EVENT_LIST_ENTRY + SEED_ENTRY)
    assert sorted(p.name for p in (spec / "endpoints").iterdir()) == [
        f"{EVENT_LIST}.yaml",
        f"{SEED_METHOD}.yaml",
    ]


def test_importing_twice_changes_nothing(spec: Path, import_doc: Runner) -> None:
    pages = [page("event.list"), page("user.register"), page("ticket.price.get")]
    assert import_doc(*pages, "--spec", spec).status == 0
    before = snapshot(spec)
    result = import_doc(*pages, "--spec", spec)
    assert result.status == 0
    assert all(line.endswith(": unchanged") for line in result.out.splitlines())
    assert snapshot(spec) == before


def test_entries_after_the_last_and_before_comments(spec: Path, import_doc: Runner) -> None:
    root = spec / "openapi.yaml"
    text = root.read_text(encoding="utf-8").replace(
        SEED_ENTRY, SEED_ENTRY + "  # more endpoints below\n\n"
    )
    root.write_text(text, encoding="utf-8")
    assert import_doc(page("user.register"), "--spec", spec).status == 0
    entry = (
        "  /alibaba.damai.maizuo.openapi.user.register:\n"
        "    $ref: endpoints/alibaba.damai.maizuo.openapi.user.register.yaml\n"
    )
    assert root.read_text(encoding="utf-8") == text.replace(
        SEED_ENTRY + "  # more endpoints below\n", SEED_ENTRY + entry + "  # more endpoints below\n"
    )


def test_an_empty_paths_mapping(spec: Path, import_doc: Runner) -> None:
    root = spec / "openapi.yaml"
    root.write_text(
        root.read_text(encoding="utf-8").replace("paths:\n" + SEED_ENTRY, "paths: {}\n"),
        encoding="utf-8",
    )
    assert import_doc(page("event.list"), "--spec", spec).status == 0
    assert "paths:\n" + EVENT_LIST_ENTRY + "components:" in root.read_text(encoding="utf-8")


def test_a_hand_edited_endpoint_needs_force(spec: Path, import_doc: Runner) -> None:
    assert import_doc(page("event.list"), "--spec", spec).status == 0
    file = _endpoint(spec, EVENT_LIST)
    imported = file.read_text(encoding="utf-8")
    edited = imported.replace("summary: 场次列表API", "summary: 场次列表")
    file.write_text(edited, encoding="utf-8")
    before = snapshot(spec)

    result = import_doc(page("event.list"), "--spec", spec)
    assert result.status == 1
    assert "-  summary: 场次列表\n+  summary: 场次列表API\n" in result.out
    assert result.out.startswith(f"--- {file}\n+++ {file}\n@@ ")
    assert f"{file}: differs from what the import writes" in result.err
    assert "--force" in result.err
    assert snapshot(spec) == before

    result = import_doc(page("event.list"), "--spec", spec, "--force")
    assert result.status == 0
    assert f"{file}: updated" in result.out
    assert file.read_text(encoding="utf-8") == imported


def test_nothing_is_written_unless_every_file_can_be(spec: Path, import_doc: Runner) -> None:
    before = snapshot(spec)
    # the seed's endpoint file is hand-written, so importing the seed page needs --force
    result = import_doc(page("event.list"), SEED_PAGE, "--spec", spec)
    assert result.status == 1
    assert "nothing written" in result.err
    assert snapshot(spec) == before


def test_dry_run_writes_nothing(spec: Path, import_doc: Runner) -> None:
    before = snapshot(spec)
    result = import_doc(page("event.list"), "--spec", spec, "--dry-run")
    assert result.status == 0
    assert f"+++ {_endpoint(spec, EVENT_LIST)}" in result.out
    assert f"+{EVENT_LIST_ENTRY.splitlines()[0]}" in result.out
    assert result.out.rstrip().splitlines()[-2:] == [
        f"{_endpoint(spec, EVENT_LIST)}: would be created",
        f"{spec / 'openapi.yaml'}: would be updated",
    ]
    assert snapshot(spec) == before


def test_the_same_method_twice(spec: Path, tmp_path: Path, import_doc: Runner) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(page("event.list").read_bytes())
    result = import_doc(page("event.list"), copy, "--spec", spec)
    assert result.status == 2
    assert f"{copy}: {EVENT_LIST} is also the method of" in result.err


def test_a_root_entry_pointing_elsewhere(spec: Path, import_doc: Runner) -> None:
    root = spec / "openapi.yaml"
    root.write_text(
        root.read_text(encoding="utf-8").replace(
            SEED_ENTRY, SEED_ENTRY + f"  /{EVENT_LIST}:\n    $ref: endpoints/other.yaml\n"
        ),
        encoding="utf-8",
    )
    before = snapshot(spec)
    result = import_doc(page("event.list"), "--spec", spec)
    assert result.status == 2
    assert f"paths already has /{EVENT_LIST}, and it is not `$ref: endpoints/" in result.err
    assert snapshot(spec) == before


def test_the_spec_may_be_given_as_its_root_file(spec: Path, import_doc: Runner) -> None:
    assert import_doc(page("event.list"), "--spec", spec / "openapi.yaml").status == 0
    assert _endpoint(spec, EVENT_LIST).exists()
