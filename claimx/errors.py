"""The one family of errors a user can cause.

Every error carries the exit code the command line turns it into, so the CLI
never needs to know which part of the library raised it.
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_CONTENT = 4
EXIT_MODEL = 5
EXIT_PARTIAL = 6


class ClaimxError(Exception):
    """Base of everything claimx raises for a problem the user can fix."""

    exit_code = EXIT_INTERNAL

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class UsageError(ClaimxError):
    """A bad option or argument value."""

    exit_code = EXIT_USAGE


class InvalidPublishedDate(UsageError):
    """A publication date that is not YYYY-MM-DD or an ISO datetime."""


class InputError(ClaimxError):
    """The input cannot be opened: missing, unreadable, a directory."""

    exit_code = EXIT_INPUT


class ContentError(ClaimxError):
    """The input opens but holds nothing claimx can read as an article."""

    exit_code = EXIT_CONTENT


class ModelError(ClaimxError):
    """The spaCy pipeline is missing or cannot be used."""

    exit_code = EXIT_MODEL


class OutputError(ClaimxError):
    """The output file cannot be written (a directory, no such folder, permission denied)."""

    exit_code = EXIT_INPUT
