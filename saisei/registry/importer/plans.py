"""Plans: created, updated when their row or their classification changed, and marked
no longer listed when a plans file (a full extract) leaves them out. Never deleted."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from saisei.registry.models import Facility, ImportRun, Plan

from . import bulk
from .naming import Names
from .rows import PlanRow

LISTED = Plan.Status.LISTED
NO_LONGER_LISTED = Plan.Status.NO_LONGER_LISTED


@dataclass
class PlanSync:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    no_longer_listed: int = 0
    relisted: int = 0
    #: plan_id -> (plan pk, facility pk), for every plan in the database after the sync
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: facilities whose plans were created, changed or unlisted
    affected: set[int] = field(default_factory=set)


def plan_ids_in_database() -> set[str]:
    return set(Plan.objects.values_list("plan_id", flat=True))


def _wanted(row: PlanRow, facility: Facility, names: Names) -> dict[str, Any]:
    c, _english = names.plan(row.title_ja, row.source_category)
    return {
        "facility_id": facility.pk,
        "document_code": row.document_code,
        "risk_class": row.risk_class,
        "title_ja": row.title_ja,
        "source_category": row.source_category,
        "modality": str(c.modality),
        "cultured": c.cultured,
        "intra_articular": c.intra_articular,
        "targets_joint": c.targets_joint,
        "document_url": row.document_url,
        "registry_list_url": row.registry_list_url,
        "extracted_on": row.extracted_on,
        "status": LISTED,
        "source_hash": row.source_hash(),
    }


def sync_plans(
    rows: list[PlanRow],
    facilities: dict[str, Facility],
    names: Names,
    run: ImportRun,
    now: datetime,
    tick: Callable[[int], None] | None = None,
) -> PlanSync:
    """Bring the plans in line with `rows`, a full extract when there are any rows.

    The classification is computed for every row (memoised), not only for changed rows, so a
    better classifier reaches the stored plans on the next import. `last_import` is the last
    run that changed the plan, so that an unchanged plan is not written at all.
    """
    result = PlanSync()
    existing = {plan.plan_id: plan for plan in Plan.objects.all()}
    created: list[Plan] = []
    changes: list[tuple[Plan, list[str]]] = []
    for row in rows:
        wanted = _wanted(row, facilities[row.facility_id], names)
        plan = existing.pop(row.plan_id, None)
        if plan is None:
            plan = Plan(plan_id=row.plan_id, first_import=run, last_import=run, **wanted)
            created.append(plan)
            result.affected.add(wanted["facility_id"])
            continue
        fields = [key for key, value in wanted.items() if getattr(plan, key) != value]
        if not fields:
            result.unchanged += 1
            result.keys[plan.plan_id] = (plan.pk, plan.facility_id)
            continue
        if plan.status != LISTED:
            result.relisted += 1
        result.affected.update({plan.facility_id, wanted["facility_id"]})
        for key in fields:
            setattr(plan, key, wanted[key])
        plan.last_import, plan.updated = run, now
        changes.append((plan, [*fields, "last_import", "updated"]))
        result.keys[plan.plan_id] = (plan.pk, plan.facility_id)
    if rows:  # a plans file is a full extract: the plans it leaves out are no longer listed
        demo = set(Facility.objects.filter(is_demo=True).values_list("pk", flat=True))
        for plan in existing.values():
            if plan.status == LISTED and plan.facility_id not in demo:
                plan.status, plan.last_import, plan.updated = NO_LONGER_LISTED, run, now
                changes.append((plan, ["status", "last_import", "updated"]))
                result.affected.add(plan.facility_id)
                result.no_longer_listed += 1
    for plan in existing.values():
        result.keys[plan.plan_id] = (plan.pk, plan.facility_id)
    bulk.create(Plan, created, key="plan_id", tick=tick)
    result.keys.update({plan.plan_id: (plan.pk, plan.facility_id) for plan in created})
    bulk.update(Plan, changes)
    result.new = len(created)
    result.changed = len(changes) - result.no_longer_listed
    return result
