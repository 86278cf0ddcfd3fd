"""Account rules: patient preferences, listing claims and their moderation.

Every state change runs in a transaction and writes an audit entry.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from saisei.audit.services import record
from saisei.registry.models import Facility

from . import mail
from .errors import ClaimError
from .models import MODERATORS_GROUP, ClinicMembership, ListingClaim, PatientProfile

# Free-mail domains: a work e-mail there says nothing about the clinic.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "yahoo.co.jp",
        "yahoo.com",
        "outlook.com",
        "hotmail.com",
        "icloud.com",
        "docomo.ne.jp",
        "ezweb.ne.jp",
        "softbank.ne.jp",
        "qq.com",
        "163.com",
    }
)


DEMO_EMAIL_DOMAIN = "@saisei.localhost"


def is_demo_account(user: Any) -> bool:
    return str(getattr(user, "email", "")).lower().endswith(DEMO_EMAIL_DOMAIN)


def _refuse_demo_on_real(user: Any, facility: Facility) -> None:
    if is_demo_account(user) and not facility.is_demo:
        raise ClaimError(_("Demo accounts can only work for the fictional demo clinics."))


# Words in many clinics' names: a domain made of one says nothing about this clinic.
GENERIC_DOMAIN_WORDS = frozenset(
    {"clinic", "hospital", "medical", "health", "iryo", "byoin", "seikei", "info", "mail", "www"}
)


def patient_profile(user: Any, **defaults: Any) -> PatientProfile:
    """The user's profile, created with `defaults` (language, currency) if missing."""
    profile, _created = PatientProfile.objects.get_or_create(user=user, defaults=defaults)
    return profile


@transaction.atomic
def update_preferences(user: Any, *, preferred_language: str, currency: str) -> PatientProfile:
    profile = patient_profile(user)
    profile.preferred_language, profile.currency = preferred_language, currency
    profile.save()
    record("account.preferences_changed", profile, actor=user, language=preferred_language)
    return profile


@transaction.atomic
def make_moderator(user: Any, *, actor: Any = None, actor_label: str = "") -> None:
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    user.groups.add(group)
    record("account.moderator_added", user, actor=actor, actor_label=actor_label)


@transaction.atomic
def add_member(
    user: Any,
    facility: Facility,
    role: str = ClinicMembership.Role.STAFF,
    *,
    actor: Any = None,
    actor_label: str = "",
) -> ClinicMembership:
    _refuse_demo_on_real(user, facility)
    membership, created = ClinicMembership.objects.get_or_create(
        user=user, facility=facility, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    record(
        "clinic.member_added",
        membership,
        actor=actor,
        actor_label=actor_label,
        facility=facility.pk,
        role=role,
    )
    return membership


# Listing claims


@transaction.atomic
def request_claim(
    user: Any, facility: Facility, *, job_title: str, work_email: str, phone: str, message: str = ""
) -> ListingClaim:
    _refuse_demo_on_real(user, facility)
    if ClinicMembership.objects.filter(user=user, facility=facility).exists():
        raise ClaimError(_("You already manage this clinic's listing."))
    if ListingClaim.objects.filter(
        user=user, facility=facility, status=ListingClaim.Status.PENDING
    ).exists():
        raise ClaimError(
            _("You have already asked to claim this listing; a moderator will answer.")
        )
    try:
        with transaction.atomic():
            claim = ListingClaim.objects.create(
                facility=facility,
                user=user,
                job_title=job_title,
                work_email=work_email,
                phone=phone,
                message=message,
            )
    except IntegrityError:
        raise ClaimError(
            _("You have already asked to claim this listing; a moderator will answer.")
        ) from None
    record("claim.requested", claim, actor=user, facility=facility.pk)
    return claim


def claims_of(user: Any) -> QuerySet[ListingClaim]:
    return ListingClaim.objects.filter(user=user).select_related("facility")


def pending_claims() -> QuerySet[ListingClaim]:
    return ListingClaim.objects.filter(status=ListingClaim.Status.PENDING).select_related(
        "facility", "user"
    )


@dataclass
class ClaimEvidence:
    """What a moderator weighs: the claim, the registry facts, and the e-mail domain."""

    claim: ListingClaim
    domain: str
    free_mail: bool
    domain_matches: list[str]
    members: list[ClinicMembership]
    other_claims: list[ListingClaim]


def claim_evidence(claim: ListingClaim) -> ClaimEvidence:
    domain = claim.work_email_domain
    facility = claim.facility
    free_mail = domain in FREE_MAIL_DOMAINS
    matches = []
    stem = "" if free_mail else domain.split(".")[0]
    if stem in GENERIC_DOMAIN_WORDS:
        stem = ""
    for plan in facility.plans.all():
        host = (urlsplit(plan.document_url).hostname or "").lower()
        if not free_mail and host and (host == domain or host.endswith("." + domain)):
            matches.append(
                _("The domain appears in the address of plan %(plan)s's document.")
                % {"plan": plan.plan_id}
            )
    if stem and len(stem) >= 4 and stem in facility.search_text.lower():
        matches.append(
            _("The domain's name appears in the clinic's registered name or romanisation.")
        )
    approved_domains = {
        c.work_email_domain
        for c in facility.claims.filter(status=ListingClaim.Status.APPROVED).exclude(pk=claim.pk)
    }
    if domain in approved_domains:
        matches.append(_("An approved claim for this clinic used the same domain."))
    return ClaimEvidence(
        claim=claim,
        domain=domain,
        free_mail=free_mail,
        domain_matches=matches,
        members=list(facility.memberships.select_related("user")),
        other_claims=list(facility.claims.exclude(pk=claim.pk).select_related("user")),
    )


def _pending_for_update(claim_id: int) -> ListingClaim:
    claim = (
        ListingClaim.objects.select_for_update(of=("self",))
        .select_related("facility", "user")
        .get(pk=claim_id)
    )
    if claim.status != ListingClaim.Status.PENDING:
        raise ClaimError(_("This claim has already been decided."))
    if claim.user is None:
        raise ClaimError(_("The account that made this claim no longer exists."))
    return claim


def _claim_mail(claim: ListingClaim) -> None:
    assert claim.user is not None
    language = getattr(getattr(claim.user, "patient_profile", None), "preferred_language", None)
    mail.send_templated(
        "accounts/email/claim_decided",
        claim.user.email,
        {"claim": claim, "facility": claim.facility, "approved": claim.status == "approved"},
        language=language,
    )


@transaction.atomic
def approve_claim(claim_id: int, moderator: Any, reason: str = "") -> ListingClaim:
    claim = _pending_for_update(claim_id)
    assert claim.user is not None
    claim.status = ListingClaim.Status.APPROVED
    claim.decided_by, claim.decided_at, claim.reason = moderator, timezone.now(), reason
    claim.save()
    add_member(claim.user, claim.facility, ClinicMembership.Role.OWNER, actor=moderator)
    record("claim.approved", claim, actor=moderator, facility=claim.facility_id, reason=reason)
    _claim_mail(claim)
    return claim


@transaction.atomic
def reject_claim(claim_id: int, moderator: Any, reason: str) -> ListingClaim:
    if not reason.strip():
        raise ClaimError(_("Give the reason for rejecting the claim; the requester will read it."))
    claim = _pending_for_update(claim_id)
    claim.status = ListingClaim.Status.REJECTED
    claim.decided_by, claim.decided_at, claim.reason = moderator, timezone.now(), reason.strip()
    claim.save()
    record("claim.rejected", claim, actor=moderator, facility=claim.facility_id, reason=reason)
    _claim_mail(claim)
    return claim
