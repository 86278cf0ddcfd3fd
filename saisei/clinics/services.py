"""Directory rules: the clinic page's content, the compare tray and the comparison table."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from saisei.registry.models import EnforcementAction, Facility, Plan, PricePoint
from saisei.reviews.models import Review

from .models import ClinicPhoto, Doctor, Package, SpokenLanguage
from .search import visible_facilities

COMPARE_MIN = 2
COMPARE_MAX = 4
COMPARE_SESSION_KEY = "compare"


class CompareError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class PlanView:
    plan: Plan
    treatment_prices: list[PricePoint] = field(default_factory=list)
    other_prices: list[PricePoint] = field(default_factory=list)


def _with_plans() -> QuerySet[Facility]:
    """Facilities with their profile, plans and listed prices (two prefetch queries)."""
    prices = PricePoint.objects.filter(listed=True, is_repeat=False).order_by("amount_jpy", "pk")
    plans = Plan.objects.order_by("status", "-risk_class", "plan_id").prefetch_related(
        Prefetch("prices", queryset=prices)
    )
    facilities = Facility.objects.select_related("profile").prefetch_related(
        Prefetch("plans", queryset=plans)
    )
    if not settings.SAISEI_SHOW_DEMO:
        facilities = facilities.filter(is_demo=False)
    return facilities


def facility_queryset() -> QuerySet[Facility]:
    return _with_plans().prefetch_related("enforcement_actions", "languages")


def detail_queryset() -> QuerySet[Facility]:
    """For one clinic's page: optional lists are fetched only when the facility's own query
    says they have rows, so the page costs a few queries more only for what it shows."""
    of_facility = {"facility": OuterRef("pk")}
    return _with_plans().annotate(
        has_actions=Exists(EnforcementAction.objects.filter(**of_facility)),
        has_languages=Exists(SpokenLanguage.objects.filter(**of_facility)),
        has_doctors=Exists(Doctor.objects.filter(**of_facility)),
        has_photos=Exists(ClinicPhoto.objects.filter(**of_facility)),
        has_packages=Exists(Package.objects.filter(**of_facility)),
        has_reviews=Exists(Review.objects.filter(**of_facility)),
    )


def get_facility(slug: str) -> Facility:
    """The facility with its plans and prices, and flags saying which optional lists have rows
    (actions_of and languages_of fetch them)."""
    try:
        return detail_queryset().get(slug=slug)
    except Facility.DoesNotExist:
        raise Http404(_("No clinic has this address.")) from None


def plan_views(facility: Facility) -> list[PlanView]:
    views = []
    for plan in facility.plans.all():
        view = PlanView(plan)
        for price in plan.prices.all():
            if price.kind == PricePoint.Kind.TREATMENT:
                view.treatment_prices.append(price)
            else:
                view.other_prices.append(price)
        views.append(view)
    return views


def actions_of(facility: Facility) -> list[EnforcementAction]:
    if not getattr(facility, "has_actions", True):
        return []
    return list(facility.enforcement_actions.all())


def languages_of(facility: Facility) -> list[SpokenLanguage]:
    if not getattr(facility, "has_languages", True):
        return []
    return list(facility.languages.all())


def get_profile(facility: Facility):
    try:
        return facility.profile
    except Facility.profile.RelatedObjectDoesNotExist:
        return None


def display_name(facility: Facility) -> str:
    """The clinic's own English name once it has set one, else the romanised registry name."""
    profile = get_profile(facility)
    return (
        (profile and profile.localized("display_name")) or facility.name_romaji or facility.name_ja
    )


# The compare tray lives in the visitor's session: a list of facility slugs.


def compare_tray(session: SessionBase) -> list[str]:
    return list(session.get(COMPARE_SESSION_KEY, []))


def add_to_compare(session: SessionBase, slug: str) -> list[str]:
    tray = compare_tray(session)
    if slug in tray:
        return tray
    if not visible_facilities().filter(slug=slug).exists():
        raise CompareError(_("This clinic is not in the directory."))
    if len(tray) >= COMPARE_MAX:
        raise CompareError(
            _("You can compare up to %(max)d clinics. Remove one first.") % {"max": COMPARE_MAX}
        )
    tray.append(slug)
    session[COMPARE_SESSION_KEY] = tray
    return tray


def remove_from_compare(session: SessionBase, slug: str) -> list[str]:
    tray = [s for s in compare_tray(session) if s != slug]
    session[COMPARE_SESSION_KEY] = tray
    return tray


def facilities_to_compare(slugs: Iterable[str]) -> list[Facility]:
    """The facilities in the order asked, or a CompareError saying what is wrong."""
    wanted = list(dict.fromkeys(s for s in slugs if s))
    if len(wanted) < COMPARE_MIN:
        raise CompareError(_("Choose at least %(min)d clinics to compare.") % {"min": COMPARE_MIN})
    if len(wanted) > COMPARE_MAX:
        raise CompareError(
            _("You can compare up to %(max)d clinics at a time.") % {"max": COMPARE_MAX}
        )
    found = {f.slug: f for f in facility_queryset().filter(slug__in=wanted)}
    missing = [s for s in wanted if s not in found]
    if missing:
        raise CompareError(
            _("These clinics were not found: %(slugs)s.") % {"slugs": ", ".join(missing)}
        )
    return [found[s] for s in wanted]


@dataclass
class ClinicSummary:
    """What the compare table shows for one facility, all from already-fetched rows."""

    facility: Facility
    name: str
    plans: list[Plan]
    stem_cell_plans: int
    blood_plans: int
    cultured: bool
    joint: bool
    risk_classes: list[int]
    prices: list[PricePoint]
    unconfirmed_prices: int
    languages: list[str]
    actions: int
    as_of: str

    @property
    def shown_prices(self) -> list[PricePoint]:
        """The lowest prices; the clinic's page has them all, with their excerpts."""
        return self.prices[:COMPARE_PRICES_SHOWN]

    @property
    def more_prices(self) -> int:
        return max(0, len(self.prices) - COMPARE_PRICES_SHOWN)

    @property
    def highest_price(self) -> PricePoint | None:
        return self.prices[-1] if self.prices else None


COMPARE_PRICES_SHOWN = 5


def _distinct_prices(prices: Iterable[PricePoint]) -> list[PricePoint]:
    """One row per amount, unit and status: two plans of a clinic often share a document."""
    distinct: dict[tuple[int, str, bool], PricePoint] = {}
    for price in prices:
        distinct.setdefault((price.amount_jpy, price.unit, price.confirmed), price)
    return sorted(distinct.values(), key=lambda p: (p.amount_jpy, not p.confirmed, p.unit))


def summarise(facility: Facility) -> ClinicSummary:
    plans = [p for p in facility.plans.all() if p.status == Plan.Status.LISTED]
    prices = _distinct_prices(
        price
        for plan in plans
        for price in plan.prices.all()
        if price.kind == PricePoint.Kind.TREATMENT and price.listed
    )
    return ClinicSummary(
        facility=facility,
        name=display_name(facility),
        plans=plans,
        stem_cell_plans=sum(p.is_stem_cell for p in plans),
        blood_plans=sum(not p.is_stem_cell and p.modality != "other" for p in plans),
        cultured=any(p.cultured for p in plans),
        joint=any(p.targets_joint for p in plans),
        risk_classes=sorted({p.risk_class for p in plans}),
        prices=prices,
        unconfirmed_prices=sum(not p.confirmed for p in prices),
        languages=[lang.get_language_display() for lang in facility.languages.all()],
        actions=len(facility.enforcement_actions.all()),
        as_of=max((p.extracted_on for p in plans), default=""),
    )
