"""The problems an import can report: errors stop it, warnings do not."""

from dataclasses import dataclass

#: How many errors are kept per file; the rest are counted, not listed.
MAX_ERRORS_PER_FILE = 50


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a file, a line of it, or one field of a line.

    `line` counts lines as a person does in an editor: the header is line 1, and a record
    whose quoted field spans several lines is reported at the line where it starts.
    """

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.column:
            return f"{where}: column {self.column}: {self.message}"
        return f"{where}: {self.message}"


class RowError(Problem):
    """A problem that makes the whole import fail."""

    __slots__ = ()


class RowWarning(Problem):
    """A problem worth telling, which the import works around."""

    __slots__ = ()


class ImportFailed(Exception):
    """Nothing was imported: the files have `errors` (at most MAX_ERRORS_PER_FILE per file)."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__(f"{len(errors)} error(s); nothing was imported")


class ErrorLog:
    """Collects the errors of one file, keeping the first MAX_ERRORS_PER_FILE."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[RowError] = []
        self.total = 0

    def add(self, line: int | None, column: str | None, message: str) -> None:
        self.total += 1
        if len(self.errors) < MAX_ERRORS_PER_FILE:
            self.errors.append(RowError(self.file, line, column, message))

    def collected(self) -> list[RowError]:
        """The errors kept, plus a last one saying how many more there were."""
        if self.total <= len(self.errors):
            return list(self.errors)
        more = self.total - len(self.errors)
        note = RowError(self.file, None, None, f"{more} more error(s) in this file not shown")
        return [*self.errors, note]
