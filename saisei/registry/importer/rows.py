"""Typed, validated rows of a plans file and of a prices file.

Every value is trimmed of surrounding white space; that trimmed value is what is stored and
what the row hashes are computed from, so that a re-export with other column order, encoding
or line ends hashes the same.

Decisions:
- amount_jpy is whole yen greater than zero, written with digits only (`990000`) or with
  thousands separators in the right places (`990,000`); full-width digits are folded. A yen
  sign, `円`, a decimal point or OCR noise (`BOO,000`) is an error, not a guess.
- risk_class is `第一種`/`第二種`/`第三種` (also the digits 1/2/3); tax is `税込`/`税別`/`不明`
  (`税抜` is read as `税別`); extraction is `AUTO`/`QC` in any case.
- document_code is opaque: any text up to 60 characters, empty allowed, shared codes fine.
- URLs may be empty; otherwise they are http(s) addresses with a host and no spaces.
"""

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass
from urllib.parse import urlsplit

from saisei.registry.models import PricePoint

from .errors import ErrorLog
from .reader import CsvFile, Record

MAX_AMOUNT_JPY = 2_147_483_647  # the database column's limit

RISK_CLASSES = {"第一種": 1, "第二種": 2, "第三種": 3, "1": 1, "2": 2, "3": 3}
TAXES: dict[str, str] = {
    "税込": PricePoint.Tax.INCLUDED,
    "税別": PricePoint.Tax.EXCLUDED,
    "税抜": PricePoint.Tax.EXCLUDED,
    "不明": PricePoint.Tax.UNKNOWN,
}
EXTRACTIONS: dict[str, str] = {
    "AUTO": PricePoint.Extraction.AUTO,
    "QC": PricePoint.Extraction.REVIEW,
}
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


@dataclass(frozen=True, slots=True)
class PlanRow:
    """One line of a plans file."""

    file: str
    line: int
    plan_id: str
    document_code: str
    facility_id: str
    facility_name: str
    prefecture: str
    region: str
    risk_class: int
    title_ja: str
    source_category: str
    document_url: str
    registry_list_url: str
    extracted_on: str

    def source_hash(self) -> str:
        """Hash of the plan's own fields (not the facility's name or place, not the line)."""
        return _hash(
            self.plan_id,
            self.document_code,
            self.facility_id,
            self.risk_class,
            self.title_ja,
            self.source_category,
            self.document_url,
            self.registry_list_url,
            self.extracted_on,
        )


@dataclass(frozen=True, slots=True)
class PriceRow:
    """One line of a prices file."""

    file: str
    line: int
    plan_id: str
    amount_jpy: int
    tax: str
    unit: str
    extraction: str
    extraction_note: str
    products: str
    makers: str
    document_page: int | None
    excerpt: str

    def row_key(self) -> str:
        """Hash of every field of the row except where it was found (file and line)."""
        return _hash(*astuple(self)[2:])


def _hash(*values: object) -> str:
    encoded = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


