"""E-mails about quotes: who gets which notice, in their language, with only a link.

No e-mail carries medical details (condition, grade, files, prices, message text): only what
happened and a link to the page, where the reader signs in.
"""

from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import translation

from saisei.accounts.mail import send_templated
from saisei.accounts.models import ClinicMembership, PatientProfile

if TYPE_CHECKING:
    from .models import QuoteRequest, Recipient

TEMPLATE = "quotes/email/notice"


def _language(user: Any) -> str:
    profile = PatientProfile.objects.filter(user=user).only("preferred_language").first()
    return profile.preferred_language if profile else "en"


def _send(user: Any, kind: str, url_name: str, args: list[Any], **context: Any) -> None:
    if not user or not user.email or not user.is_active:
        return
    language = _language(user)
    with translation.override(language):
        path = reverse(url_name, args=args)
    send_templated(TEMPLATE, user.email, {"kind": kind, "path": path, **context}, language)


def patient(request: "QuoteRequest", kind: str, **context: Any) -> None:
    """Tell the patient: new_quote, new_message, declined, expiry_reminder."""
    if request.patient is not None:
        _send(request.patient, kind, "quotes:request", [request.pk])


def clinic(recipient: "Recipient", kind: str) -> None:
    """Tell every member of the clinic: new_request, new_message, accepted, not_chosen..."""
    facility = recipient.facility
    members = ClinicMembership.objects.filter(facility=facility).select_related("user")
    for membership in members:
        _send(
            membership.user,
            kind,
            "quotes:inbox_detail",
            [facility.slug, recipient.pk],
            clinic_name=facility.name_romaji or facility.name_ja,
        )
