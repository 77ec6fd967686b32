"""The bases of the generated resource classes (``client.user.authcode``) and the descriptor
that imports an endpoint's module on first use, so importing the package stays cheap."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncAPIResource", "SyncAPIResource", "lazy_method"]


class lazy_method:
    """A resource's method that is its endpoint module's function, imported on first use.

    ``send = lazy_method("user_authcode_send", "send")`` in a resource class body: the first
    lookup imports ``<package>.endpoints.user_authcode_send`` and puts its ``send`` on the class
    in place of this descriptor, so later calls cost what a plain method costs. Importing the
    package, or reaching ``client.user``, thus loads only the endpoints that are used.
    """

    def __init__(self, module: str, function: str) -> None:
        self._module = f"{_PACKAGE}.endpoints.{module}"
        self._function = function
        self._name = function

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: object | None, owner: type) -> Any:
        function = getattr(importlib.import_module(self._module), self._function)
        setattr(owner, self._name, function)
        return function if instance is None else function.__get__(instance, owner)


_PACKAGE = __name__.rpartition(".")[0]


class SyncAPIResource:
    """Base of the generated resource classes (``client.user.authcode``)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """Base of the generated async resource classes."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
