"""Roles: a patient profile for every user, clinic memberships, and listing claims.

Moderators are the members of the Django group `MODERATORS_GROUP` (created by a migration).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saisei.registry.models import Facility

MODERATORS_GROUP = "moderators"


class PatientProfile(models.Model):
    """What a patient prefers; every account has one (created at sign-up or on first use)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="patient_profile"
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Profile of user {self.user_id}"


class ClinicMembership(models.Model):
    """A user who works for a clinic (facility), as its owner or as staff."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        STAFF = "staff", _("Staff")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinic_memberships"
    )
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.STAFF)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "facility"], name="unique_clinic_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.role} of {self.facility_id}"


class ListingClaim(models.Model):
    """A request by a signed-in user to manage a clinic's listing, decided by a moderator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a moderator")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="listing_claims",
    )
    job_title = models.CharField(_("your role at the clinic"), max_length=120)
    work_email = models.EmailField(_("work e-mail"))
    phone = models.CharField(_("work phone"), max_length=40)
    message = models.TextField(_("anything the moderator should know"), blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["facility", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_user_and_facility",
            )
        ]

    def __str__(self) -> str:
        return f"Claim {self.pk} on {self.facility_id} ({self.status})"

    @property
    def work_email_domain(self) -> str:
        return self.work_email.rpartition("@")[2].lower()
