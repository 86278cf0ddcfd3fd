"""E-mails of the reviews app, queued in the outbox through saisei.accounts.mail."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from saisei.accounts.mail import send_templated
from saisei.accounts.services import patient_profile
from saisei.outcomes.models import Treatment


def invite(treatment: Treatment) -> None:
    """The invitation to review (no medical detail, only the clinic's name and a link)."""
    patient = treatment.patient
    if not patient.email:
        return
    language = patient_profile(patient).preferred_language or "en"
    with translation.override(language):
        context = {
            "clinic": treatment.facility.name_romaji or treatment.facility.name_ja,
            "url": settings.SITE_URL + reverse("reviews:write", args=[treatment.pk]),
            "rules_url": settings.SITE_URL + reverse("reviews:rules"),
        }
        send_templated("reviews/email/invitation", patient.email, context, language=language)
