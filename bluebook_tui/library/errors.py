"""Errors the library raises: each carries one line a user can act on."""


class LibraryError(Exception):
    """A problem with the library's content or a request to it, explained in one line."""


class IngestError(LibraryError):
    """A source text that cannot be turned into an edition."""


class UnknownEditionError(LibraryError):
    """An edition id that the library does not hold."""


class UnknownSectionError(LibraryError):
    """A section id that no edition holds."""
