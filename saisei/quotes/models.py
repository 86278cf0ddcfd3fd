"""Quote requests from patients, the clinics they are addressed to, itemised quotes, messages.

A patient's `QuoteRequest` goes to 1-5 clinics, each a `Recipient` with its own status. A
clinic answers with a `Quote` (typed `QuoteItem` rows) or declines. A sent quote is never
edited: a new version supersedes it. Ids in URLs are random UUIDs.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from saisei.clinics.models import ItemKind, SpokenLanguage, Tax
from saisei.registry.models import Facility

MAX_CLINICS = 5


class Knees(models.TextChoices):
    LEFT = "left", _("Left knee")
    RIGHT = "right", _("Right knee")
    BOTH = "both", _("Both knees")


class KLGrade(models.TextChoices):
    UNKNOWN = "", _("I don't know")
    G0 = "0", _("Grade 0 (no signs)")
    G1 = "1", _("Grade 1 (doubtful)")
    G2 = "2", _("Grade 2 (minimal)")
    G3 = "3", _("Grade 3 (moderate)")
    G4 = "4", _("Grade 4 (severe)")


class Imaging(models.TextChoices):
    NONE = "none", _("No imaging yet")
    XRAY = "xray", _("X-ray")
    MRI = "mri", _("MRI")
    BOTH = "xray_mri", _("X-ray and MRI")


class AgeRange(models.TextChoices):
    UNDER_30 = "under_30", _("Under 30")
    A30 = "30_44", _("30-44")
    A45 = "45_59", _("45-59")
    A60 = "60_74", _("60-74")
    A75 = "75_plus", _("75 or older")


class Question(models.TextChoices):
    """The ISSCR's questions for patients to ask a clinic (isscr.org, patient resources)."""

    CELL_SOURCE = "cell_source", _("Where do the cells come from and how are they processed?")
    EVIDENCE = "evidence", _("What is the scientific evidence that this treatment works for me?")
    MEASURED = "measured", _("How will you measure whether it worked, and over what time?")
    COMPLICATIONS = (
        "complications",
        _("What happens, and who pays, if there are complications?"),
    )


class QuoteRequest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Not sent yet")
        OPEN = "open", _("Sent")
        ACCEPTED = "accepted", _("Quote accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    patient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="quote_requests",
    )
    idempotency_key = models.UUIDField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    knees = models.CharField(_("which knee"), max_length=5, choices=Knees.choices)
    diagnosis = models.CharField(_("diagnosis, if you know it"), max_length=300, blank=True)
    kl_grade = models.CharField(
        _("Kellgren-Lawrence grade, if known"), max_length=1, choices=KLGrade.choices, blank=True
    )
    prior_treatments = models.TextField(_("treatments you have had"), blank=True)
    imaging = models.CharField(_("imaging available"), max_length=10, choices=Imaging.choices)
    age_range = models.CharField(_("age range"), max_length=10, choices=AgeRange.choices)
    nationality = CountryField(_("nationality"))
    travel_from = models.DateField(_("earliest travel date"), null=True, blank=True)
    travel_to = models.DateField(_("latest travel date"), null=True, blank=True)
    companion = models.BooleanField(_("someone will travel with me"), default=False)
    language = models.CharField(
        _("preferred language for the treatment"),
        max_length=8,
        choices=SpokenLanguage.Language.choices,
    )
    budget_amount = models.PositiveIntegerField(_("budget"), null=True, blank=True)
    budget_currency = models.CharField(_("budget currency"), max_length=3, default="JPY")
    questions = models.JSONField(default=list, blank=True)
    other_questions = models.TextField(_("other questions"), blank=True)
    consented_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    anonymised = models.BooleanField(default=False)
    is_demo = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "idempotency_key"], name="one_request_per_idempotency_key"
            )
        ]

    def __str__(self) -> str:
        return f"Quote request {self.pk} ({self.status})"

    @property
    def question_labels(self) -> list[str]:
        return [str(Question(q).label) for q in self.questions if q in Question.values]


