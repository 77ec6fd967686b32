"""What the runtime knows of the spec it was generated from.

The names the SDK goes by (its distribution, its environment variables, its logger), its version
and its default gateway (the spec's first server) all come from the spec, so a package generated
under another name reads, logs and connects as its own docs say.
Generated from the spec; do not edit by hand.
"""

DISTRIBUTION = "damai-maizuo"
"""The package's name on PyPI (``pip install damai-maizuo``)."""
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
