"""Keep allauth's session records and the patient profile in step with what users do."""

from typing import Any

from allauth.account.internal.flows.login import record_authentication
from allauth.account.signals import user_signed_up
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver

from saisei.audit.services import record
from saisei.lib.middleware import get_currency

from .models import PatientProfile


@receiver(user_signed_up)
def create_patient_profile(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    defaults = {"preferred_language": "en"}
    if request is not None:
        defaults = {
            "preferred_language": getattr(request, "LANGUAGE_CODE", "") or "en",
            "currency": get_currency(request),
        }
    PatientProfile.objects.get_or_create(user=user, defaults=defaults)
    record("account.signed_up", user, actor=user)


@receiver(authenticator_added)
def count_new_totp_as_passed(
    sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any
) -> None:
    """Activating TOTP needs a valid code: it proves the second factor for this session."""
    if request is not None:
        record_authentication(
            request, user, "mfa", type=authenticator.type, id=authenticator.pk, activated=True
        )
    record("account.mfa_added", user, actor=user, type=authenticator.type)