class Recipient(models.Model):
    """One clinic a request is addressed to, with that clinic's side of the story."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not sent yet")
        SENT = "sent", _("New")
        VIEWED = "viewed", _("Viewed")
        QUOTED = "quoted", _("Quoted")
        DECLINED = "declined", _("Declined by the clinic")
        ACCEPTED = "accepted", _("Accepted by the patient")
        NOT_CHOSEN = "not_chosen", _("Patient chose another clinic")
        WITHDRAWN = "withdrawn", _("Withdrawn by the patient")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(QuoteRequest, on_delete=models.CASCADE, related_name="recipients")
    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="quote_recipients"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    sent_at = models.DateTimeField(null=True, blank=True)
    viewed_at = models.DateTimeField(null=True, blank=True)
    first_quote_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["sent_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "facility"], name="one_recipient_per_clinic")
        ]
        indexes = [models.Index(fields=["facility", "status"])]

    def __str__(self) -> str:
        return f"{self.request_id} -> {self.facility_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.SENT, self.Status.VIEWED, self.Status.QUOTED}


class Quote(models.Model):
    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        SUPERSEDED = "superseded", _("Replaced by a newer version")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not chosen")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Request withdrawn")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="quotes")
    version = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SENT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cell_count = models.CharField(_("cell count"), max_length=100, blank=True)
    injections = models.PositiveSmallIntegerField(_("number of injections"), default=1)
    culture_weeks = models.PositiveSmallIntegerField(_("culture weeks"), null=True, blank=True)
    visits = models.PositiveSmallIntegerField(_("visits needed"), default=1)
    valid_until = models.DateField(_("valid until"))
    price_may_change = models.TextField(
        _("when the price may change after examination"), blank=True
    )
    answer_cell_source = models.TextField(_("cells: source and processing"), blank=True)
    answer_evidence = models.TextField(_("evidence"), blank=True)
    answer_measured = models.TextField(_("how results are measured"), blank=True)
    answer_complications = models.TextField(_("costs of complications"), blank=True)
    answer_other = models.TextField(_("other answers and notes"), blank=True)
    sent_at = models.DateTimeField(default=timezone.now)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["recipient", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "version"], name="one_quote_per_version")
        ]

    def __str__(self) -> str:
        return f"Quote {self.pk} v{self.version} ({self.status})"

    @property
    def is_current(self) -> bool:
        return self.status != self.Status.SUPERSEDED


class Inclusion(models.TextChoices):
    INCLUDED = "included", _("Included")
    OPTIONAL = "optional", _("Optional")
    EXCLUDED = "excluded", _("Not included")


class QuoteItem(models.Model):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("item"), max_length=20, choices=ItemKind.choices)
    description = models.CharField(_("details"), max_length=200, blank=True)
    amount_jpy = models.PositiveIntegerField(_("amount in yen (each)"))
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1)
    tax = models.CharField(_("tax status"), max_length=10, choices=Tax.choices)
    inclusion = models.CharField(
        _("included?"), max_length=10, choices=Inclusion.choices, default=Inclusion.INCLUDED
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} x{self.quantity}"

    @property
    def total_jpy(self) -> int:
        return self.amount_jpy * self.quantity


class Message(models.Model):
    """One message in the thread between the patient and a clinic about its quote."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_clinic = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return f"Message {self.pk}"


class Upload(models.Model):
    """A file the patient attached (imaging, reports), stored encrypted (see uploads.py)."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"
        DICOM = "dicom", "DICOM"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(QuoteRequest, on_delete=models.CASCADE, related_name="uploads")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=5, choices=Kind.choices)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return self.name


class Report(models.Model):
    """A patient or a clinic asks the moderators to look at a request (abuse, a problem).

    Moderators see a request's data, files and messages only through an open report.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    request = models.ForeignKey(QuoteRequest, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_clinic = models.ForeignKey(
        Facility, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("what is wrong"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("moderator's note"), blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"Report {self.pk} ({self.status})"
