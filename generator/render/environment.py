"""The Jinja2 environment: the templates folder and the filters and tests templates use.

HTML templates (``*.html.j2``) are autoescaped, so spec text in a page is always text; the
Markdown and Python templates escape through their own filters (:mod:`.markdown`,
:mod:`.pytext`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from ..naming import AMBIGUOUS
from . import examples, markdown, modules, pytext, sdk_errors, site

if TYPE_CHECKING:
    from ..cache import Cache

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
"""The templates, inside the package (in a checkout, a link to the repository's templates/
folder), so that an installed generator has them too."""


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled by an earlier run, kept in the generator's cache under the template's
    name and a checksum of its source (Jinja2 checks both, and its own and Python's version):
    compiling them was a third of the time of a run that changes one endpoint."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.cache.get("template", f"{bucket.key} {bucket.checksum}")
        if isinstance(code, bytes):
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.cache.put("template", f"{bucket.key} {bucket.checksum}", bucket.bytecode_to_string())


def environment(cache: Cache | None = None) -> jinja2.Environment:
    """The environment; with a cache, templates compiled by an earlier run are taken from it."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=CompiledTemplates(cache) if cache is not None else None,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",), default_for_string=False, default=False
        ),
    )
    env.tests["identifier_keys"] = modules.identifier_keys
    env.tests["ambiguous"] = AMBIGUOUS.__contains__  # l, O, I: ruff's E741 when a class key
    env.filters.update(
        # Python
        docstring=pytext.docstring,
        pyrepr=pytext.pyrepr,
        one_line=pytext.one_line,
        toml_string=pytext.toml_string,
        from_import=pytext.from_import,
        labels_line=modules.labels_line,
        call_values=modules.call_values,
        field_line=modules.field_line,
        method_docstring=modules.method_docstring,
        dict_annotation=modules.dict_annotation,
        client_params_line=modules.client_params_line,
        field_doc=modules.field_doc,
        client_params_doc=modules.client_params_doc,
        not_required=modules.not_required,
        # Markdown
        md_line=markdown.md_line,
        md_text=markdown.md_text,
        example_heading=markdown.example_heading,
        example_title=markdown.example_title,
        md_cell=markdown.md_cell,
        md_code=markdown.md_code,
        fence=markdown.fence,
        type_link=markdown.type_link,
        examples_cell=markdown.examples_cell,
        constraints_cell=markdown.constraints_cell,
        required_cell=markdown.required_cell,
        required_text=markdown.required_text,
        # examples, for the docs and the site
        sync_example=examples.sync_example,
        async_example=examples.async_example,
        readme_operation=examples.readme_operation,
        client_params_example=examples.client_params_example,
        kit_test=examples.kit_test,
        kit_script=examples.kit_script,
        wheel_name=examples.wheel_name,
        # the HTML site
        families=site.families,
        endpoint_page=site.endpoint_page,
        type_page=site.type_page,
        type_target=site.type_target,
        enum_for=site.enum_for,
        model_for=site.model_for,
        shown_models=site.shown_models,
        users=site.users,
        error_rows=sdk_errors.error_rows,
        example_json=site.example_json,
        paragraphs=site.paragraphs,
        constraints_text=markdown.constraints_text,
        tojson_text=lambda value: json.dumps(value, ensure_ascii=False),
        search_index=site.search_index,
    )
    env.globals["errors"] = sdk_errors.ERRORS
    return env
