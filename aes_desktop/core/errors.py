"""Errors that carry a message meant for the user, in French.

Services raise these for anything a user can cause (bad input, conflicts, unusable database); the
CLI prints ``message`` on stderr and the UI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations


class AesError(Exception):
    """Base of the errors the user is told about; ``message`` is French and self-explanatory."""

    exit_code = 1

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class DatabaseOpenError(AesError):
    """The database cannot be opened: not a database, unreachable, read-only, ..."""

    exit_code = 3


class SchemaTooNewError(DatabaseOpenError):
    """The database was written by a newer version of the application."""

    exit_code = 4


class NotFoundError(AesError):
    """A referenced record does not exist (any more)."""

    exit_code = 5


class ValidationError(AesError):
    """Input rejected by a service; ``field`` names the offending field when there is one."""

    exit_code = 6

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(AesError):
    """Someone else saved the record since it was read: the later save must not overwrite it."""

    exit_code = 7


class ReadOnlyError(AesError):
    """The record (for example a closed session) cannot be modified."""

    exit_code = 8


class DatabaseDamagedError(DatabaseOpenError):
    """The database file is damaged (SQLite reports it malformed, or the checks failed)."""

    exit_code = 11


class StorageError(AesError):
    """The disk refused a write (full, read-only, failing): the edit was not saved."""

    exit_code = 12


class DatabaseBusyError(StorageError):
    """Another program held the database's write lock for longer than the wait allowed."""

    exit_code = 13


class DiskFullError(StorageError):
    """No room left on the disk (for the database, its journal or its shared-memory file)."""

    exit_code = 14
