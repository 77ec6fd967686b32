"""The spec-given names, version and gateway of the runtime as this repository's spec sets them.

A generated package does not get this file: it gets ``_constants.py`` rendered from its own spec
(``templates/package/_constants.py.j2``), with the same names. This one lets the runtime be
imported and tested from the generator's source tree.
"""

DISTRIBUTION = "damai-maizuo"
"""The package's name on PyPI."""
PACKAGE = "damai_maizuo"
"""The package's import name."""
SDK_VERSION = "0.1.0"
"""The spec's ``info.version``."""
ENV_PREFIX = "DAMAI_MAIZUO"
"""Prefix of the environment variables the client reads (``DAMAI_MAIZUO_APP_KEY``, ...)."""
LOGGER_NAME = "damai_maizuo"
"""The :mod:`logging` logger the SDK writes to."""
DEFAULT_BASE_URL = "https://gw.api.taobao.com/router/rest"
"""The gateway a client calls unless told otherwise: the spec's first server (TOP's production
gateway when the spec names none)."""
