"""Reviews of a clinic by patients with a confirmed treatment there, clinics' replies, reports.

A review is about the experience (communication, honesty of the final price compared with the
quote, facilities, interpreter, aftercare), never about whether the treatment worked: that is
what the outcomes questionnaires measure. Every review is published unless a moderator removes
it for breaking the content rules; the reason is then shown in place of its text.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from saisei.outcomes.models import Treatment
from saisei.registry.models import Facility

RATING = [MinValueValidator(1), MaxValueValidator(5)]
TEXT_MAX = 2000


class Aspect(models.TextChoices):
    COMMUNICATION = "communication", _("Communication")
    PRICE_HONESTY = "price_honesty", _("Honesty of the final price compared with the quote")
    FACILITIES = "facilities", _("Facilities")
    INTERPRETER = "interpreter", _("Interpreter")
    AFTERCARE = "aftercare", _("Aftercare")


# The aspect a patient may leave out (not everyone needs an interpreter).
OPTIONAL_ASPECTS = {Aspect.INTERPRETER}


def _rating(aspect: Aspect) -> models.PositiveSmallIntegerField:
    optional = aspect in OPTIONAL_ASPECTS
    return models.PositiveSmallIntegerField(
        aspect.label, validators=RATING, null=optional, blank=optional
    )


def _text(aspect: Aspect) -> models.TextField:
    return models.TextField(aspect.label, max_length=TEXT_MAX, blank=aspect in OPTIONAL_ASPECTS)


class Review(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        REMOVED = "removed", _("Removed by a moderator")

    treatment = models.OneToOneField(Treatment, on_delete=models.CASCADE, related_name="review")
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="reviews"
    )
    communication = _rating(Aspect.COMMUNICATION)
    communication_text = _text(Aspect.COMMUNICATION)
    price_honesty = _rating(Aspect.PRICE_HONESTY)
    price_honesty_text = _text(Aspect.PRICE_HONESTY)
    facilities = _rating(Aspect.FACILITIES)
    facilities_text = _text(Aspect.FACILITIES)
    interpreter = _rating(Aspect.INTERPRETER)
    interpreter_text = _text(Aspect.INTERPRETER)
    aftercare = _rating(Aspect.AFTERCARE)
    aftercare_text = _text(Aspect.AFTERCARE)
    final_price_jpy = models.PositiveIntegerField(
        _("final price paid (yen)"), null=True, blank=True
    )
    quoted_total_jpy = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="The accepted quote's total of included items when the review was written.",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    decision_reason = models.TextField(blank=True, help_text="The moderator's latest reason.")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["facility", "-created"])]

    def __str__(self) -> str:
        return f"Review {self.pk} of {self.facility_id} ({self.status})"

    @property
    def is_removed(self) -> bool:
        return self.status == self.Status.REMOVED


class Reply(models.Model):
    """The clinic's one public reply to a review."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="reply")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("reply"), max_length=TEXT_MAX)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Reply to review {self.review_id}"


class Report(models.Model):
    """Someone signed in says a review breaks the content rules; a moderator decides."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a moderator")
        KEPT = "kept", _("Review kept")
        REMOVED = "removed", _("Review removed")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("what breaks the rules"), max_length=TEXT_MAX)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "reporter"],
                condition=models.Q(status="open"),
                name="one_open_report_per_reporter",
            )
        ]

    def __str__(self) -> str:
        return f"Report {self.pk} on review {self.review_id} ({self.status})"


class Invitation(models.Model):
    """The one e-mail inviting a patient to review a confirmed treatment (sent to every one)."""

    treatment = models.OneToOneField(
        Treatment, on_delete=models.CASCADE, related_name="review_invitation"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Review invitation for treatment {self.treatment_id}"
