"""The two sides of a diff: a spec folder or file on disk, or the spec of a git revision.

A side is read from disk when such a path exists, and otherwise as a git revision of the
repository around the working folder; ``REV:path`` picks another folder than the working
tree's ``spec/``. A revision's spec is exported with ``git archive`` into a temporary folder,
so the generator reads it exactly as it reads the working tree's.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import GeneratorError, SpecError
from ..ir import Api
from ..load import LoadedSpec, load_spec
from .accepted import ACCEPTED_FILE, AcceptedFileError, read_accepted
from .changes import Acceptance
from .git import GitError, UnsafeRevision, commit_of, export, toplevel
from .limits import UnreadableSpec, check_spec_path
from .places import SideMap
from .raw import Documents
from .report import Report


class InputError(Exception):
    """A side cannot be read; the message is one line naming the side."""


@dataclass(frozen=True)
class SpecSource:
    role: str
    """``base`` or ``head``."""
    label: str
    """The side as the user named it."""
    spec: Path
    """The spec folder or root file on disk (a temporary folder for a revision)."""
    revision: str | None = None
    exported_to: Path | None = None
    """The temporary folder a revision was exported into."""

    def read(self) -> Api:
        """The side's IR; :class:`InputError` when its spec is invalid."""
        return self.read_loaded()[0]

    def read_loaded(self) -> tuple[Api, LoadedSpec]:
        """The side's IR and the bundled document it was built from (with its source map)."""
        from ..build import build_api
        from ..validate import validate

        try:
            loaded = load_spec(self.spec)
            validate(loaded)
            return build_api(loaded), loaded
        except SpecError as exc:
            if not exc.problems:
                raise InputError(f"{self.role} ({self.label}): invalid spec") from None
            first = exc.problems[0]
            if first.file is not None:
                first = replace(first, file=Path(self._shown(first.file)))
            more = len(exc.problems) - 1
            extra = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
            raise InputError(f"{self.role} ({self.label}): invalid spec: {first}{extra}") from None
        except GeneratorError as exc:
            raise InputError(f"{self.role} ({self.label}): {exc}") from None

    def side_map(self, loaded: LoadedSpec) -> SideMap:
        """How this side's changes are placed (see :meth:`side_root`)."""
        return SideMap(loaded, self.label, self.side_root())

    def accepted(self) -> tuple[Acceptance, ...]:
        """The entries of this side's accepted-changes file, named by its path from the
        repository's root (a revision's path in that revision) when there is one."""
        file = (self.spec if self.spec.is_dir() else self.spec.parent) / ACCEPTED_FILE
        root = self.side_root()
        absolute = file.resolve()
        shown = (
            absolute.relative_to(root.resolve()).as_posix()
            if root is not None and absolute.is_relative_to(root.resolve())
            else None
        )
        try:
            return read_accepted(self.spec, shown)
        except AcceptedFileError as exc:
            raise InputError(f"{self.role} ({self.label}): {exc}") from None

    def side_root(self) -> Path | None:
        """The folder this side's file names start from: a revision's export, or the root of
        the repository around the folder; ``None`` outside a repository."""
        if self.exported_to is not None:
            return self.exported_to
        try:
            return toplevel(self.spec if self.spec.is_dir() else self.spec.parent)
        except GitError:
            return None

    def _shown(self, file: Path) -> str:
        """A file of this side as a user finds it: ``REV:spec/openapi.yaml`` for a revision."""
        if self.exported_to is None:
            return str(file)
        absolute = (file if file.is_absolute() else Path.cwd() / file).resolve()
        root = self.exported_to.resolve()
        if absolute.is_relative_to(root):
            return f"{self.revision}:{absolute.relative_to(root).as_posix()}"
        return str(file)


def report_since(side: SpecSource, head: Api, head_spec: Path) -> Report:
    """The report of a release: ``side`` (the last release's spec) against ``head``, the IR of
    the spec folder ``head_spec``, with that folder's own document (for what the IR does not
    carry) and its accepted changes, exactly as ``maizuo-gen diff`` judges them."""
    old, old_loaded = side.read_loaded()
    try:
        new_document = load_spec(head_spec).document
    except SpecError as exc:
        raise InputError(f"{head_spec}: invalid spec: {exc}") from None
    return Report.compare(
        side.label,
        "HEAD",
        old,
        head,
        documents=Documents(old_loaded.document, new_document),
        accepted=accepted_in(head_spec),
    )


def accepted_in(spec: Path) -> tuple[Acceptance, ...]:
    """The accepted-changes entries of the spec folder ``spec`` (a release's working tree);
    :class:`InputError` when the file is malformed."""
    try:
        return read_accepted(spec)
    except AcceptedFileError as exc:
        raise InputError(str(exc)) from None


@contextmanager
def open_side(role: str, name: str, *, cwd: Path, default_spec: Path) -> Iterator[SpecSource]:
    """The side ``name`` (a path or ``REV`` or ``REV:path``); a revision's temporary folder is
    removed on leaving. ``default_spec`` is the working tree's spec folder, whose place in the
    repository a bare ``REV`` reads."""
    path = cwd / name
    if path.exists():
        try:
            check_spec_path(path, name)
        except UnreadableSpec as exc:
            raise InputError(f"{role}: {exc}") from None
        yield SpecSource(role, name, path)
        return
    revision, _, inside = name.partition(":")
    try:
        top = toplevel(cwd)
    except GitError:
        raise InputError(
            f"{role}: {name!r} is not a spec folder or file, and {cwd} is not in a git repository"
        ) from None
    commit = commit_of(revision, top) if revision else None
    if commit is None:
        raise InputError(f"{role}: {name!r} is neither a spec folder or file nor a git revision")
    if not inside:
        try:
            inside = (cwd / default_spec).resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            raise InputError(
                f"{role}: {default_spec} is outside the repository; name the folder as {revision}:PATH"
            ) from None
    with tempfile.TemporaryDirectory(prefix="maizuo-diff-") as tmp:
        folder = Path(tmp)
        try:
            export(commit, inside, folder, cwd=top, label=revision)
        except UnsafeRevision as exc:
            raise InputError(f"{role}: {exc}") from None
        except GitError as exc:
            raise InputError(f"{role}: revision {revision} has no {inside}: {exc}") from None
        yield SpecSource(role, name, folder / inside, revision, folder)
