"""The render plan: which files to generate, from which template and context, and the key
that says when a cached file's text is still right."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from ..errors import GeneratorError
from ..ir import Api, Operation
from .markdown import tidy, visible
from .modules import endpoint_module, resource_module
from .site import endpoint_page, shown_models, type_page

GENERATOR = Path(__file__).resolve().parent.parent
RUNTIME = GENERATOR / "runtime"
MOCK = GENERATOR / "mock"
GENERATOR_ONLY_MOCK = frozenset(
    {"__init__.py", "cli.py", "gateway.py", "pytest_plugin.py", "samples.py", "spec_data.py"}
)
"""The mock's modules that make its data from a spec or run it from the generator; every other
module of the mock is its engine and server, copied verbatim into the SDK's testing kit (with
:mod:`generator.top`, which they read as ``..top``, beside them)."""


@dataclass(frozen=True)
class Job:
    """One output file: a template and its context, or a runtime module copied verbatim."""

    path: str
    template: str | None
    context: Callable[[], dict[str, Any]]
    """The template's variables, worked out only when the file is rendered (a cached file's
    never are)."""
    key: str
    """Everything the file's text depends on besides the templates: equal keys, equal text."""
    source: Path | None = None
    text: Callable[[], str] | None = None
    """For a file that is neither a template's nor a copy: its text, worked out when needed."""


def plan(api: Api) -> list[Job]:
    """The files to generate, in a stable order."""
    pkg = api.package
    header = replace(api, operations=(), resources=())
    jobs: list[Job] = []

    memo: dict[int, str] = {}

    def job(
        template: str,
        path: str,
        keyed: dict[str, Any],
        context: Callable[[], dict[str, Any]] | None = None,
    ) -> None:
        """A file keyed by ``keyed``, which is also its context unless ``context`` works the
        context out (from what ``keyed`` holds, so equal keys still mean equal text)."""
        key = ",".join(f"{name}={_key(value, memo)}" for name, value in sorted(keyed.items()))
        jobs.append(Job(path, template, context or (lambda: keyed), key))

    whole = {"api": api}
    job("pyproject.toml.j2", "pyproject.toml", {"api": header})
    job("README.md.j2", "README.md", whole)
    job("package/__init__.py.j2", f"{pkg}/__init__.py", whole)
    job("package/_version.py.j2", f"{pkg}/_version.py", {"api": header})
    job("package/_constants.py.j2", f"{pkg}/_constants.py", {"api": header})
    job("package/_client.py.j2", f"{pkg}/_client.py", whole)
    job("package/endpoints/__init__.py.j2", f"{pkg}/endpoints/__init__.py", whole)
    job("package/resources/__init__.py.j2", f"{pkg}/resources/__init__.py", {"api": header})
    job("docs/index.md.j2", "docs/index.md", whole)
    jobs.append(Job(f"{pkg}/py.typed", None, dict, ""))
    job("site/index.html.j2", "site/index.html", whole)
    job("site/errors.html.j2", "site/errors.html", whole)
    job("site/search-index.js.j2", "site/search-index.js", whole)
    job("site/site.css.j2", "site/assets/site.css", {})
    job("site/site.js.j2", "site/assets/site.js", {})
    for op in api.operations:
        job(
            "package/endpoints/module.py.j2",
            f"{pkg}/endpoints/{op.module}.py",
            {"api": header, "op": op},
            partial(_module_context, header, endpoint_module, op),
        )
        job("docs/endpoint.md.j2", f"docs/{op.doc_page}", {"api": header, "op": op})
        job("site/endpoint.html.j2", f"site/{endpoint_page(op)}", {"api": header, "op": op})
        for name in [m.name for m in shown_models(op)] + [e.name for e in op.enums]:
            keyed = {"api": header, "op": op, "name": name}
            job("site/type.html.j2", f"site/{type_page(op, name)}", keyed)
    for resource in api.resources:
        job(
            "package/resources/module.py.j2",
            f"{pkg}/resources/{resource.module}.py",
            {"api": header, "resource": resource},
            partial(_module_context, header, resource_module, resource),
        )
    for source in sorted(RUNTIME.glob("*.py")):
        if source.name not in ("__init__.py", "_constants.py"):  # _constants is rendered
            jobs.append(Job(f"{pkg}/{source.name}", None, dict, source.name, source))
    jobs.extend(_testing_kit(api, header, job, memo))
    return jobs


def _testing_kit(
    api: Api, header: Api, job: Callable[..., None], memo: dict[int, str]
) -> list[Job]:
    """The optional ``testing`` package: the mock gateway's engine and server copied from the
    generator, the data they serve made from the IR, and the package's face and pytest plugin.
    Template jobs are added through ``job``; the others are returned."""
    from ..mock.spec_data import gateway_json  # only when the plan is made, not on import

    pkg = api.package
    job("package/testing/__init__.py.j2", f"{pkg}/testing/__init__.py", {"api": header})
    job("package/testing/pytest_plugin.py.j2", f"{pkg}/testing/pytest_plugin.py", {"api": header})
    job("package/testing/mock/__init__.py.j2", f"{pkg}/testing/mock/__init__.py", {})
    data = f"{pkg}/testing/gateway.json"
    jobs = [Job(data, None, dict, _key(api, memo), text=partial(gateway_json, api))]
    top = GENERATOR / "top.py"
    jobs.append(Job(f"{pkg}/testing/top.py", None, dict, "top.py", top))
    for source in sorted(MOCK.glob("*.py")):
        if source.name not in GENERATOR_ONLY_MOCK:
            path = f"{pkg}/testing/mock/{source.name}"
            jobs.append(Job(path, None, dict, f"mock/{source.name}", source))
    return jobs


def _module_context(api: Api, module: Callable[[Any], Any], of: Any) -> dict[str, Any]:
    """A module template's context: the API's header and the module's plan, made from ``of``
    (an operation or a resource) alone."""
    return {"api": api, "m": module(of)}


def _key(value: Any, memo: dict[int, str]) -> str:
    """Text that is equal for equal IR values (as their ``repr`` is), with each IR object's
    part worked out once (``memo``, by identity: the IR is immutable and outlives the plan):
    the whole-API files and the resource modules hold every operation again, every file holds
    the API's header, and ``repr`` would spell each one out anew each time."""
    if isinstance(value, Operation):
        if value.fingerprint:
            return value.fingerprint
        found = memo.get(id(value))
        if found is None:
            found = memo[id(value)] = hashlib.sha256(repr(value).encode()).hexdigest()
        return found
    if is_dataclass(value) and not isinstance(value, type):
        found = memo.get(id(value))
        if found is None:
            parts = (f"{f.name}={_key(getattr(value, f.name), memo)}" for f in fields(value))
            found = memo[id(value)] = f"{type(value).__name__}({','.join(parts)})"
        return found
    if isinstance(value, tuple | list):
        return f"{type(value).__name__}({','.join(_key(v, memo) for v in value)})"
    return repr(value)


def render(env: jinja2.Environment, job: Job) -> str:
    """The text of one job's file (Python not yet formatted)."""
    if job.text is not None:
        return job.text()
    if job.template is None:
        return job.source.read_text(encoding="utf-8") if job.source else ""
    try:
        text = env.get_template(job.template).render(**job.context())
    except jinja2.TemplateError as exc:
        raise GeneratorError(f"template {job.template}: {exc}") from exc
    if job.path.endswith(".md"):  # control characters in code blocks made visible, too
        text = tidy(visible(text))
    return text
