"""Errors the storage room raises; ``str(exc)`` is a sentence an operator can act on."""

from __future__ import annotations


class StorageError(Exception):
    """Base class of every storage failure."""


class DatabaseCorrupt(StorageError):
    """The history file failed its integrity check (raised only with ``on_corrupt="raise"``)."""


class SchemaTooNew(StorageError):
    """The file was written by a newer QC Station; it is left untouched."""


class MigrationError(StorageError):
    """A schema migration failed; the file is rolled back and a backup copy is kept."""


class InvalidQuery(StorageError, ValueError):
    """A query parameter is out of range or malformed (the HTTP layer answers 400)."""


class InvalidRecord(StorageError, ValueError):
    """A record to insert has a missing or malformed field."""


class RecordNotFound(StorageError, KeyError):
    """No record with that figId (the HTTP layer answers 404)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "record not found"
