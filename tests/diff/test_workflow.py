"""The spec-review workflow: linted offline, and its steps run as the workflow calls them.

The steps run in a real git repository holding a spec and its generated/ (``main``), and a
pull request's commits on top; ``${{ ... }}`` expressions are filled in as GitHub fills them
for a pull request, the forge's comment API is a stand-in on 127.0.0.1, and the project's own
virtualenv stands in for the one ``make generate`` creates.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.diff.prcomment import MARKER

from . import repo as git_repo
from .forge import NUMBER, REPOSITORY, TOKEN, Forge, running_forge
from .specs import ENDPOINT, ROOT, Spec

WORKFLOW = ROOT / ".github" / "workflows" / "spec-review.yml"
BIN = Path(sys.executable).parent
_EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def test_the_workflow_passes_the_github_workflow_schema() -> None:
    done = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", WORKFLOW],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_finds_nothing() -> None:
    done = subprocess.run(
        [BIN / "actionlint", "-no-color", WORKFLOW],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_runs_on_spec_template_and_generator_changes() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    trigger = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert trigger["pull_request"]["paths"] == ["spec/**", "templates/**", "generator/**"]
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}


@dataclass(frozen=True)
class Step:
    name: str
    returncode: int
    output: str


def run_job(repo: Path, forge: Forge, base: str) -> list[Step]:
    """Every step of the job in order, as a runner runs them: the ``uses:`` steps (checkout,
    Python) are what the repository and this interpreter already are; a failing step ends
    the job unless it may continue on error."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    [job] = workflow["jobs"].values()
    contexts = {
        "github.event.pull_request.base.sha": base,
        "github.event.pull_request.number": str(NUMBER),
        "github.event.pull_request.head.repo.fork": "false",
        "secrets.GITHUB_TOKEN": TOKEN,
    }
    results = []
    for i, step in enumerate(job["steps"]):
        if "uses" in step:
            continue
        assert set(step) <= {"name", "id", "run", "env", "continue-on-error"}, step

        def fill(text: str) -> str:
            return _EXPRESSION.sub(lambda m: contexts[m[1]], str(text))

        outputs = repo.parent / f"output-{i}"
        outputs.write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PR_"))}
        env |= {
            "CI": "true",
            "GITHUB_OUTPUT": str(outputs),
            "GITHUB_API_URL": forge.url,
            "GITHUB_REPOSITORY": REPOSITORY,
            "PYTHONPATH": "",
        }
        env |= {key: fill(value) for key, value in (step.get("env") or {}).items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", fill(step["run"])],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        results.append(Step(step["name"], done.returncode, done.stdout + done.stderr))
        for line in outputs.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            contexts[f"steps.{step.get('id')}.outputs.{key}"] = value
        may_continue = fill(step.get("continue-on-error", "false")) == "true"
        if done.returncode != 0 and not may_continue:
            break
    return results


def _generate(repo: Path) -> None:
    subprocess.run(
        [BIN / "maizuo-gen", "generate", "--spec", "spec", "--out", "generated"],
        cwd=repo,
        check=True,
        capture_output=True,
        timeout=600,
    )


def _breaking(spec: Spec) -> None:
    del spec.param0["properties"]["channel_token"]
    spec.param0["required"].remove("channel_token")
    del spec.request_example["channel_token"]
    spec.add_request_field("remark", {"type": "string"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """``main``: the project's Makefile, a spec and its generated/; the virtualenv the
    Makefile would make is this one, already installed (so ``make generate`` only generates)."""
    root = git_repo.init(tmp_path / "repo")
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    os.utime(root / "pyproject.toml", (0, 0))  # older than the virtualenv's install mark
    (root / ".venv").symlink_to(BIN.parent)
    (root / ".gitignore").write_text(".venv\n.maizuo-cache/\nspec-review.md\n", encoding="utf-8")
    Spec.project().save(root / "spec")
    _generate(root)
    git_repo.commit(root, "spec and SDK")
    return root


def _annotations(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


def test_a_spec_pull_request_end_to_end(repo: Path) -> None:
    base = git_repo.git(repo, "rev-parse", "HEAD")
    git_repo.git(repo, "checkout", "-q", "-b", "pull-request")
    spec = Spec.project()
    _breaking(spec)
    spec.save(repo / "spec")
    _generate(repo)
    git_repo.commit(repo, "drop channel_token")

    with running_forge() as forge:
        forge.add("Looks good to me")
        first = run_job(repo, forge, base)
        names = [step.name for step in first]
        assert [step.returncode for step in first] == [0, 0, 0, 0, 0, 1], first
        assert names[-1] == "Fail on breaking changes no reviewer accepted"

        annotations = _annotations(first[2].output)
        [error] = [a for a in annotations if a.startswith("::error ")]
        line = int(re.search(r",line=(\d+),", error)[1])  # type: ignore[index]
        base_text = git_repo.git(repo, "show", f"{base}:spec/{ENDPOINT}")
        assert error.startswith(f"::error file=spec/{ENDPOINT},line={line},title=request field")
        assert base_text.splitlines()[line - 1].strip() == "channel_token:"
        assert any(a.startswith("::warning ") and "remark" in a for a in annotations)

        [comment] = forge.ours()
        assert comment["body"].startswith(f"{MARKER}\n## Spec diff: `{base}` → `spec`")
        assert "| **breaking** | request | `param0.channel_token` |" in comment["body"]
        assert "### Generated files" in comment["body"]

        # the author accepts the break, with a reason, and pushes again
        (repo / "spec" / "accepted-changes.yaml").write_text(
            "accepted:\n"
            "  - rule: request-field-removed\n"
            "    endpoint: alibaba.damai.maizuo.openapi.user.authcode.send\n"
            "    path: param0.channel_token\n"
            "    reason: 渠道令牌改由网关校验\n"
            "    by: 李雷, 2026-12-02\n"
            "  - rule: endpoint-removed\n"
            "    endpoint: alibaba.damai.maizuo.openapi.user.authcode.check\n"
            "    reason: 从未上线\n",
            encoding="utf-8",
        )
        git_repo.commit(repo, "accept dropping channel_token")
        second = run_job(repo, forge, base)
        assert [step.returncode for step in second] == [0, 0, 0, 0, 0, 0], second
        assert not any(a.startswith("::error ") for a in _annotations(second[2].output))
        assert "edited the spec review comment" in second[4].output

        [edited] = forge.ours()
        assert edited["id"] == comment["id"] and len(forge.comments) == 2
        body = edited["body"]
        assert "| breaking (accepted) | request | `param0.channel_token` |" in body
        assert "**accepted**: 渠道令牌改由网关校验 (李雷, 2026-12-02)" in body
        assert "### Stale accepted changes" in body and "user.authcode.check" in body


def test_a_stale_generated_folder_fails_the_job(repo: Path) -> None:
    base = git_repo.git(repo, "rev-parse", "HEAD")
    spec = Spec.project()
    _breaking(spec)
    spec.save(repo / "spec")
    git_repo.commit(repo, "spec without its SDK")
    with running_forge() as forge:
        steps = run_job(repo, forge, base)
    assert [step.returncode for step in steps] == [0, 1]
    assert "generated/damai_maizuo/endpoints/user_authcode_send.py" in steps[1].output
    assert "::error title=generated/ is stale::" in steps[1].output
    assert forge.ours() == []
