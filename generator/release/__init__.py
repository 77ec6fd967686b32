"""``maizuo-gen release``: cut an SDK release from a clean, up-to-date tree in one command.

The steps, one module each: :mod:`.repository` refuses a dirty tree or a stale ``generated/``
and finds the last ``sdk-vX.Y.Z`` tag; :mod:`.plan` diffs the spec since that tag and decides the
version; in a temporary copy of ``spec/`` and ``generated/``, :mod:`.spec_version` sets
``info.version``, the generator regenerates, :mod:`.changelog` prepends the entry to
``generated/CHANGELOG.md``, :mod:`.package` builds the sdist and wheel, and :mod:`.smoke`
installs the wheel in a fresh virtualenv and calls one endpoint against the mock gateway. Only
when all of that worked is the result copied into the tree (never by ``--dry-run``);
:mod:`.cli` wires it together and prints the git commands that commit and tag the release.
"""
