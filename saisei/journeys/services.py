"""Journey rules: the treatment a plan is built on, the whole plan, and the visa table import.

The planner reads and computes; it saves nothing (the anonymous planner's state is its URL).
The only state change here is `import_visa_rules`, which runs in one transaction and writes
an audit entry.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from statistics import median
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from saisei.clinics.search import visible_facilities
from saisei.clinics.services import display_name
from saisei.lib.currency import RateTable
from saisei.registry.models import STEM_CELL_MODALITIES, Facility, Plan, PricePoint
from saisei.registry.stats import registry_facilities

from . import closures
from .costs import CostOption, Estimate, cost_option
from .schedule import DEFAULT_CULTURE_WEEKS, Event, Schedule, ScheduleInput, build_schedule
from .visa import VisaAssessment, assess, find_rule
from .visa_import import VisaImportSummary, parse_visa_file, store_visa_rules


class JourneyError(Exception):
    """A choice the planner cannot plan with; `message` is translated, `field` names the input."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def import_visa_rules(path: Path, *, actor_label: str) -> VisaImportSummary:
    """Load the visa exemption table from `path` (all or nothing, idempotent, audited)."""
    return store_visa_rules(parse_visa_file(path), source=str(path), actor_label=actor_label)


# --- the treatment ---------------------------------------------------------------------------


@dataclass
class Treatment:
    """What the journey is built around: the generic template or a clinic's registered plans."""

    facility: Facility | None = None
    facility_name: str = ""
    plans: list[Plan] = field(default_factory=list)
    price_min_jpy: int | None = None
    price_max_jpy: int | None = None
    price_median_jpy: int | None = None
    price_count: int = 0
    unconfirmed_prices: int = 0
    prices_as_of: str = ""
    culture_weeks: tuple[int, int] = DEFAULT_CULTURE_WEEKS
    culture_stated: bool | None = True
    # A saved plan's own source (see sources.py): "quote" or "package", its name and date.
    source: str = ""
    source_name: str = ""
    source_date: date | None = None
    visits: int | None = None
    quote: Any = None
    package: Any = None

    @property
    def is_generic(self) -> bool:
        return self.facility is None


def planner_facilities() -> QuerySet[Facility]:
    """Clinics a journey can be planned with: listed, with a stem cell plan."""
    return (
        visible_facilities()
        .filter(has_stem_cells=True)
        .select_related("profile")
        .order_by("name_romaji", "pk")
    )


def facility_choices() -> list[tuple[str, str]]:
    return [
        (f.slug, f"{display_name(f)} ({f.prefecture})" if f.prefecture else display_name(f))
        for f in planner_facilities()
    ]


def _treatment_prices() -> QuerySet[PricePoint]:
    return PricePoint.objects.filter(
        kind=PricePoint.Kind.TREATMENT, listed=True, is_repeat=False
    ).order_by("amount_jpy", "pk")


def generic_treatment() -> Treatment:
    """The generic template, priced by every published price of a registered, listed,
    culture-expanded stem cell plan in the directory (lowest, median, highest), in one query."""
    prices = _treatment_prices().filter(
        extraction=PricePoint.Extraction.AUTO,
        plan__status=Plan.Status.LISTED,
        plan__cultured=True,
        plan__modality__in=STEM_CELL_MODALITIES,
        plan__facility__in=registry_facilities(),  # never the fictional demo clinics' prices
    )
    rows = list(prices.values_list("amount_jpy", "plan__extracted_on"))
    amounts = sorted(amount for amount, _ in rows)
    return Treatment(
        price_min_jpy=amounts[0] if amounts else None,
        price_max_jpy=amounts[-1] if amounts else None,
        price_median_jpy=int(median(amounts)) if amounts else None,
        price_count=len(amounts),
        prices_as_of=max((as_of for _, as_of in rows), default=""),
    )


def clinic_treatment(slug: str, plan_id: str = "") -> Treatment:
    """The clinic's registered culture-expanded stem cell plans (or the one chosen), priced by
    what their documents publish. JourneyError when there is nothing with a culture period."""
    plans_qs = Plan.objects.filter(
        status=Plan.Status.LISTED, modality__in=STEM_CELL_MODALITIES
    ).prefetch_related(Prefetch("prices", queryset=_treatment_prices()))
    facility = (
        planner_facilities()
        .prefetch_related(Prefetch("plans", queryset=plans_qs.order_by("plan_id")))
        .filter(slug=slug)
        .first()
    )
    if facility is None:
        raise JourneyError(_("This clinic is not in the directory."), "clinic")
    plans = list(facility.plans.all())
    if plan_id:
        chosen = [p for p in plans if p.plan_id == plan_id]
        if not chosen:
            raise JourneyError(
                _("This clinic has no listed stem cell plan with this number."), "plan"
            )
        if chosen[0].cultured is False:
            raise JourneyError(
                _(
                    "This plan does not culture the cells (for example same-day fat cells), so "
                    "it has no culture weeks and no second visit to plan. Choose a "
                    "culture-expanded plan or the generic template."
                ),
                "plan",
            )
        plans = chosen
    else:
        cultured = [p for p in plans if p.cultured]
        unstated = [p for p in plans if p.cultured is None]
        plans = cultured or unstated
        if not plans:
            raise JourneyError(
                _(
                    "None of this clinic's registered plans cultures the cells, so there are no "
                    "culture weeks to plan around. Choose another clinic or the generic template."
                ),
                "clinic",
            )
    prices = [price for plan in plans for price in plan.prices.all()]
    return Treatment(
        facility=facility,
        facility_name=display_name(facility),
        plans=plans,
        price_min_jpy=min((p.amount_jpy for p in prices), default=None),
        price_max_jpy=max((p.amount_jpy for p in prices), default=None),
        price_median_jpy=int(median(p.amount_jpy for p in prices)) if prices else None,
        price_count=len(prices),
        unconfirmed_prices=sum(not p.confirmed for p in prices),
        prices_as_of=max((p.extracted_on for p in plans), default=""),
        culture_stated=True if all(p.cultured for p in plans) else None,
    )


