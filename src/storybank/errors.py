"""Problems the core reports to its callers, without any presentation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class LoadError:
    """A file that could not be read as a story (or settings, or catalog)."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def location(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "message": self.message,
        }


class StorybankError(Exception):
    """An error with a message meant for the user; the CLI prints it as one line and exits 2."""


class BankNotFound(StorybankError):
    pass


class SaveConflict(StorybankError):
    """The file changed on disk since it was read; saving would lose someone's edit."""

    def __init__(self, path: Path, reason: str = "changed on disk since it was opened") -> None:
        self.path = path
        super().__init__(f"{path}: {reason}; reload it, or save your version under a new name")


class UnsafePath(StorybankError):
    pass