class _Fields:
    """Reads the fields of one record, logging every problem against its column."""

    def __init__(self, record: Record, log: ErrorLog) -> None:
        self.values = record.values
        self.line = record.line
        self.log = log
        self.ok = True

    def error(self, column: str, message: str) -> None:
        self.ok = False
        self.log.add(self.line, column, message)

    def text(self, column: str, max_length: int | None = None, required: bool = False) -> str:
        value = self.values[column].strip()
        if required and not value:
            self.error(column, "a value is required")
        elif max_length is not None and len(value) > max_length:
            self.error(column, f"longer than {max_length} characters ({len(value)})")
        return value

    def choice[T](self, column: str, choices: dict[str, T], fold_case: bool = False) -> T | None:
        raw = unicodedata.normalize("NFKC", self.values[column]).strip()
        value = choices.get(raw.upper() if fold_case else raw)
        if value is None:
            allowed = ", ".join(dict.fromkeys(k for k in choices if not k.isdigit()))
            self.error(column, f"must be one of {allowed}; got {_shown(raw)}")
        return value

    def url(self, column: str) -> str:
        value = self.text(column, max_length=500)
        if value and not _plausible_url(value):
            self.error(column, f"not a web address (http:// or https://): {_shown(value)}")
        return value

    def amount(self, column: str) -> int:
        raw = unicodedata.normalize("NFKC", self.values[column]).strip()
        if not _AMOUNT.fullmatch(raw):
            self.error(
                column,
                f"must be a whole number of yen, like 990000 or 990,000; got {_shown(raw)}",
            )
            return 0
        amount = int(raw.replace(",", ""))
        if amount <= 0:
            self.error(column, f"must be greater than zero; got {_shown(raw)}")
        elif amount > MAX_AMOUNT_JPY:
            self.error(column, f"too large to be a price in yen: {_shown(raw)}")
        return amount

    def page(self, column: str) -> int | None:
        raw = unicodedata.normalize("NFKC", self.values[column]).strip()
        if not raw:
            return None
        if not raw.isdigit() or not 0 < int(raw) <= 100_000:
            self.error(column, f"must be a page number or empty; got {_shown(raw)}")
            return None
        return int(raw)


def _shown(value: str) -> str:
    if not value:
        return "an empty value"
    return json.dumps(value if len(value) <= 60 else value[:57] + "...", ensure_ascii=False)


def _plausible_url(value: str) -> bool:
    if any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and "." in parts.netloc.strip(".")


Tick = Callable[[int], None]
TICK_EVERY = 1000


def _ticking(records: list[Record], tick: Tick | None) -> Iterator[Record]:
    """The records, calling `tick(n)` after every TICK_EVERY of them and at the end."""
    for start in range(0, len(records), TICK_EVERY):
        batch = records[start : start + TICK_EVERY]
        yield from batch
        if tick is not None:
            tick(len(batch))


def plan_rows(source: CsvFile, tick: Tick | None = None) -> list[PlanRow]:
    """The valid rows of a plans file; problems go to `source.log`."""
    rows: list[PlanRow] = []
    first_line: dict[str, int] = {}
    for record in _ticking(source.records, tick):
        f = _Fields(record, source.log)
        plan_id = f.text("plan_id", 40, required=True)
        if plan_id in first_line:
            f.error("plan_id", f"{plan_id} already appears on line {first_line[plan_id]}")
        elif plan_id:
            first_line[plan_id] = record.line
        row = PlanRow(
            file=source.name,
            line=record.line,
            plan_id=plan_id,
            document_code=f.text("document_code", 60),
            facility_id=f.text("facility_id", 40, required=True),
            facility_name=f.text("facility_name", 300, required=True),
            prefecture=f.text("prefecture", 20),
            region=f.text("region", 40),
            risk_class=f.choice("risk_class", RISK_CLASSES) or 0,
            title_ja=f.text("treatment_title", required=True),
            source_category=f.text("source_category", 80),
            document_url=f.url("document_url"),
            registry_list_url=f.url("registry_list_url"),
            extracted_on=f.text("extracted_on", 20),
        )
        if f.ok:
            rows.append(row)
    return rows


def price_rows(source: CsvFile, tick: Tick | None = None) -> list[PriceRow]:
    """The valid rows of a prices file; problems go to `source.log`."""
    rows: list[PriceRow] = []
    for record in _ticking(source.records, tick):
        f = _Fields(record, source.log)
        row = PriceRow(
            file=source.name,
            line=record.line,
            plan_id=f.text("plan_id", 40, required=True),
            amount_jpy=f.amount("amount_jpy"),
            tax=f.choice("tax", TAXES) or "",
            unit=f.text("unit", 100),
            extraction=f.choice("extraction", EXTRACTIONS, fold_case=True) or "",
            extraction_note=f.text("extraction_note", 300),
            products=f.text("products", 300),
            makers=f.text("makers", 300),
            document_page=f.page("document_page"),
            excerpt=f.text("excerpt"),
        )
        if f.ok:
            rows.append(row)
    return rows
