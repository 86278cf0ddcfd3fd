"""Treatments, their follow-up questionnaire occasions, and the answers given.

Only the patient sees their own answers; clinics and the public see aggregates of at least
`results.MIN_PATIENTS` patients.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from saisei.registry.models import Facility


class Treatment(models.Model):
    """One course of treatment (harvest, injection) of a patient at a clinic.

    `quote` is the accepted quote this treatment came from (quotes app), if any: accepting a
    quote plans the treatment (`saisei.quotes.services.accept_quote`). The column keeps the
    name of the earlier integer hook, `quote_id`.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Done, according to the clinic")
        CONFIRMED = "confirmed", _("Confirmed by the patient")
        DISPUTED = "disputed", _("Disputed: a moderator will look at it")

    class FollowUp(models.TextChoices):
        ACTIVE = "active", _("Taking part")
        STOPPED = "stopped", _("Stopped taking part")

    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outcome_treatments"
    )
    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="outcome_treatments"
    )
    package = models.ForeignKey(
        "clinics.Package", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    quote = models.OneToOneField(
        "quotes.Quote",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        db_column="quote_id",
        related_name="treatment",
        help_text="The accepted quote (quotes app), if any.",
    )
    harvest_date = models.DateField(_("harvest date"), null=True, blank=True)
    injection_date = models.DateField(_("injection date"), null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    disputed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    disputed_at = models.DateTimeField(null=True, blank=True)
    dispute_reason = models.TextField(blank=True)
    follow_up = models.CharField(
        max_length=10, choices=FollowUp.choices, default=FollowUp.ACTIVE, db_index=True
    )
    stopped_at = models.DateTimeField(null=True, blank=True)
    answers_may_stay = models.BooleanField(
        default=False, help_text="The patient agreed that their answers stay after they stop."
    )
    is_demo = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["facility", "status"])]

    def __str__(self) -> str:
        return f"Treatment {self.pk} at {self.facility_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.follow_up == self.FollowUp.ACTIVE


class Occasion(models.Model):
    """One time point's questionnaire for one treatment: what one answer link opens."""

    class Timepoint(models.TextChoices):
        BASELINE = "baseline", _("Before the injection")
        M1 = "m1", _("1 month after")
        M3 = "m3", _("3 months after")
        M6 = "m6", _("6 months after")
        M12 = "m12", _("12 months after")

    class Status(models.TextChoices):
        OPEN = "open", _("Not started")
        IN_PROGRESS = "in_progress", _("Started")
        COMPLETED = "completed", _("Answered")

    treatment = models.ForeignKey(Treatment, on_delete=models.CASCADE, related_name="occasions")
    timepoint = models.CharField(max_length=10, choices=Timepoint.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    pages_saved = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True, help_text="Local date of completion.")
    invited_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_contacted_at = models.DateTimeField(null=True, blank=True)
    scores = models.JSONField(
        default=dict, blank=True, help_text='{"instrument.subscale": score or null}'
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["treatment_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["treatment", "timepoint"], name="one_occasion_per_timepoint"
            )
        ]

    def __str__(self) -> str:
        return f"{self.timepoint} of treatment {self.treatment_id} ({self.status})"


class Answer(models.Model):
    """One item's answer. A skipped item has no row."""

    occasion = models.ForeignKey(Occasion, on_delete=models.CASCADE, related_name="answers")
    instrument = models.CharField(max_length=40)
    item = models.CharField(max_length=40)
    value = models.SmallIntegerField()
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["occasion_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["occasion", "instrument", "item"], name="one_answer_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument}.{self.item}={self.value}"
