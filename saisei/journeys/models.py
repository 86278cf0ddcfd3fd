"""Visa rules (data, loaded by `import_visa_rules`), saved journeys and their reminders.

The anonymous planner keeps all of its state in the URL and saves nothing. A signed-in
patient's saved plan (`JourneyPlan`) stores exactly the planner's query parameters (see
`forms.JourneyForm.params`), optionally tied to one of their accepted quotes or a clinic's
package, and has cancellable e-mail reminders (`Reminder`) for its dated events (each event
has a stable `key`). Only `saved.py` writes them.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PassportType(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary passport")
    NON_IC = "non_ic", _("Ordinary passport without an IC chip")
    OFFICIAL = "official", _("Diplomatic, official or other travel document")


class VisaCondition(models.TextChoices):
    """Conditions a visa exemption row may carry (codes in the data file, text here)."""

    IC_PASSPORT = "ic_passport", _("Only with an IC (chip) passport that meets ICAO standards.")
    E_PASSPORT_REGISTRATION = (
        "e_passport_registration",
        _(
            "The e-passport must be registered in advance with a Japanese embassy or "
            "consulate (visa waiver registration)."
        ),
    )
    EXTENSION_TO_6_MONTHS = (
        "extension_to_6_months",
        _(
            "The stay can be extended to up to 6 months by applying to the Immigration "
            "Services Agency in Japan before the first 90 days end."
        ),
    )
    HKSAR_OR_BNO = (
        "hksar_or_bno",
        _("For holders of a Hong Kong SAR or British National (Overseas) passport."),
    )
    TAIWAN_ID_NUMBER = (
        "taiwan_id_number",
        _("For holders of a passport that shows the personal identification number."),
    )


class VisaRule(models.Model):
    """How long a national may stay in Japan without a visa (0: a visa is needed)."""

    nationality = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code")
    passport_type = models.CharField(
        max_length=20, choices=PassportType.choices, default=PassportType.ORDINARY
    )
    visa_free_days = models.PositiveSmallIntegerField(
        help_text="Longest visa-free stay in days; 0 when a visa is needed."
    )
    extendable_to_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Longest stay after an extension applied for in Japan."
    )
    conditions = models.JSONField(default=list, blank=True, help_text="VisaCondition codes")
    source_url = models.URLField(max_length=500)
    as_of = models.DateField(help_text="When the row was checked against its source.")
    review_due = models.DateField(help_text="When staff must check the source again.")
    note = models.TextField(blank=True)
    note_ja = models.TextField(blank=True)
    note_zh_hans = models.TextField(blank=True)
    source_hash = models.CharField(max_length=64, help_text="Hash of the imported row")
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["nationality", "passport_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["nationality", "passport_type"], name="unique_visa_rule"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nationality} ({self.passport_type}): {self.visa_free_days} days"

    @property
    def needs_visa(self) -> bool:
        return self.visa_free_days == 0

    def review_overdue(self, today: date) -> bool:
        return self.review_due <= today

    def condition_texts(self) -> list[str]:
        labels = dict(VisaCondition.choices)
        return [str(labels[code]) for code in self.conditions if code in labels]

    def note_for(self, language: str) -> str:
        localised = {"ja": self.note_ja, "zh-hans": self.note_zh_hans}.get(language, "")
        return localised or self.note


class JourneyPlan(models.Model):
    """A signed-in patient's saved journey. Never written by the anonymous planner."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journey_plans"
    )
    params = models.JSONField(help_text="The planner's cleaned query parameters")
    facility = models.ForeignKey(
        "registry.Facility", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    quote = models.ForeignKey(
        "quotes.Quote", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    package = models.ForeignKey(
        "clinics.Package", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    archived = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return self.title or f"Journey plan {self.pk}"


class Reminder(models.Model):
    """One e-mail reminder for one event of a saved plan; cancelling keeps the row."""

    class Kind(models.TextChoices):
        VISA_APPLICATION = "visa_application", _("Visa application")
        VISIT = "visit", _("Visit")
        FOLLOW_UP = "follow_up", _("Follow-up")

    plan = models.ForeignKey(JourneyPlan, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    event_key = models.CharField(max_length=60, help_text="The timeline event's stable key")
    event_on = models.DateField(null=True, help_text="The day of the event reminded of")
    send_at = models.DateTimeField()
    task_id = models.CharField(max_length=64, blank=True, help_text="The enqueued task's id")
    sent_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["send_at"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "event_key"], name="unique_reminder_event")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.event_key} at {self.send_at:%Y-%m-%d}"