def plan_choices(slug: str) -> list[tuple[str, str]]:
    plans = Plan.objects.filter(
        facility__slug=slug, status=Plan.Status.LISTED, modality__in=STEM_CELL_MODALITIES
    ).order_by("plan_id")
    return [(p.plan_id, f"{p.english_name} · {p.plan_id}") for p in plans]


# --- the journey -----------------------------------------------------------------------------


@dataclass(frozen=True)
class JourneyRequest:
    """The planner's cleaned inputs (see forms.JourneyForm)."""

    nationality: str
    passport_type: str
    home: str
    start: date
    latest_return: date | None
    companion: bool
    stay_through: bool
    extra_nights_1: int
    extra_nights_2: int
    culture_weeks: tuple[int, int] | None
    rest_48h: bool
    currency: str
    flight: Estimate
    lodging: Estimate
    daily: Estimate


@dataclass
class Journey:
    request: JourneyRequest
    treatment: Treatment
    schedule: Schedule
    visa: VisaAssessment
    options: dict[str, CostOption]
    other_visa: VisaAssessment
    currency: str
    rates: RateTable
    visa_apply_by: date | None

    @property
    def visa_apply_date_passed(self) -> bool:
        return self.visa_apply_by is not None and self.visa_apply_by < today_in_japan()

    @property
    def misses_latest_return(self) -> bool:
        limit = self.request.latest_return
        return limit is not None and self.schedule.latest_home_on > limit

    @property
    def chosen(self) -> CostOption:
        return self.options["stay_through" if self.schedule.stay_through else "two_trips"]

    @property
    def events(self) -> list[Event]:
        return self.schedule.events


def _schedule(req: JourneyRequest, treatment: Treatment, stay_through: bool) -> Schedule:
    low, high = req.culture_weeks or treatment.culture_weeks
    inputs = ScheduleInput(
        start=req.start,
        culture_min_weeks=low,
        culture_max_weeks=high,
        extra_nights_1=req.extra_nights_1,
        extra_nights_2=req.extra_nights_2,
        rest_48h=req.rest_48h,
        stay_through=stay_through,
    )
    return build_schedule(inputs, closures.closed_check(treatment.facility))


def build_journey(req: JourneyRequest, treatment: Treatment, rates: RateTable) -> Journey:
    """The dated plan, its visa check and its costs, both ways (two trips / stay through).

    JourneyError when the inputs cannot make two separate trips."""
    schedules = {
        "two_trips": _schedule(req, treatment, False),
        "stay_through": _schedule(req, treatment, True),
    }
    if schedules["two_trips"].trips_overlap and not req.stay_through:
        raise JourneyError(
            _(
                "With these extra nights, visit 1 runs into visit 2. Choose fewer extra nights, "
                "or stay in Japan through the culture period."
            ),
            "extra_nights_1",
        )
    rule = find_rule(req.nationality, req.passport_type)
    visas = {
        key: assess(
            req.nationality, req.passport_type, s.stays, s.latest_stays, req.companion, rule
        )
        for key, s in schedules.items()
    }
    options = {
        key: cost_option(
            key,
            s.latest_stays,
            req.companion,
            req.flight,
            req.lodging,
            req.daily,
            treatment.price_min_jpy,
            treatment.price_max_jpy,
        )
        for key, s in schedules.items()
    }
    chosen = "stay_through" if req.stay_through else "two_trips"
    other = "two_trips" if req.stay_through else "stay_through"
    schedule = schedules[chosen]
    visa = visas[chosen]
    apply_by = visa.apply_by(schedule.first_day)
    if apply_by is not None:
        schedule.events.insert(0, Event("visa-apply", "visa_apply", apply_by, apply_by))
    return Journey(
        request=req,
        treatment=treatment,
        schedule=schedule,
        visa=visa,
        options=options,
        other_visa=visas[other],
        currency=req.currency,
        rates=rates,
        visa_apply_by=apply_by,
    )


def today_in_japan() -> date:
    from django.utils import timezone

    return timezone.localdate()


def last_start_day() -> date:
    return today_in_japan() + timedelta(days=730)
