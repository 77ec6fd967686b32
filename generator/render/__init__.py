"""Stage 4: the IR through the Jinja2 templates into source text, one file at a time.

- :mod:`.plan`: which files, from which template, and the cache key of each;
- :mod:`.environment`: the templates and the filters they use;
- :mod:`.pytext`: Python literals, docstrings, black's layout; :mod:`.modules`: what a
  generated module imports and declares;
- :mod:`.markdown`: Markdown that shows spec text as text; :mod:`.examples`: runnable calls.

Templates print what the IR decided; what a file needs that follows from the IR is worked out
here, so templates stay loops and simple conditions.
"""

from __future__ import annotations

from .environment import TEMPLATES, environment
from .plan import Job, plan, render

__all__ = ["TEMPLATES", "Job", "environment", "plan", "render"]
