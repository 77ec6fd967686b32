"""Stage 3: build the IR (:mod:`generator.ir`) from a bundled, validated document.

Every name, type and default of the generated SDK is decided here, once. Problems that only
show once names are chosen (two fields that become the same Python name, two different structs
with one name in an endpoint) are reported from here with their place in the spec.

One module per concern: :mod:`.api` (the whole document), :mod:`.families` (the API family
of a method), :mod:`.operation` (one operation), :mod:`.types` (schema → Python type),
:mod:`.scope` (the names taken in one endpoint's module), :mod:`.names` (the Python names of a
TOP method), :mod:`.resources` (the client's resource tree) and :mod:`.spec` (the document
and its problems).
"""

from .api import build_api

__all__ = ["build_api"]
