"""What counts as the public registry in figures about it.

The fictional demo clinics are shown (unless SHOW_DEMO=0) but never counted: every count,
date or price statistic presented as the registry's uses these querysets.
"""

from django.db.models import QuerySet

from .models import Facility, Plan


def registry_facilities() -> QuerySet[Facility]:
    """Facilities of the imported registry with a listed plan; never a demo clinic."""
    return Facility.objects.filter(listed=True, is_demo=False)


def registry_plans() -> QuerySet[Plan]:
    """Listed plans of the imported registry; never a demo clinic's."""
    return Plan.objects.filter(status=Plan.Status.LISTED, facility__is_demo=False)


def registry_as_of() -> str:
    """The newest extraction month of the registry's listed plans ("2026-09"), one query."""
    return (
        registry_plans().order_by("-extracted_on").values_list("extracted_on", flat=True).first()
        or ""
    )
