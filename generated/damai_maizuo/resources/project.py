"""Resources under ``client.project``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._resource import AsyncAPIResource, SyncAPIResource, lazy_method

if TYPE_CHECKING:  # imported on first use (see lazy_method)
    from ..endpoints import project_detail

__all__ = [
    "AsyncProjectResource",
    "ProjectResource",
]


class ProjectResource(SyncAPIResource):
    """``client.project``"""

    if TYPE_CHECKING:
        detail = project_detail.detail
    else:
        detail = lazy_method("project_detail", "detail")


class AsyncProjectResource(AsyncAPIResource):
    """``client.project`` (async)"""

    if TYPE_CHECKING:
        detail = project_detail.async_detail
    else:
        detail = lazy_method("project_detail", "async_detail")
