"""What the release needs to know from git: is the tree clean, and which release came last."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diff.git import git
from ..diff.semver import Version
from ..generate import check
from .errors import ReleaseError

TAG_PREFIX = "sdk-v"
SPEC = Path("spec")
GENERATED = Path("generated")


@dataclass(frozen=True)
class Tag:
    name: str
    version: Version


def tag_name(version: Version) -> str:
    return f"{TAG_PREFIX}{version}"


def require_clean(root: Path) -> None:
    """Refuse uncommitted changes, untracked files included: a release is of a commit."""
    status = git("status", "--porcelain", "--untracked-files=all", cwd=root).splitlines()
    if status:
        first = status[0][3:]
        more = f" and {len(status) - 1} more" if len(status) > 1 else ""
        raise ReleaseError(f"the work tree is not clean ({first}{more}); commit or stash first")


def require_fresh(root: Path) -> None:
    """Refuse a ``generated/`` that is not exactly what ``spec/`` generates."""
    changes = check(root / SPEC, root / GENERATED)
    if changes:
        paths = [*changes.added, *changes.changed, *changes.removed]
        more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
        raise ReleaseError(
            f"{GENERATED}/ is stale ({paths[0]}{more} would change); "
            "run `make generate` and commit it first"
        )


def last_release(root: Path) -> Tag | None:
    """The highest ``sdk-vX.Y.Z`` tag reachable from HEAD; tags of another form are ignored."""
    tags = []
    for name in git("tag", "--merged", "HEAD", "--list", f"{TAG_PREFIX}*", cwd=root).splitlines():
        try:
            tags.append(Tag(name, Version.parse(name.removeprefix(TAG_PREFIX))))
        except ValueError:
            continue
    return max(tags, key=lambda tag: tag.version, default=None)


def tag_exists(root: Path, name: str) -> bool:
    return bool(git("tag", "--list", name, cwd=root))


def generated_changed_since(root: Path, tag: Tag, *, ignore: str) -> list[str]:
    """Files under ``generated/`` that differ between ``tag`` and HEAD, ``ignore`` left out."""
    names = git("diff", "--name-only", tag.name, "HEAD", "--", GENERATED.as_posix(), cwd=root)
    return [n for n in names.splitlines() if n != (GENERATED / ignore).as_posix()]
