"""Reading a registry CSV file: bytes to text, header to columns, lines to records.

Accepted: UTF-8 with or without a byte-order mark, and CP932 (Windows Shift_JIS, which
Excel writes in Japan); CRLF or LF line ends; columns in any order, found by name. Whether a
file holds plans or prices is told by its header.
"""

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .errors import ErrorLog, RowWarning


class FileKind(StrEnum):
    PLANS = "plans"
    PRICES = "prices"


PLAN_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "document_code",
    "facility_id",
    "facility_name",
    "prefecture",
    "region",
    "risk_class",
    "treatment_title",
    "source_category",
    "document_url",
    "registry_list_url",
    "extracted_on",
)
PRICE_COLUMNS: tuple[str, ...] = (
    "plan_id",
    "amount_jpy",
    "tax",
    "unit",
    "extraction",
    "extraction_note",
    "products",
    "makers",
    "document_page",
    "excerpt",
)
# Every documented column is required: a file without one would silently blank that field
# of every plan or price it touches.
COLUMNS: dict[FileKind, tuple[str, ...]] = {
    FileKind.PLANS: PLAN_COLUMNS,
    FileKind.PRICES: PRICE_COLUMNS,
}

# csv refuses fields over 128 KiB by default; an excerpt is far shorter, but be generous.
csv.field_size_limit(10 * 1024 * 1024)


@dataclass(slots=True)
class Record:
    """One data line of a file: the line it starts on and its values by column name."""

    line: int
    values: dict[str, str]


@dataclass
class CsvFile:
    """A file read and split into records, or the reason it could not be."""

    name: str
    kind: FileKind | None = None
    encoding: str = ""
    sha256: str = ""
    columns: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    log: ErrorLog = field(init=False)

    def __post_init__(self) -> None:
        self.log = ErrorLog(self.name)


def expected_headers() -> str:
    """The headers a file may have, for error messages."""
    return (
        f"a plans file has the columns {', '.join(PLAN_COLUMNS)}; "
        f"a prices file has the columns {', '.join(PRICE_COLUMNS)}"
    )


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def decode(data: bytes) -> tuple[str, str] | None:
    """The text and the name of its encoding, or None when it is neither UTF-8 nor CP932."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return None
    # CP932 maps its user-defined area, and so most stray bytes, to private-use characters:
    # a file with any is more likely in some other encoding than real Shift_JIS text.
    if _PRIVATE_USE.search(text):
        return None
    return text, "cp932"


def header_name(raw: str) -> str:
    """A header cell as a column name: width-folded, trimmed, lower-case."""
    return unicodedata.normalize("NFKC", raw).strip().strip("\ufeff").strip().lower()


def detect_kind(columns: list[str]) -> FileKind | None:
    """Plans or prices, by the columns that only one of the two kinds has."""
    names = set(columns)
    plan_only = len(names & (set(PLAN_COLUMNS) - set(PRICE_COLUMNS)))
    price_only = len(names & (set(PRICE_COLUMNS) - set(PLAN_COLUMNS)))
    if plan_only == price_only:
        return None
    return FileKind.PLANS if plan_only > price_only else FileKind.PRICES


def read_file(path: Path, display_name: str | None = None) -> CsvFile:
    """Read one file; problems land in the result's `log` and `warnings`, never raise."""
    name = display_name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        result = CsvFile(name)
        result.log.add(None, None, "no such file")
        return result
    except IsADirectoryError:
        result = CsvFile(name)
        result.log.add(None, None, "is a directory, not a CSV file")
        return result
    except OSError as exc:
        result = CsvFile(name)
        result.log.add(None, None, f"cannot be read: {exc.strerror or exc}")
        return result
    return parse_bytes(data, name)


def parse_bytes(data: bytes, name: str) -> CsvFile:
    """Split the bytes of one file into records (see the module docstring)."""
    result = CsvFile(name, sha256=hashlib.sha256(data).hexdigest())
    if not data.strip():
        result.log.add(None, None, f"the file is empty; {expected_headers()}")
        return result
    if b"\x00" in data:
        result.log.add(None, None, f"not a CSV text file; {expected_headers()}")
        return result
    decoded = decode(data)
    if decoded is None:
        result.log.add(None, None, "the file is neither UTF-8 nor Shift_JIS (CP932) text")
        return result
    text, result.encoding = decoded
    _read_records(text, result)
    return result


def _read_records(text: str, result: CsvFile) -> None:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    positions: list[tuple[str, int]] = []
    last_line = 0
    try:
        for cells in reader:
            start, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # a blank line
            if header is None:
                header = [header_name(cell) for cell in cells]
                if not _check_header(header, start, result):
                    return
                positions = [(column, header.index(column)) for column in result.columns]
                continue
            if len(cells) != len(header):
                message = f"the line has {len(cells)} fields but the header has {len(header)}"
                result.log.add(start, None, message)
                continue
            result.records.append(Record(start, {column: cells[i] for column, i in positions}))
    except csv.Error as exc:
        result.log.add(last_line + 1, None, f"not valid CSV: {exc}")
        return
    if header is None:
        result.log.add(None, None, f"the file has no header line; {expected_headers()}")


def _check_header(header: list[str], line: int, result: CsvFile) -> bool:
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    for name in duplicates:
        result.log.add(line, name, "the header names this column more than once")
    kind = detect_kind(header)
    if kind is None:
        result.log.add(
            line,
            None,
            f"neither a plans file nor a prices file by its header; {expected_headers()}",
        )
        return False
    result.kind = kind
    expected = COLUMNS[kind]
    for column in expected:
        if column not in header:
            result.log.add(line, column, f"required column missing from the {kind} file header")
    unknown = [name or "(empty)" for name in header if name not in expected]
    if unknown:
        result.warnings.append(
            RowWarning(
                result.name,
                line,
                None,
                f"unknown column(s) ignored: {', '.join(unknown)}",
            )
        )
    result.columns = [column for column in expected if column in header]
    return not duplicates and len(result.columns) == len(expected)
