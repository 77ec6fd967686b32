"""Private copies of the project's spec, edited programmatically, for diff and release tests."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.generate import build
from generator.ir import Api

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec"
METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"
ENDPOINT = f"endpoints/{METHOD}.yaml"
FORM = "application/x-www-form-urlencoded"

Doc = dict[str, Any]
Edit = Callable[["Spec"], None]


class Spec:
    """The root document and the authcode.send endpoint of a spec copy, as plain data.

    Edits change the data; :meth:`save` writes the folder. Only the first endpoint of the real
    spec is kept, so the tests do not depend on the endpoints other people add, and no client
    parameters are declared (a test declares those it is about), so an edit may drop a field
    that one of them would require some request to carry.
    """

    def __init__(self, root: Doc, endpoints: dict[str, Doc]) -> None:
        self.root = root
        self.endpoints = endpoints

    @classmethod
    def project(cls) -> Spec:
        root = _read(SPEC / "openapi.yaml")
        path = f"/{METHOD}"
        root["paths"] = {path: root["paths"][path]}
        root["info"]["x-top-package"].pop("client-params", None)
        return cls(root, {METHOD: _read(SPEC / ENDPOINT)})

    def copy(self) -> Spec:
        return Spec(copy.deepcopy(self.root), copy.deepcopy(self.endpoints))

    def save(self, folder: Path) -> Path:
        if folder.exists():
            shutil.rmtree(folder)
        (folder / "endpoints").mkdir(parents=True)
        _write(folder / "openapi.yaml", self.root)
        for method, doc in self.endpoints.items():
            _write(folder / f"endpoints/{method}.yaml", doc)
        return folder

    def api(self, folder: Path) -> Api:
        return build(self.save(folder))

    # -- places in the authcode.send endpoint --------------------------------------------
    @property
    def op(self) -> Doc:
        return self.endpoints[METHOD]["post"]  # type: ignore[no-any-return]

    @property
    def param0(self) -> Doc:
        return self.op["requestBody"]["content"][FORM]["schema"]["properties"]["param0"]  # type: ignore[no-any-return]

    def field(self, name: str) -> Doc:
        return self.param0["properties"][name]  # type: ignore[no-any-return]

    @property
    def request_example(self) -> Doc:
        return self.op["requestBody"]["content"][FORM]["examples"]["page"]["value"]["param0"]  # type: ignore[no-any-return]

    @property
    def response(self) -> Doc:
        schema = self.op["responses"]["200"]["content"]["application/json"]["schema"]
        return schema["oneOf"][0]["properties"][f"{METHOD.replace('.', '_')}_response"]  # type: ignore[no-any-return]

    @property
    def result(self) -> Doc:
        return self.response["properties"]["result"]  # type: ignore[no-any-return]

    @property
    def response_example(self) -> Doc:
        examples = self.op["responses"]["200"]["content"]["application/json"]["examples"]
        return examples["success"]["value"][f"{METHOD.replace('.', '_')}_response"]["result"]  # type: ignore[no-any-return]

    def add_request_field(
        self, name: str, schema: Doc, *, required: bool = False, example: Any = None
    ) -> None:
        self.param0["properties"][name] = schema
        if required:
            self.param0["required"].append(name)
        if example is not None:
            self.request_example[name] = example

    def add_result_field(self, name: str, schema: Doc) -> None:
        self.result["properties"][name] = schema

    def add_endpoint(self, method: str) -> None:
        """A copy of authcode.send under another TOP method name."""
        text = yaml.safe_dump(self.endpoints[METHOD], allow_unicode=True, sort_keys=False)
        text = text.replace(METHOD, method).replace(
            METHOD.replace(".", "_"), method.replace(".", "_")
        )
        self.endpoints[method] = yaml.safe_load(text)
        self.root["paths"][f"/{method}"] = {"$ref": f"endpoints/{method}.yaml"}


def _read(path: Path) -> Doc:
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _write(path: Path, data: Doc) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def pair(tmp: Path, head: Edit, base: Edit | None = None) -> tuple[Api, Api]:
    """The IRs of the project spec edited by ``base`` and then additionally by ``head``."""
    old = Spec.project()
    if base is not None:
        base(old)
    new = old.copy()
    head(new)
    return old.api(tmp / "base"), new.api(tmp / "head")
