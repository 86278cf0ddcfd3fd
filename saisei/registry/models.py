"""Japan's public registry of regenerative-medicine provision plans, as imported.

Registry facts are read-only for clinics: they come only from `import_registry`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Modality(models.TextChoices):
    ADIPOSE_MSC = "adipose_msc", _("Adipose-derived stem cells (MSC/ASC)")
    SVF = "svf", _("Stromal vascular fraction (SVF, same-day fat cells)")
    BONE_MARROW_MSC = "bone_marrow_msc", _("Bone-marrow-derived stem cells")
    SYNOVIAL_MSC = "synovial_msc", _("Synovial stem cells")
    UMBILICAL_CORD_MSC = "umbilical_cord_msc", _("Umbilical-cord-derived stem cells")
    PRP = "prp", _("Platelet-rich plasma (PRP)")
    BLOOD_OTHER = "blood_other", _("Other blood-derived (APS, PRGF, growth-factor concentrates)")
    OTHER = "other", _("Other")


STEM_CELL_MODALITIES = frozenset(
    {
        Modality.ADIPOSE_MSC,
        Modality.SVF,
        Modality.BONE_MARROW_MSC,
        Modality.SYNOVIAL_MSC,
        Modality.UMBILICAL_CORD_MSC,
    }
)
BLOOD_MODALITIES = frozenset({Modality.PRP, Modality.BLOOD_OTHER})


class ImportRun(models.Model):
    """One run of `import_registry`: which files, and what changed."""

    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    files = models.JSONField(default=list)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started"]

    def __str__(self) -> str:
        return f"Import {self.pk} at {self.started:%Y-%m-%d %H:%M}"


class Facility(models.Model):
    """A medical institution that holds at least one plan."""

    external_id = models.CharField(
        max_length=40, unique=True, help_text="facility_id in the extract"
    )
    slug = models.SlugField(max_length=120, unique=True)
    name_ja = models.CharField(max_length=300)
    name_variants = models.JSONField(
        default=list, blank=True, help_text="Other spellings of the name seen in the registry."
    )
    name_romaji = models.CharField(max_length=400, blank=True)
    prefecture_ja = models.CharField(max_length=20, blank=True)
    prefecture = models.CharField(max_length=40, blank=True, db_index=True, help_text="In English")
    region_ja = models.CharField(max_length=40, blank=True)
    region = models.CharField(max_length=40, blank=True, db_index=True, help_text="In English")
    search_text = models.TextField(
        blank=True, help_text="Lower-cased names, romanisations and treatment words, for search."
    )
    # Denormalised from the plans and prices at import time, so the directory needs no joins.
    listed = models.BooleanField(default=True, help_text="Has at least one plan still listed.")
    has_stem_cells = models.BooleanField(default=False)
    has_blood = models.BooleanField(default=False)
    has_cultured = models.BooleanField(default=False)
    has_joint = models.BooleanField(default=False)
    min_price_jpy = models.PositiveIntegerField(null=True, blank=True)
    max_price_jpy = models.PositiveIntegerField(null=True, blank=True)
    stem_min_price_jpy = models.PositiveIntegerField(
        null=True, blank=True, help_text="Lowest treatment price of a stem cell plan."
    )
    blood_min_price_jpy = models.PositiveIntegerField(
        null=True, blank=True, help_text="Lowest treatment price of a PRP/blood-derived plan."
    )
    # Whether the lowest price above was extracted with confidence (AUTO) rather than left for
    # review: a listing that shows a "from" price says when it is unconfirmed.
    min_price_confirmed = models.BooleanField(null=True, blank=True)
    stem_min_price_confirmed = models.BooleanField(null=True, blank=True)
    blood_min_price_confirmed = models.BooleanField(null=True, blank=True)
    plan_count = models.PositiveIntegerField(default=0)
    is_demo = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_romaji"]
        verbose_name_plural = "facilities"
        indexes = [
            models.Index(fields=["listed", "name_romaji"]),
            models.Index(fields=["listed", "min_price_jpy"]),
            # Counting the directory's results by place and kind reads only these indexes.
            models.Index(
                fields=["region", "has_stem_cells", "has_blood", "listed"],
                name="facility_region_kind_idx",
            ),
            models.Index(
                fields=["prefecture", "has_stem_cells", "has_blood", "listed"],
                name="facility_prefecture_kind_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name_ja


class Plan(models.Model):
    """A provision plan filed under the Act on the Safety of Regenerative Medicine."""

    class Status(models.TextChoices):
        LISTED = "listed", _("Listed in the registry")
        NO_LONGER_LISTED = "no_longer_listed", _("No longer listed")

    plan_id = models.CharField(max_length=40, unique=True, help_text="plan_id in the extract")
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="plans")
    document_code = models.CharField(
        max_length=60, blank=True, db_index=True, help_text="Opaque; not unique."
    )
    risk_class = models.PositiveSmallIntegerField(help_text="ASRM risk class 1, 2 or 3")
    title_ja = models.TextField()
    source_category = models.CharField(max_length=80, blank=True)
    modality = models.CharField(max_length=30, choices=Modality.choices, db_index=True)
    cultured = models.BooleanField(null=True, help_text="None when the title does not say.")
    intra_articular = models.BooleanField(null=True)
    targets_joint = models.BooleanField(default=False)
    document_url = models.URLField(max_length=500, blank=True)
    registry_list_url = models.URLField(max_length=500, blank=True)
    extracted_on = models.CharField(max_length=20, blank=True, help_text="As-of, e.g. 2026-09")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.LISTED, db_index=True
    )
    source_hash = models.CharField(max_length=64, help_text="Hash of the imported row")
    first_import = models.ForeignKey(
        ImportRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_import = models.ForeignKey(
        ImportRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan_id"]
        indexes = [
            # The directory's "one plan of this kind" conditions read only this index.
            models.Index(
                fields=["modality", "status", "cultured", "targets_joint", "facility"],
                name="plan_directory_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.title_ja}"

    @property
    def is_stem_cell(self) -> bool:
        return self.modality in STEM_CELL_MODALITIES

    @property
    def english_name(self) -> str:
        """The treatment in plain English, in the active language."""
        from .classify import Classification, english_treatment_name

        return english_treatment_name(
            Classification(self.modality, self.cultured, self.intra_articular, self.targets_joint)
        )


class PricePoint(models.Model):
    """A price found in a plan's published explanation/consent document."""

    class Tax(models.TextChoices):
        INCLUDED = "included", _("tax included")
        EXCLUDED = "excluded", _("tax excluded")
        UNKNOWN = "unknown", _("tax status not stated")

    class Extraction(models.TextChoices):
        AUTO = "auto", _("Extracted with clear context")
        REVIEW = "review", _("Unconfirmed: the extraction was ambiguous")

    class Kind(models.TextChoices):
        TREATMENT = "treatment", _("Treatment")
        CANCELLATION = "cancellation", _("Cancellation fee")
        CONSULTATION = "consultation", _("Consultation or test")
        STORAGE = "storage", _("Cell storage")
        INSURED_REFERENCE = "insured_reference", _("Insured reference price")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="prices")
    row_key = models.CharField(max_length=64, help_text="Hash of the imported row")
    amount_jpy = models.PositiveIntegerField()
    tax = models.CharField(max_length=10, choices=Tax.choices)
    unit = models.CharField(max_length=100, blank=True)
    extraction = models.CharField(max_length=10, choices=Extraction.choices)
    extraction_note = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TREATMENT)
    products = models.CharField(max_length=300, blank=True)
    makers = models.CharField(max_length=300, blank=True)
    document_page = models.PositiveIntegerField(null=True, blank=True)
    excerpt = models.TextField(blank=True)
    is_repeat = models.BooleanField(
        default=False, help_text="The same amount was already found in this plan's document."
    )
    listed = models.BooleanField(default=True)

    class Meta:
        ordering = ["plan_id", "amount_jpy", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "row_key"], name="unique_price_row"),
        ]
        indexes = [models.Index(fields=["kind", "amount_jpy"])]

    def __str__(self) -> str:
        return f"{self.plan.plan_id} ¥{self.amount_jpy:,}"

    @property
    def confirmed(self) -> bool:
        return self.extraction == self.Extraction.AUTO


class EnforcementAction(models.Model):
    """An improvement or suspension order by the MHLW or a regional bureau."""

    class Kind(models.TextChoices):
        IMPROVEMENT = "improvement", _("Improvement order")
        SUSPENSION = "suspension", _("Suspension order")
        OTHER = "other", _("Other action")

    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, related_name="enforcement_actions"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    issued_on = models.DateField()
    summary = models.TextField()
    source_url = models.URLField(max_length=500)

    class Meta:
        ordering = ["-issued_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.issued_on} {self.facility}"
