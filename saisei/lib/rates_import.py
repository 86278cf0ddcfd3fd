"""Reading exchange-rate files in the ECB's CSV layouts and storing them (`import_rates`).

Two layouts, told apart by the date format only:

- the daily file (eurofxref.csv): ``Date, USD, JPY, ...,`` then one row such as
  ``20 November 2026, 1.1600, 178.00, ...,`` (a space after each comma, a trailing comma);
- the history file (eurofxref-hist.csv): ``Date,USD,JPY,...,`` then one row per day, newest
  first, with ISO dates (``2026-11-20,1.16,178,...,``) and ``N/A`` where a currency has no rate.

Every row is stored (history included), but only the columns of supported currencies; other
columns are listed as ignored. Empty and ``N/A`` cells are skipped. The euro is stored at 1 for
every date on which a file gives the yen, with that file's source. All problems of all files are
collected and reported together, each with its file and line, and then nothing is stored.
"""

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from saisei.audit.services import record

from .currency import EUR, JPY, SUPPORTED_CURRENCIES, clear_rates_cache
from .models import ExchangeRate

if TYPE_CHECKING:
    from _csv import Reader

ECB_SOURCE = "European Central Bank euro foreign exchange reference rates"
ECB_SOURCE_URL = (
    "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/"
    "euro_reference_exchange_rates/html/index.en.html"
)

_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LONG_DATE = re.compile(r"^(\d{1,2}) ([A-Za-z]+) (\d{4})$")
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_MISSING = {"", "N/A", "NA", "-"}
_PLACES = Decimal("0.000001")  # ExchangeRate.per_eur has 6 decimal places
_LIMIT = Decimal(10) ** 12  # and 18 digits in all
_BATCH = 500


class RateImportError(Exception):
    """The files could not be imported; `problems` says where and why (nothing was stored)."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class ParsedRate:
    currency: str
    as_of: date
    per_eur: Decimal
    source: str
    source_url: str


@dataclass
class ParsedFile:
    path: Path
    rates: list[ParsedRate] = field(default_factory=list)
    has_jpy: bool = False
    ignored_columns: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportSummary:
    files: tuple[str, ...]
    created: int
    updated: int
    unchanged: int
    currencies: tuple[str, ...]
    first_date: date
    last_date: date
    ignored_columns: tuple[str, ...] = ()


def parse_date(text: str) -> date | None:
    """ "2026-11-20" or "20 November 2026" (English month names, any case); None otherwise."""
    text = text.strip()
    try:
        if _ISO_DATE.match(text):
            return date.fromisoformat(text)
        match = _LONG_DATE.match(text)
        if match and match.group(2).lower() in _MONTHS:
            return date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None
    return None


def parse_rate(text: str) -> Decimal | str:
    """The rate in `text` with 6 decimal places, or a description of what is wrong with it."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return "is not a number"
    if not value.is_finite() or value <= 0:
        return "is not a positive number"
    if value >= _LIMIT:
        return "is too large"
    value = value.quantize(_PLACES, rounding=ROUND_HALF_UP)
    if value.is_zero():
        return "is too small to store (6 decimal places)"
    return value


def _header(row: list[str], where: str, parsed: ParsedFile) -> list[str | None] | None:
    """Column currencies (None for ignored columns), or None when the header is unusable."""
    cells = [cell.strip() for cell in row]
    while cells and cells[-1] == "":
        cells.pop()  # the ECB's trailing comma
    if not cells or cells[0].lower() != "date":
        parsed.problems.append(f"{where}: the first column must be 'Date'")
        return None
    columns: list[str | None] = []
    seen: set[str] = set()
    for cell in cells[1:]:
        code = cell.upper()
        if not _CURRENCY_CODE.match(code):
            parsed.problems.append(f"{where}: column {cell!r} is not a currency code")
            return None
        if code in seen:
            parsed.problems.append(f"{where}: column {code} appears twice")
            return None
        seen.add(code)
        if code in SUPPORTED_CURRENCIES and code != EUR:
            columns.append(code)
        else:
            columns.append(None)
            parsed.ignored_columns.append(code)
    return columns


