"""Set-up shared by every test: the mock TOP gateway's pytest plugin (fixture ``top_gateway``).

An installed package loads the plugin through its ``pytest11`` entry point; until it is
installed so, it is loaded here.
"""

from importlib.metadata import entry_points

if not any(ep.value == "generator.mock.pytest_plugin" for ep in entry_points(group="pytest11")):
    pytest_plugins = ["generator.mock.pytest_plugin"]
