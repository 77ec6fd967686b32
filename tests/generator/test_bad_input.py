"""Bad specs: one clear ``file:line: pointer: message`` error, exit 2, and nothing written."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.specfile import MAX_FILE_BYTES

from .conftest import ENDPOINT, PARAM0, at, read_yaml, snapshot, write_yaml

Run = Callable[..., subprocess.CompletedProcess[str]]


def _edit_endpoint(spec: Path, change: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    data = read_yaml(spec / ENDPOINT)
    change(data)
    write_yaml(spec / ENDPOINT, data)


def _bad_yaml(spec: Path) -> None:
    (spec / ENDPOINT).write_text("post:\n  summary: [unclosed\n  x: 1\n", encoding="utf-8")


def _unknown_ref(spec: Path) -> None:
    def change(data: dict) -> None:  # type: ignore[type-arg]
        schema = data["post"]["responses"]["200"]["content"]["application/json"]["schema"]
        schema["oneOf"][1]["$ref"] = "../openapi.yaml#/components/schemas/NoSuchThing"

    _edit_endpoint(spec, change)


def _bad_example(spec: Path) -> None:
    _edit_endpoint(spec, lambda d: at(d, PARAM0)["properties"]["code_type"].update(examples=[3]))


def _missing_method(spec: Path) -> None:
    _edit_endpoint(spec, lambda d: d["post"].pop("x-top-method"))


def _wrong_method(spec: Path) -> None:
    _edit_endpoint(
        spec,
        lambda d: d["post"].update({"x-top-method": "alibaba.damai.maizuo.openapi.user.other"}),
    )


def _colliding_fields(spec: Path) -> None:
    def change(data: dict) -> None:  # type: ignore[type-arg]
        props = at(data, PARAM0)["properties"]
        props["from"] = {"type": "string"}  # a keyword: becomes from_ ...
        props["from_"] = {"type": "string"}  # ... which is taken

    _edit_endpoint(spec, change)


def _duplicate_key(spec: Path) -> None:
    text = (spec / ENDPOINT).read_text(encoding="utf-8")
    (spec / ENDPOINT).write_text(
        text.replace("  summary: 发送验证码\n", "  summary: 发送验证码\n  summary: again\n"),
        encoding="utf-8",
    )


def _empty_spec(spec: Path) -> None:
    (spec / "openapi.yaml").write_text("", encoding="utf-8")


def _endpoint_is_a_directory(spec: Path) -> None:
    (spec / ENDPOINT).unlink()
    (spec / ENDPOINT).mkdir()


def _endpoint_unreadable(spec: Path) -> None:
    (spec / ENDPOINT).unlink()
    os.symlink(spec / ENDPOINT, spec / ENDPOINT)  # a link to itself: reading it fails (ELOOP)


def _not_utf8(spec: Path) -> None:
    (spec / ENDPOINT).write_bytes("post:\n  summary: 发送验证码\n".encode("gb18030"))


def _ref_outside(spec: Path) -> None:
    _edit_endpoint(spec, lambda d: at(d, PARAM0).update({"$ref": "../../elsewhere.yaml#/X"}))


def _no_idempotence(spec: Path) -> None:
    _edit_endpoint(spec, lambda d: d["post"].pop("x-top-idempotent"))


def _enum_labels_mismatch(spec: Path) -> None:
    _edit_endpoint(spec, lambda d: at(d, PARAM0)["properties"]["code_type"]["x-top-enum"].pop())


def _unsupported_type(spec: Path) -> None:
    _edit_endpoint(
        spec,
        lambda d: at(d, PARAM0)["properties"]["user_phone"].update(type=["string", "null"]),
    )


def _unknown_type(spec: Path) -> None:
    _edit_endpoint(
        spec, lambda d: at(d, PARAM0)["properties"]["user_phone"].update(type="telephone")
    )


def _bad_business_marker(spec: Path) -> None:
    _edit_endpoint(spec, lambda d: d["post"]["x-top-business-result"].update(success="result_msg"))


CASES = {
    "invalid YAML": (
        _bad_yaml,
        ENDPOINT
        + r":3: /: invalid YAML: did not find expected ',' or '\]'; fix the syntax at this line$",
    ),
    "unknown $ref": (
        _unknown_ref,
        ENDPOINT + r":\d+: .*oneOf/1/\$ref: .*NoSuchThing' points to nothing",
    ),
    "example violates schema": (
        _bad_example,
        ENDPOINT + r":\d+: .*code_type/examples/0: example 3 does not match",
    ),
    "missing x-top-method": (
        _missing_method,
        ENDPOINT + r":\d+: .*/post: x-top-method is missing; add x-top-method: alibaba",
    ),
    "x-top-method not the path": (
        _wrong_method,
        r"x-top-method: 'alibaba.damai.maizuo.openapi.user.other' must equal the path",
    ),
    "names collide": (
        _colliding_fields,
        r"fields 'from' and 'from_' both become the Python name 'from_'",
    ),
    "duplicate key": (
        _duplicate_key,
        ENDPOINT + r":\d+: /post/summary: duplicate key 'summary'",
    ),
    "empty spec": (_empty_spec, r"openapi.yaml:1: /: is empty"),
    "spec file is a directory": (
        _endpoint_is_a_directory,
        r"is a directory; expected a YAML file",
    ),
    "spec file unreadable": (_endpoint_unreadable, r"cannot be read"),
    "not UTF-8": (_not_utf8, r"is not UTF-8 text"),
    "reference outside the spec": (
        _ref_outside,
        r"a reference must point into the root document",
    ),
    "idempotence not said": (
        _no_idempotence,
        r"x-top-idempotent must be true or false",
    ),
    "enum labels do not match": (
        _enum_labels_mismatch,
        r"x-top-enum: values \[1\] must be the enum's values \[1, 2\]",
    ),
    "unsupported type": (_unsupported_type, r"a list of types is not supported"),
    "unknown type": (
        _unknown_type,
        r"user_phone/examples/0: the schema's type 'telephone' is not a JSON Schema type",
    ),
    "business marker names a non-boolean": (
        _bad_business_marker,
        r"'result_msg' must name a boolean field of ResultData",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_spec_is_refused_clearly_and_nothing_is_written(
    case: str, spec: Path, tmp_path: Path, cli: Run
) -> None:
    out = tmp_path / "generated"
    assert cli("generate", "--spec", spec, "--out", out).returncode == 0
    (out / "notes.txt").write_text("not the generator's\n")
    before = snapshot(out)
    breaker, expected = CASES[case]
    breaker(spec)

    result = cli("generate", "--spec", spec, "--out", out, cwd=spec.parent)

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert re.search(expected, result.stderr), result.stderr
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())
    assert snapshot(out) == before
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == [".maizuo-cache", "generated", "spec"]  # no staging folder left


def test_validate_reports_a_problem_with_file_line_and_pointer(spec: Path, cli: Run) -> None:
    _bad_example(spec)
    result = cli("validate", "--spec", spec, cwd=spec.parent)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    file_line, pointer, message = line.removeprefix("error: ").split(": ", 2)
    lines = (spec / ENDPOINT).read_text(encoding="utf-8").splitlines()
    code_type = next(i for i, text in enumerate(lines) if text.strip() == "code_type:")
    examples = next(i for i in range(code_type, len(lines)) if lines[i].strip() == "examples:")
    assert file_line == f"spec/{ENDPOINT}:{examples + 2}"  # the line of the bad item
    assert pointer.endswith("/properties/param0/properties/code_type/examples/0")
    assert "is not one of [1, 2]" in message


def test_missing_spec_folder(tmp_path: Path, cli: Run) -> None:
    result = cli("validate", "--spec", tmp_path / "nowhere")
    assert result.returncode == 2
    assert "no openapi.yaml here" in result.stderr


def _limited_memory() -> None:
    """Run the child with at most 1 GiB of address space: a read without a bound fails."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def _validate_bounded(spec: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "validate", "--spec", str(spec)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited_memory,
    )