def parse_file(path: Path, source: str, source_url: str) -> ParsedFile:
    """Every rate of one file in either ECB layout; problems are collected, not raised."""
    parsed = ParsedFile(path=path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            _parse_rows(csv.reader(handle, skipinitialspace=True), parsed, source, source_url)
    except OSError as error:
        parsed.problems.append(f"{path}: cannot be read ({error.strerror or error})")
    except UnicodeDecodeError:
        parsed.problems.append(f"{path}: is not UTF-8 text")
    except csv.Error as error:
        parsed.problems.append(f"{path}: is not valid CSV ({error})")
    return parsed


def _parse_rows(reader: "Reader", parsed: ParsedFile, source: str, source_url: str) -> None:
    columns: list[str | None] | None = None
    seen_dates: dict[date, int] = {}
    data_rows = 0
    for row in reader:
        where = f"{parsed.path}, line {reader.line_num}"
        if not any(cell.strip() for cell in row):
            continue
        if columns is None:
            columns = _header(row, where, parsed)
            if columns is None:
                return
            parsed.has_jpy = JPY in columns
            continue
        data_rows += 1
        cells = [cell.strip() for cell in row]
        extra = cells[len(columns) + 1 :]
        if any(extra):
            parsed.problems.append(f"{where}: more values than columns")
            continue
        if len(cells) < len(columns) + 1:
            parsed.problems.append(
                f"{where}: {len(cells) - 1} values for {len(columns)} currency columns"
            )
            continue
        day = parse_date(cells[0])
        if day is None:
            parsed.problems.append(
                f"{where}: bad date {cells[0]!r} (expected 2026-11-20 or 20 November 2026)"
            )
            continue
        if day in seen_dates:
            parsed.problems.append(f"{where}: {day} already given on line {seen_dates[day]}")
            continue
        seen_dates[day] = reader.line_num
        has_yen = False
        for code, cell in zip(columns, cells[1:], strict=False):
            if code is None or cell.upper() in _MISSING:
                continue
            value = parse_rate(cell)
            if isinstance(value, str):
                parsed.problems.append(f"{where}: {code} value {cell!r} {value}")
                continue
            parsed.rates.append(ParsedRate(code, day, value, source, source_url))
            has_yen = has_yen or code == JPY
        if has_yen:
            parsed.rates.append(ParsedRate(EUR, day, Decimal(1), source, source_url))
    if columns is None:
        parsed.problems.append(f"{parsed.path}: is empty (no header line)")
    elif not data_rows:
        parsed.problems.append(f"{parsed.path}: has a header but no rows")


def _jpy_problems(files: Sequence[ParsedFile]) -> list[str]:
    """A file without a yen column is fine only when the yen comes from elsewhere."""
    without = [f for f in files if not f.has_jpy]
    if not without or any(f.has_jpy for f in files):
        return []
    if ExchangeRate.objects.filter(currency=JPY).exists():
        return []
    return [
        f"{f.path}: no JPY column, and no yen rate is stored: nothing could be converted to yen"
        for f in without
    ]


def import_rate_files(paths: Iterable[Path], source: str, source_url: str = "") -> ImportSummary:
    """Parse every file, then store all their rates in one transaction, or nothing at all.

    Idempotent: a (currency, date) already stored with the same rate and source is left as it
    is; one with a different rate or source is updated; a new one is created.
    """
    files = [parse_file(Path(p), source, source_url) for p in paths]
    if not files:
        raise RateImportError(["no files given"])
    problems = [problem for f in files for problem in f.problems]
    if problems:
        raise RateImportError(problems)
    # The same currency and day twice (several files): the later file wins.
    latest: dict[tuple[str, date], ParsedRate] = {}
    for parsed in files:
        for rate in parsed.rates:
            latest[(rate.currency, rate.as_of)] = rate
    with transaction.atomic():
        problems = _jpy_problems(files)
        if problems:
            raise RateImportError(problems)
        summary = _store(files, latest, source, source_url)
        # Forget the cached table now (this transaction sees the new rows) and again after the
        # commit (a request that read the old rows meanwhile may have cached them).
        clear_rates_cache()
        transaction.on_commit(clear_rates_cache)
    return summary


def _store(
    files: Sequence[ParsedFile],
    latest: dict[tuple[str, date], ParsedRate],
    source: str,
    source_url: str,
) -> ImportSummary:
    days = [day for _code, day in latest]
    codes = sorted({code for code, _day in latest})
    existing = {
        (row.currency, row.as_of): row
        for row in ExchangeRate.objects.filter(
            currency__in=codes, as_of__gte=min(days), as_of__lte=max(days)
        )
    }
    now = timezone.now()
    to_create: list[ExchangeRate] = []
    to_update: list[ExchangeRate] = []
    for key, rate in sorted(latest.items()):
        row = existing.get(key)
        if row is None:
            to_create.append(
                ExchangeRate(
                    currency=rate.currency,
                    as_of=rate.as_of,
                    per_eur=rate.per_eur,
                    source=rate.source,
                    source_url=rate.source_url,
                )
            )
        elif (row.per_eur, row.source, row.source_url) != (
            rate.per_eur,
            rate.source,
            rate.source_url,
        ):
            row.per_eur, row.source, row.source_url = rate.per_eur, rate.source, rate.source_url
            row.imported = now
            to_update.append(row)
    ExchangeRate.objects.bulk_create(to_create, batch_size=_BATCH)
    ExchangeRate.objects.bulk_update(
        to_update, ["per_eur", "source", "source_url", "imported"], batch_size=_BATCH
    )
    ignored = sorted({code for f in files for code in f.ignored_columns})
    summary = ImportSummary(
        files=tuple(str(f.path) for f in files),
        created=len(to_create),
        updated=len(to_update),
        unchanged=len(latest) - len(to_create) - len(to_update),
        currencies=tuple(codes),
        first_date=min(days),
        last_date=max(days),
        ignored_columns=tuple(ignored),
    )
    record(
        "rates.import",
        None,
        actor_label="import_rates",
        files=list(summary.files),
        source=source,
        source_url=source_url,
        created=summary.created,
        updated=summary.updated,
        unchanged=summary.unchanged,
        currencies=list(summary.currencies),
        first_date=summary.first_date.isoformat(),
        last_date=summary.last_date.isoformat(),
    )
    return summary
