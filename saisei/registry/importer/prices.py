"""Price points: one per distinct row of a plan, keyed by the hash of the row.

- A row identical in every field to an earlier row of the same plan is stored once (a
  warning says so): the unique (plan, row_key) constraint could not hold both.
- Within one plan, a row whose amount an earlier row already had is `is_repeat` (the same
  price found twice in one document): lists count it once.
- A plan that appears in an imported prices file gets exactly that file's rows as its listed
  prices; its earlier rows that are gone stay in the database with `listed=False`. Plans
  absent from the prices files keep their prices as they are.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from saisei.registry.models import PricePoint

from . import bulk
from .errors import RowWarning
from .naming import Names
from .rows import PriceRow


@dataclass
class PriceSync:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    no_longer_listed: int = 0
    merged: int = 0
    repeats: int = 0
    affected_plans: set[int] = field(default_factory=set)
    warnings: list[RowWarning] = field(default_factory=list)


@dataclass(slots=True)
class _Stored:
    pk: int
    listed: bool
    is_repeat: bool
    kind: str


def _stored_prices(plan_pks: set[int]) -> dict[int, dict[str, _Stored]]:
    """The stored prices of the given plans, by plan pk and row key (one query)."""
    stored: dict[int, dict[str, _Stored]] = defaultdict(dict)
    values = PricePoint.objects.values_list(
        "pk", "plan_id", "row_key", "listed", "is_repeat", "kind"
    )
    for pk, plan_pk, row_key, listed, is_repeat, kind in values.iterator(chunk_size=5000):
        if plan_pk in plan_pks:
            stored[plan_pk][row_key] = _Stored(pk, listed, is_repeat, kind)
    return stored


def _by_plan(
    rows: list[PriceRow], plan_keys: dict[str, tuple[int, int]], result: PriceSync
) -> dict[int, list[tuple[str, PriceRow]]]:
    """The rows of each plan with their keys, in file order, exact duplicates dropped."""
    grouped: dict[int, list[tuple[str, PriceRow]]] = defaultdict(list)
    first: dict[tuple[int, str], PriceRow] = {}
    for row in rows:
        plan_pk = plan_keys[row.plan_id][0]
        key = row.row_key()
        earlier = first.get((plan_pk, key))
        if earlier is not None:
            result.merged += 1
            where = f"{earlier.file} line {earlier.line}"
            if earlier.file == row.file:
                where = f"line {earlier.line}"
            result.warnings.append(
                RowWarning(row.file, row.line, None, f"repeats {where} exactly; stored once")
            )
            continue
        first[(plan_pk, key)] = row
        grouped[plan_pk].append((key, row))
    return grouped


def sync_prices(
    rows: list[PriceRow],
    plan_keys: dict[str, tuple[int, int]],
    names: Names,
    tick: Callable[[int], None] | None = None,
) -> PriceSync:
    """Bring the prices of every plan named in `rows` in line with those rows."""
    result = PriceSync()
    grouped = _by_plan(rows, plan_keys, result)
    stored = _stored_prices(set(grouped))
    created: list[PricePoint] = []
    changes: list[tuple[PricePoint, list[str]]] = []
    for plan_pk, plan_rows in grouped.items():
        old = stored.get(plan_pk, {})
        amounts: set[int] = set()
        for key, row in plan_rows:
            is_repeat = row.amount_jpy in amounts
            amounts.add(row.amount_jpy)
            result.repeats += is_repeat
            kind = names.price_kind(row.unit, row.excerpt, row.amount_jpy)
            previous = old.pop(key, None)
            if previous is None:
                created.append(_new_price(plan_pk, key, row, kind, is_repeat))
                result.affected_plans.add(plan_pk)
                continue
            wanted = {"listed": True, "is_repeat": is_repeat, "kind": kind}
            fields = [k for k, v in wanted.items() if getattr(previous, k) != v]
            if fields:
                changes.append((PricePoint(pk=previous.pk, plan_id=plan_pk, **wanted), fields))
                result.affected_plans.add(plan_pk)
            else:
                result.unchanged += 1
        for gone in old.values():
            if gone.listed:
                changes.append((PricePoint(pk=gone.pk, plan_id=plan_pk, listed=False), ["listed"]))
                result.affected_plans.add(plan_pk)
                result.no_longer_listed += 1
    bulk.create(PricePoint, created, tick=tick)
    bulk.update(PricePoint, changes)
    result.new = len(created)
    result.changed = len(changes) - result.no_longer_listed
    return result


def _new_price(plan_pk: int, key: str, row: PriceRow, kind: str, is_repeat: bool) -> PricePoint:
    return PricePoint(
        plan_id=plan_pk,
        row_key=key,
        amount_jpy=row.amount_jpy,
        tax=row.tax,
        unit=row.unit,
        extraction=row.extraction,
        extraction_note=row.extraction_note,
        kind=kind,
        products=row.products,
        makers=row.makers,
        document_page=row.document_page,
        excerpt=row.excerpt,
        is_repeat=is_repeat,
        listed=True,
    )
