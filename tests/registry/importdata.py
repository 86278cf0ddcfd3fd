"""Small CSV files for the import tests, built from real rows of the bundled extract."""

import csv
import io
from functools import cache
from pathlib import Path

from saisei.audit.models import AuditEntry
from saisei.registry.importer.reader import PLAN_COLUMNS, PRICE_COLUMNS
from saisei.registry.models import Facility, ImportRun, Plan, PricePoint

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "registry"
PLANS_CSV = DATA_DIR / "plans.csv"
PRICES_CSV = DATA_DIR / "prices.csv"

Row = dict[str, str]


@cache
def extract_rows(name: str) -> tuple[Row, ...]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def plans(*plan_ids: str) -> list[Row]:
    """Copies of the real plan rows with these ids, in the order given."""
    by_id = {row["plan_id"]: row for row in extract_rows("plans.csv")}
    return [dict(by_id[plan_id]) for plan_id in plan_ids]


def plans_of(facility_id: str) -> list[Row]:
    return [dict(row) for row in extract_rows("plans.csv") if row["facility_id"] == facility_id]


def prices(*plan_ids: str) -> list[Row]:
    """Copies of the real price rows of these plans, in file order."""
    wanted = set(plan_ids)
    return [dict(row) for row in extract_rows("prices.csv") if row["plan_id"] in wanted]


def csv_bytes(
    rows: list[Row],
    columns: tuple[str, ...] | list[str],
    *,
    encoding: str = "utf-8",
    newline: str = "\n",
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue().encode(encoding)


def write(path: Path, rows: list[Row], columns: tuple[str, ...] | list[str], **kw: str) -> Path:
    path.write_bytes(csv_bytes(rows, columns, **kw))
    return path


def write_plans(directory: Path, rows: list[Row], name: str = "plans.csv", **kw: str) -> Path:
    return write(directory / name, rows, PLAN_COLUMNS, **kw)


def write_prices(directory: Path, rows: list[Row], name: str = "prices.csv", **kw: str) -> Path:
    return write(directory / name, rows, PRICE_COLUMNS, **kw)


def snapshot() -> tuple[list, list, list, list, int]:
    """Everything the importer may write, to compare before and after."""
    return (
        list(Facility.objects.order_by("pk").values()),
        list(Plan.objects.order_by("pk").values()),
        list(PricePoint.objects.order_by("pk").values()),
        list(ImportRun.objects.order_by("pk").values()),
        AuditEntry.objects.count(),
    )