def _special_spec(kind: str, folder: Path) -> tuple[Path, str]:
    """A spec path of ``kind`` and the message it must get."""
    if kind == "device":
        return Path("/dev/zero"), "is a device, not a file"
    if kind == "fifo":
        fifo = folder / "openapi.yaml"
        os.mkfifo(fifo)
        return folder, "is a FIFO (named pipe), not a file"
    line = b"- 1\n"  # a YAML list of millions of items
    (folder / "openapi.yaml").write_bytes(line * (MAX_FILE_BYTES // len(line) + 1))
    return folder, f"is larger than {MAX_FILE_BYTES >> 20} MiB"


@pytest.mark.parametrize("kind", ["device", "fifo", "huge"])
def test_a_spec_that_is_no_regular_file_or_too_big_is_refused_before_reading(
    kind: str, tmp_path: Path
) -> None:
    """``/dev/zero`` never ends, a FIFO blocks its reader until a writer comes: each gets one
    clear error, at once, in bounded memory."""
    spec, expected = _special_spec(kind, tmp_path)
    result = _validate_bounded(spec, tmp_path)
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and expected in line, line


def test_an_endpoint_file_that_is_a_device_is_refused(spec: Path) -> None:
    (spec / ENDPOINT).unlink()
    os.symlink("/dev/zero", spec / ENDPOINT)
    result = _validate_bounded(spec, spec.parent)
    assert result.returncode == 2, result.stderr
    assert f"spec/{ENDPOINT}: /: is a device, not a file" in result.stderr
