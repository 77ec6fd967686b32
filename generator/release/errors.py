"""The one error a release stops with."""


class ReleaseError(Exception):
    """The release cannot go on; the message says why and what to do, in one line."""
