"""A reply body for an endpoint whose spec has no response example, built from the IR.

The values follow the rule of :mod:`generator.samples` (shared with the docs' examples) with the
zero value of each type (``""``, ``0``, ``false``) where a required field has no example: TOP
leaves out fields that have no value, and the business result, if any, says success.
``request_id`` is added by the reply, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..ir import BusinessResult, EnumType, Model
from ..samples import ZERO, Sampler


def sample_body(
    model: Model,
    models: Mapping[str, Model],
    enums: Mapping[str, EnumType],
    business_result: BusinessResult | None = None,
) -> Any:
    """The sample object for ``model`` (a response model), as plain JSON data.

    It answers a valid call, so where the endpoint reports a business result that result says
    success, whatever the field's example (doc pages often show ``false``).
    """
    sampler = Sampler(models, enums, ZERO, skip=frozenset({"request_id"}))
    body = sampler.object(model, required=True)
    if business_result is not None:
        result = body
        for name in business_result.path:
            result = result.setdefault(name, {})
        result[business_result.success] = True
    return body
