"""`import_registry`: read, validate and save registry extracts, all or nothing."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from saisei.audit.services import record
from saisei.registry.models import ImportRun

from . import rows as rowmod
from .errors import ImportFailed, RowError, RowWarning
from .facilities import gather, sync_facilities
from .naming import Names
from .plans import plan_ids_in_database, sync_plans
from .prices import sync_prices
from .reader import CsvFile, FileKind, read_file
from .rows import PlanRow, PriceRow
from .summary import refresh_facilities

#: PostgreSQL advisory lock taken for the whole import, so that two imports run one after the
#: other (SQLite's write transactions already do). Any constant unique to this use will do.
IMPORT_LOCK_ID = 7_345_201

#: progress(stage, done, total): stage "read" counts rows validated, "save" rows written.
Progress = Callable[[str, int, int], None]

COUNT_KEYS = (
    "plans_new",
    "plans_changed",
    "plans_unchanged",
    "plans_no_longer_listed",
    "plans_relisted",
    "facilities_new",
    "facilities_changed",
    "facilities_unchanged",
    "prices_new",
    "prices_changed",
    "prices_unchanged",
    "prices_no_longer_listed",
    "prices_merged",
    "prices_repeats",
    "warnings",
)


@dataclass
class ImportReport:
    """What one import did: `counts` has every key of COUNT_KEYS."""

    run_id: int
    files: list[dict[str, Any]]
    counts: dict[str, int]
    warnings: list[RowWarning] = field(default_factory=list)


class _Meter:
    """Reports progress for one stage; tolerant of a missing callback."""

    def __init__(self, callback: Progress | None, stage: str, total: int) -> None:
        self.callback, self.stage, self.total, self.done = callback, stage, total, 0

    def tick(self, n: int) -> None:
        self.to(self.done + n)

    def to(self, done: int) -> None:
        self.done = min(max(done, self.done), self.total)
        if self.callback is not None:
            self.callback(self.stage, self.done, self.total)


@dataclass
class _Parsed:
    sources: list[CsvFile]
    plans: list[PlanRow]
    prices: list[PriceRow]
    warnings: list[RowWarning]


def _parse(paths: Sequence[Path], progress: Progress | None) -> _Parsed:
    """Read and validate every file; raise ImportFailed listing the errors of all of them."""
    sources = [read_file(Path(path)) for path in paths]
    meter = _Meter(progress, "read", sum(len(source.records) for source in sources))
    plans: list[PlanRow] = []
    prices: list[PriceRow] = []
    plan_files: dict[str, PlanRow] = {}
    for source in sources:
        if source.kind == FileKind.PLANS:
            for row in rowmod.plan_rows(source, meter.tick):
                earlier = plan_files.get(row.plan_id)
                if earlier is not None:
                    source.log.add(
                        row.line,
                        "plan_id",
                        f"{row.plan_id} is also in {earlier.file} on line {earlier.line}",
                    )
                    continue
                plan_files[row.plan_id] = row
                plans.append(row)
        elif source.kind == FileKind.PRICES:
            prices.extend(rowmod.price_rows(source, meter.tick))
    _raise_if_errors(sources)
    warnings = [warning for source in sources for warning in source.warnings]
    for source in sources:
        if source.kind == FileKind.PLANS and not source.records:
            message = "the file has no plans, so it does not mark any plan no longer listed"
            warnings.append(RowWarning(source.name, None, None, message))
    return _Parsed(sources, plans, prices, warnings)


def _raise_if_errors(sources: list[CsvFile]) -> None:
    errors: list[RowError] = [error for source in sources for error in source.log.collected()]
    if errors:
        raise ImportFailed(errors)


def _check_price_plans(parsed: _Parsed) -> None:
    """A price must name a plan in the database or in this import's plans files."""
    if not parsed.prices:
        return
    known = plan_ids_in_database() | {row.plan_id for row in parsed.plans}
    logs = {source.name: source.log for source in parsed.sources}
    for row in parsed.prices:
        if row.plan_id not in known:
            logs[row.file].add(
                row.line,
                "plan_id",
                f"no plan {row.plan_id} in the database or in the plans files of this import",
            )
    _raise_if_errors(parsed.sources)


def _file_summary(source: CsvFile) -> dict[str, Any]:
    return {
        "name": source.name,
        "kind": str(source.kind),
        "rows": len(source.records),
        "encoding": source.encoding,
        "sha256": source.sha256,
    }


def import_registry(
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    actor_label: str = "import_registry",
) -> ImportReport:
    """Import plans and prices files in one transaction; on any error, import nothing.

    Raises ImportFailed with every error found (up to MAX_ERRORS_PER_FILE per file).
    """
    parsed = _parse(paths, progress)
    names = Names()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK_ID])
        _check_price_plans(parsed)
        now = timezone.now()
        files = [_file_summary(source) for source in parsed.sources]
        run = ImportRun.objects.create(files=files)
        meter = _Meter(progress, "save", len(parsed.plans) + len(parsed.prices))
        seen, facility_warnings = gather(parsed.plans)
        facilities = sync_facilities(seen, names, now)
        plans = sync_plans(parsed.plans, facilities.by_external_id, names, run, now, meter.tick)
        meter.to(len(parsed.plans))
        prices = sync_prices(parsed.prices, plans.keys, names, meter.tick)
        meter.to(meter.total)
        facility_of_plan = {pk: facility_pk for pk, facility_pk in plans.keys.values()}
        affected = (
            facilities.new
            | facilities.changed
            | plans.affected
            | {facility_of_plan[pk] for pk in prices.affected_plans}
        )
        by_pk = {facility.pk: facility for facility in facilities.by_external_id.values()}
        refreshed = refresh_facilities(
            [by_pk[pk] for pk in affected], names, now, new=facilities.new
        )
        warnings = [*parsed.warnings, *facility_warnings, *prices.warnings]
        changed = facilities.changed | refreshed
        seen_pks = {facilities.by_external_id[external_id].pk for external_id in seen}
        counts = {
            "plans_new": plans.new,
            "plans_changed": plans.changed,
            "plans_unchanged": plans.unchanged,
            "plans_no_longer_listed": plans.no_longer_listed,
            "plans_relisted": plans.relisted,
            "facilities_new": len(facilities.new),
            "facilities_changed": len(changed),
            "facilities_unchanged": len(seen_pks - facilities.new - changed),
            "prices_new": prices.new,
            "prices_changed": prices.changed,
            "prices_unchanged": prices.unchanged,
            "prices_no_longer_listed": prices.no_longer_listed,
            "prices_merged": prices.merged,
            "prices_repeats": prices.repeats,
            "warnings": len(warnings),
        }
        run.finished = timezone.now()
        run.counts = counts
        run.save(update_fields=["finished", "counts"])
        record(
            "registry.import",
            run,
            actor_label=actor_label,
            files=[source["name"] for source in files],
            **counts,
        )
    _refresh_planner_statistics()
    return ImportReport(run_id=run.pk, files=files, counts=counts, warnings=warnings)


def _refresh_planner_statistics() -> None:
    """After a bulk import PostgreSQL's row estimates are stale and its visibility map unset
    until autovacuum runs: the directory's counts then read the whole table instead of an
    index (measured on x100 data: 14 ms instead of 0.4 ms). VACUUM needs autocommit."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    tables = ["registry_facility", "registry_plan", "registry_pricepoint"]
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) " + ", ".join(tables))
