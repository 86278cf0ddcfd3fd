"""Reading the visa exemption table (a CSV file in the project) and storing it.

One row per nationality and passport type. Every problem of the file is collected with its
line number and reported together; then nothing is stored. Importing the same file twice
changes nothing; rows the file no longer has are deleted (the file is the whole table).
"""

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django_countries import countries

from saisei.audit.services import record

from .models import PassportType, VisaCondition, VisaRule

COLUMNS = (
    "nationality",
    "passport_type",
    "visa_free_days",
    "extendable_to_days",
    "conditions",
    "source_url",
    "as_of",
    "review_due",
    "note",
    "note_ja",
    "note_zh_hans",
)
REQUIRED = ("nationality", "visa_free_days", "source_url", "as_of", "review_due")
MAX_DAYS = 365


class VisaImportError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class VisaImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rows: list[dict] = field(default_factory=list)


def _days(text: str, name: str, where: str, problems: list[str]) -> int | None:
    try:
        value = int(text)
    except ValueError:
        problems.append(f"{where}: {name} {text!r} is not a whole number of days")
        return None
    if not 0 <= value <= MAX_DAYS:
        problems.append(f"{where}: {name} {value} is not between 0 and {MAX_DAYS}")
        return None
    return value


def _date(text: str, name: str, where: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"{where}: {name} {text!r} is not a date (YYYY-MM-DD)")
        return None


def _parse_row(row: dict[str, str], where: str, problems: list[str]) -> dict | None:
    before = len(problems)
    cells = {key: (row.get(key) or "").strip() for key in COLUMNS}
    for key in REQUIRED:
        if not cells[key]:
            problems.append(f"{where}: {key} is empty")
    if len(problems) > before:
        return None
    code = cells["nationality"].upper()
    if code not in dict(countries):
        problems.append(f"{where}: nationality {code!r} is not an ISO 3166 country code")
    passport = cells["passport_type"] or PassportType.ORDINARY
    if passport not in PassportType.values:
        problems.append(
            f"{where}: passport_type {passport!r} is not one of {', '.join(PassportType.values)}"
        )
    days = _days(cells["visa_free_days"], "visa_free_days", where, problems)
    extendable = None
    if cells["extendable_to_days"]:
        extendable = _days(cells["extendable_to_days"], "extendable_to_days", where, problems)
        if extendable is not None and days is not None and extendable <= days:
            problems.append(f"{where}: extendable_to_days must be more than visa_free_days")
    conditions = [c.strip() for c in cells["conditions"].split(";") if c.strip()]
    unknown = [c for c in conditions if c not in VisaCondition.values]
    if unknown:
        problems.append(
            f"{where}: unknown condition {', '.join(unknown)} "
            f"(known: {', '.join(VisaCondition.values)})"
        )
    try:
        URLValidator(schemes=["https", "http"])(cells["source_url"])
    except ValidationError:
        problems.append(f"{where}: source_url {cells['source_url']!r} is not a web address")
    as_of = _date(cells["as_of"], "as_of", where, problems)
    review_due = _date(cells["review_due"], "review_due", where, problems)
    if as_of and review_due and review_due < as_of:
        problems.append(f"{where}: review_due is before as_of")
    if len(problems) > before:
        return None
    digest = hashlib.sha256("\x1f".join(cells[key] for key in COLUMNS).encode()).hexdigest()
    return {
        "nationality": code,
        "passport_type": passport,
        "visa_free_days": days,
        "extendable_to_days": extendable,
        "conditions": conditions,
        "source_url": cells["source_url"],
        "as_of": as_of,
        "review_due": review_due,
        "note": cells["note"],
        "note_ja": cells["note_ja"],
        "note_zh_hans": cells["note_zh_hans"],
        "source_hash": digest,
    }


def parse_visa_file(path: Path) -> list[dict]:
    """The file's rows as field dicts, or a VisaImportError listing every problem."""
    problems: list[str] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or []]
            missing = [name for name in REQUIRED if name not in header]
            if missing:
                raise VisaImportError(
                    [f"{path}:1: missing column(s) {', '.join(missing)}; expected {COLUMNS}"]
                )
            reader.fieldnames = header
            rows: list[dict] = []
            seen: dict[tuple[str, str], int] = {}
            for row in reader:
                where = f"{path}:{reader.line_num}"
                if None in row:
                    problems.append(f"{where}: more cells than columns")
                    continue
                parsed = _parse_row(row, where, problems)
                if parsed is None:
                    continue
                key = (parsed["nationality"], parsed["passport_type"])
                if key in seen:
                    problems.append(f"{where}: {key[0]} {key[1]} repeats line {seen[key]}")
                    continue
                seen[key] = reader.line_num
                rows.append(parsed)
    except OSError as error:
        raise VisaImportError([f"{path}: cannot read the file ({error.strerror})"]) from error
    except UnicodeDecodeError as error:
        raise VisaImportError([f"{path}: not UTF-8 text"]) from error
    except csv.Error as error:
        raise VisaImportError([f"{path}: not a CSV file ({error})"]) from error
    if problems:
        raise VisaImportError(problems)
    if not rows:
        raise VisaImportError([f"{path}: no rows"])
    return rows


def store_visa_rules(rows: list[dict], *, source: str, actor_label: str) -> VisaImportSummary:
    """Make the table equal to `rows`, in one transaction, with one audit entry."""
    summary = VisaImportSummary(rows=rows)
    with transaction.atomic():
        existing = {(r.nationality, r.passport_type): r for r in VisaRule.objects.all()}
        for fields in rows:
            key = (fields["nationality"], fields["passport_type"])
            rule = existing.pop(key, None)
            if rule is None:
                VisaRule.objects.create(**fields)
                summary.created += 1
            elif rule.source_hash == fields["source_hash"]:
                summary.unchanged += 1
            else:
                for name, value in fields.items():
                    setattr(rule, name, value)
                rule.save()
                summary.updated += 1
        if existing:
            VisaRule.objects.filter(pk__in=[r.pk for r in existing.values()]).delete()
            summary.deleted = len(existing)
        if summary.created or summary.updated or summary.deleted:
            record(
                "journeys.visa_rules.imported",
                actor_label=actor_label,
                file=source,
                created=summary.created,
                updated=summary.updated,
                deleted=summary.deleted,
                unchanged=summary.unchanged,
            )
    return summary
