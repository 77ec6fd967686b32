"""Stage 2: is the bundled document a valid OpenAPI 3.1 spec, and a valid TOP spec?

In this order, each step only when the ones before found nothing (a later step reads the
document as the earlier ones made sure it is): every ``$ref`` must lead somewhere
(:mod:`.structure`), then the schema of OpenAPI's JSON Schema dialect checks each schema and
openapi-spec-validator the document (:mod:`.structure`), then the project's rules: what the ``x-top-*`` extensions must
look like (documented in ``spec/README.md``), that each path is its TOP method and a name the
generator can use (:mod:`.top_rules`), and that every example validates against its schema
(:mod:`.examples`). Names that collide once made Python identifiers are found by the builder,
which chooses those names.
"""

from __future__ import annotations

from concurrent.futures import Executor
from typing import Any

from ..cache import Cache
from ..errors import SpecError
from ..load import LoadedSpec
from .examples import example_problems
from .structure import json_schema_problems, openapi_problems, ref_problems
from .top_rules import spec_problems, top_problems

__all__ = ["validate"]


def validate(spec: LoadedSpec, cache: Cache | None = None, pool: Executor | None = None) -> None:
    """Raise :class:`SpecError` listing every problem found; return when the spec is usable.

    With a cache, an endpoint whose file and the shared parts of the spec are unchanged since
    they last passed is not checked again. With a pool, openapi-spec-validator (the slow part)
    runs in its processes when there are many endpoints to check.
    """
    paths: dict[str, Any] = spec.document.get("paths") or {}
    keys = spec.path_digests
    todo = [path for path in paths if cache is None or not cache.get("valid", keys[path])]
    problems = list(ref_problems(spec, todo if len(todo) < len(paths) else None))
    if problems:
        raise SpecError(problems)
    problems, checked = json_schema_problems(spec, todo)
    if problems:
        raise SpecError(problems)
    problems = list(openapi_problems(spec, todo, pool, checked))
    if problems:
        raise SpecError(problems)
    problems = list(spec_problems(spec))
    for path in todo:
        problems.extend(top_problems(spec, path))
        problems.extend(example_problems(spec, path))
    if problems:
        raise SpecError(problems)
    if cache is not None:
        for path in paths:
            cache.put("valid", keys[path], True)
