"""maizuo-gen: turns the Damai Maizuo OpenAPI spec into a typed Python SDK and its docs.

The flow, one module per stage: :mod:`.load` → :mod:`.validate` → :mod:`.build` (the IR of
:mod:`.ir`) → :mod:`.render` → :mod:`.format` → :mod:`.write`, run by :mod:`.generate`;
:mod:`.cli` wires them into the ``maizuo-gen`` command.
"""

__version__ = "0.1.0"
