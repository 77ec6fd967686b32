"""Resources under ``client.project``: each method is its endpoint module's call.

Generated from the spec; do not edit by hand.
"""

from __future__ import annotations

from .._base_client import AsyncAPIResource, SyncAPIResource
from ..endpoints import project_detail

__all__ = [
    "AsyncProjectResource",
    "ProjectResource",
]


class ProjectResource(SyncAPIResource):
    """``client.project``"""

    detail = project_detail.detail


class AsyncProjectResource(AsyncAPIResource):
    """``client.project`` (async)"""

    detail = project_detail.async_detail
