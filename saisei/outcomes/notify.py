"""E-mails of the outcomes app, queued as tasks through saisei.accounts.mail."""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from saisei.accounts.mail import send_templated
from saisei.accounts.services import patient_profile

from . import clock, links
from .models import Occasion, Treatment
from .schedule import window


def _language(user: Any) -> str:
    return patient_profile(user).preferred_language or "en"


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _clinic_name(treatment: Treatment) -> str:
    return treatment.facility.name_romaji or treatment.facility.name_ja


def _occasion_mail(template: str, occasion: Occasion) -> None:
    treatment = occasion.treatment
    patient = treatment.patient
    if not patient.email:
        return
    language = _language(patient)
    closes = (
        window(occasion.timepoint, treatment.injection_date).closes
        if treatment.injection_date
        else None
    )
    with translation.override(language):
        context = {
            "timepoint": occasion.get_timepoint_display(),
            "clinic": _clinic_name(treatment),
            "answer_url": _absolute(links.answer_url(occasion.pk)),
            "stop_url": _absolute(links.stop_url(treatment.pk)),
            "link_days": settings.SAISEI_OUTCOMES_LINK_DAYS,
            "closes": closes,
            "reminder": occasion.reminders_sent,
        }
        send_templated(f"outcomes/email/{template}", patient.email, context, language=language)


def invite(occasion: Occasion) -> None:
    """The first e-mail for an occasion; stamps the time so the job does not send it again."""
    _occasion_mail("invitation", occasion)
    now = clock.now()
    Occasion.objects.filter(pk=occasion.pk).update(invited_at=now, last_contacted_at=now)
    occasion.invited_at = occasion.last_contacted_at = now


def remind(occasion: Occasion) -> None:
    _occasion_mail("reminder", occasion)


def ask_to_confirm(treatment: Treatment) -> None:
    patient = treatment.patient
    if not patient.email or treatment.is_demo:
        return
    language = _language(patient)
    with translation.override(language):
        context = {
            "clinic": _clinic_name(treatment),
            "injection_date": treatment.injection_date,
            "harvest_date": treatment.harvest_date,
            "url": _absolute(reverse("outcomes:mine")),
        }
        send_templated("outcomes/email/confirm", patient.email, context, language=language)


def dispute_to_moderators(treatment: Treatment, emails: list[str]) -> None:
    for email in emails:
        context = {
            "treatment": treatment.pk,
            "clinic": _clinic_name(treatment),
            "url": _absolute(reverse("outcomes:disputes")),
        }
        send_templated("outcomes/email/dispute", email, context, language="en")
