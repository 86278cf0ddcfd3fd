"""What the accounts app holds about a user, for export and for deletion."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from saisei.audit.models import AuditEntry

from .models import ClinicMembership, ListingClaim, PatientProfile
from .privacy import PrivacyHandler, register


def export_account(user: Any) -> dict[str, Any]:
    profile = PatientProfile.objects.filter(user=user).first()
    return {
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "preferences": (
            {"preferred_language": profile.preferred_language, "currency": profile.currency}
            if profile
            else None
        ),
        "two_factor": [
            {"type": a.type, "created_at": a.created_at}
            for a in Authenticator.objects.filter(user=user)
        ],
        "clinic_memberships": [
            {"clinic": m.facility.name_ja, "role": m.role, "since": m.created}
            for m in ClinicMembership.objects.filter(user=user).select_related("facility")
        ],
        "listing_claims": [
            {
                "clinic": c.facility.name_ja,
                "job_title": c.job_title,
                "work_email": c.work_email,
                "phone": c.phone,
                "message": c.message,
                "status": c.status,
                "reason": c.reason,
                "created": c.created,
                "decided_at": c.decided_at,
            }
            for c in ListingClaim.objects.filter(user=user).select_related("facility")
        ],
        "activity": [
            {"at": e.created, "action": e.action}
            for e in AuditEntry.objects.filter(actor=user).order_by("created")
        ],
    }


def anonymise_account(user: Any) -> None:
    ListingClaim.objects.filter(user=user).update(
        user=None, job_title="", work_email="deleted@invalid", phone="", message=""
    )
    ClinicMembership.objects.filter(user=user).delete()
    PatientProfile.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.username = f"deleted-{user.pk}"
    user.email = ""
    user.first_name = user.last_name = ""
    user.is_active = False
    user.is_staff = user.is_superuser = False
    user.set_unusable_password()  # also ends the user's other sessions (hash changes)
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


register(PrivacyHandler("account", export=export_account, anonymise=anonymise_account))
