"""A saved plan's treatment from the patient's own accepted quote or from a clinic's package.

Only a signed-in patient's planner offers these (the anonymous planner is unchanged). A quote
is offered only to the patient who accepted it; a package only under its own clinic. Their
culture weeks, visits and price replace the generic figures, and the page names the source.
"""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from saisei.clinics.models import Package
from saisei.clinics.services import display_name
from saisei.quotes.models import Inclusion, Quote

from .services import JourneyError, Treatment, planner_facilities

QUOTE_PREFIX = "quote:"
PACKAGE_PREFIX = "package:"


def accepted_quotes(user: Any) -> QuerySet[Quote]:
    """The user's own accepted quotes, newest first (nobody else's, ever)."""
    if not getattr(user, "is_authenticated", False):
        return Quote.objects.none()
    return (
        Quote.objects.filter(status=Quote.Status.ACCEPTED, recipient__request__patient=user)
        .select_related("recipient__facility__profile", "recipient__request")
        .prefetch_related("items")
        .order_by("-sent_at")
    )


def clinic_packages(slug: str) -> QuerySet[Package]:
    return Package.objects.filter(
        facility__in=planner_facilities(), facility__slug=slug
    ).select_related("facility__profile")


def accepted_on(quote: Quote) -> Any:
    request = quote.recipient.request
    return (request.closed_at or quote.sent_at).date()


def source_choices(user: Any, slug: str) -> list[tuple[str, str]]:
    choices = []
    for quote in accepted_quotes(user):
        name = display_name(quote.recipient.facility)
        when = accepted_on(quote).isoformat()
        label = _("My accepted quote from %(clinic)s (%(date)s)") % {"clinic": name, "date": when}
        choices.append((f"{QUOTE_PREFIX}{quote.pk}", label))
    if slug:
        for package in clinic_packages(slug):
            label = _("The clinic's package: %(name)s") % {"name": package.name}
            choices.append((f"{PACKAGE_PREFIX}{package.pk}", label))
    return choices


def quote_total_jpy(quote: Quote) -> int:
    """The quote's line-item total: every included item (optional items are not counted)."""
    return sum(item.total_jpy for item in quote.items.all() if item.inclusion == Inclusion.INCLUDED)


def _weeks(weeks: int | None, field: str) -> tuple[int, int]:
    if not weeks:
        raise JourneyError(
            _(
                "This quote or package gives no culture weeks, so there is no culture period to "
                "plan around. Ask the clinic, or plan with the clinic's registered plans."
            ),
            field,
        )
    return (weeks, weeks)


def treatment_for(user: Any, value: str, slug: str) -> Treatment:
    """The Treatment for a `source` choice ("quote:<id>" or "package:<id>")."""
    if value.startswith(QUOTE_PREFIX):
        key = value.removeprefix(QUOTE_PREFIX)
        quote = next((q for q in accepted_quotes(user) if str(q.pk) == key), None)
        if quote is None:
            raise JourneyError(_("Choose one of your own accepted quotes."), "source")
        total = quote_total_jpy(quote)
        facility = quote.recipient.facility
        return Treatment(
            facility=facility,
            facility_name=display_name(facility),
            price_min_jpy=total,
            price_max_jpy=total,
            price_count=1,
            culture_weeks=_weeks(quote.culture_weeks, "source"),
            source="quote",
            source_name=display_name(facility),
            source_date=accepted_on(quote),
            visits=quote.visits,
            quote=quote,
        )
    if value.startswith(PACKAGE_PREFIX):
        key = value.removeprefix(PACKAGE_PREFIX)
        package = clinic_packages(slug).filter(pk=int(key) if key.isdigit() else 0).first()
        if package is None:
            raise JourneyError(_("Choose one of this clinic's packages."), "source")
        return Treatment(
            facility=package.facility,
            facility_name=display_name(package.facility),
            price_min_jpy=package.price_jpy,
            price_max_jpy=package.price_jpy,
            price_count=1,
            culture_weeks=_weeks(package.culture_weeks if package.cultured else None, "source"),
            source="package",
            source_name=package.name,
            source_date=package.updated.date(),
            visits=package.visits,
            package=package,
        )
    raise JourneyError(_("Choose a treatment from the list."), "source")
