"""Run by the release inside the fresh virtualenv: import the installed SDK, call one endpoint.

Arguments: package, call path (``user.authcode.send``), gateway URL, app key, app secret,
session (empty for none), the call's keyword arguments as JSON. Prints one JSON line: where the
package was imported from, its version, and the type of the response.
"""

from __future__ import annotations

import importlib
import json
import sys


def main(argv: list[str]) -> None:
    package, call, base_url, app_key, app_secret, session, arguments = argv
    sdk = importlib.import_module(package)
    client = sdk.Client(
        app_key=app_key, app_secret=app_secret, base_url=base_url, session=session or None
    )
    target = client
    for name in call.split("."):
        target = getattr(target, name)
    response = target(**json.loads(arguments))
    print(
        json.dumps(
            {"file": sdk.__file__, "version": sdk.__version__, "response": type(response).__name__}
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
