"""What clinics add to their registry listing. Registry facts themselves stay in `registry`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from saisei.registry.models import Facility

# Which suffix of the clinic's own texts each interface language reads first.
_SUFFIXES = {"ja": "ja", "zh-hans": "zh"}


def localized(obj: models.Model, field: str) -> str:
    from django.utils.translation import get_language

    suffix = _SUFFIXES.get(get_language() or "en", "en")
    return getattr(obj, f"{field}_{suffix}", "") or getattr(obj, f"{field}_en", "")


class SpokenLanguage(models.Model):
    """A language the clinic's staff can treat a patient in (added by the clinic)."""

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        JAPANESE = "ja", _("Japanese")
        CHINESE = "zh", _("Chinese")
        KOREAN = "ko", _("Korean")
        THAI = "th", _("Thai")
        VIETNAMESE = "vi", _("Vietnamese")
        RUSSIAN = "ru", _("Russian")
        ARABIC = "ar", _("Arabic")

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(max_length=8, choices=Language.choices)
    interpreter = models.BooleanField(
        default=False, help_text="Through an interpreter rather than a doctor who speaks it."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facility", "language"], name="unique_spoken_language")
        ]
        indexes = [models.Index(fields=["language", "facility"])]

    def __str__(self) -> str:
        return f"{self.facility_id}: {self.language}"


class ClinicProfile(models.Model):
    """The clinic's own English presentation, set once it has claimed its listing."""

    facility = models.OneToOneField(Facility, on_delete=models.CASCADE, related_name="profile")
    display_name_en = models.CharField(_("display name (English)"), max_length=200, blank=True)
    display_name_ja = models.CharField(_("display name (Japanese)"), max_length=200, blank=True)
    display_name_zh = models.CharField(_("display name (Chinese)"), max_length=200, blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    address_ja = models.TextField(_("address (Japanese)"), blank=True)
    address_zh = models.TextField(_("address (Chinese)"), blank=True)
    access_en = models.TextField(
        _("how to get there (English)"), blank=True, help_text=_("Nearest station, walking time.")
    )
    access_ja = models.TextField(_("how to get there (Japanese)"), blank=True)
    access_zh = models.TextField(_("how to get there (Chinese)"), blank=True)
    interpreter_available = models.BooleanField(_("an interpreter can be arranged"), default=False)
    interpreter_note = models.CharField(
        _("about interpreting"),
        max_length=300,
        blank=True,
        help_text=_("Languages, cost, booking."),
    )
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.display_name_en or str(self.facility)

    def localized(self, field: str) -> str:
        """`field` ("display_name", "address", "access") in the active language, else English."""
        return localized(self, field)


# What a claimed clinic adds: profile fields above, and doctors, photos and packages below.


class ItemKind(models.TextChoices):
    """What a package or a quote includes, in the same typed list for every clinic."""

    CONSULTATION = "consultation", _("Consultation")
    IMAGING = "imaging", _("Imaging (X-ray, MRI)")
    HARVEST = "harvest", _("Tissue or blood harvest")
    PROCESSING = "processing", _("Cell processing and culture")
    INJECTION = "injection", _("Injection")
    ANESTHESIA = "anesthesia", _("Anaesthesia or sedation")
    FOLLOW_UP = "follow_up", _("Follow-up visit")
    MEDICATION = "medication", _("Medication")
    INTERPRETER = "interpreter", _("Interpreter")
    TRANSFER = "transfer", _("Transfer")
    ACCOMMODATION = "accommodation", _("Accommodation")
    OTHER = "other", _("Other")


class Tax(models.TextChoices):
    INCLUDED = "included", _("tax included")
    EXCLUDED = "excluded", _("tax excluded")
    EXEMPT = "exempt", _("not taxed")


class Doctor(models.Model):
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="doctors")
    name = models.CharField(_("name"), max_length=120)
    specialty = models.CharField(_("specialty"), max_length=120, blank=True)
    licence_year = models.PositiveSmallIntegerField(_("year licensed"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return self.name


def photo_path(instance: "ClinicPhoto", filename: str) -> str:
    return f"clinics/{instance.facility_id}/{filename}"


class ClinicPhoto(models.Model):
    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=photo_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]

    def __str__(self) -> str:
        return self.caption or str(self.image.name)


class Package(models.Model):
    """A treatment package the clinic offers, always under one of its registered plans."""

    class CellSource(models.TextChoices):
        ADIPOSE = "adipose", _("Fat (adipose tissue)")
        BONE_MARROW = "bone_marrow", _("Bone marrow")
        SYNOVIUM = "synovium", _("Synovium")
        UMBILICAL_CORD = "umbilical_cord", _("Umbilical cord (donor)")
        BLOOD = "blood", _("The patient's blood (PRP and similar, not stem cells)")
        OTHER = "other", _("Other")

    class Knees(models.IntegerChoices):
        ONE = 1, _("One knee")
        BOTH = 2, _("Both knees")

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="packages")
    plan = models.ForeignKey(
        "registry.Plan", on_delete=models.PROTECT, related_name="packages", verbose_name=_("plan")
    )
    name_en = models.CharField(_("package name (English)"), max_length=200)
    name_ja = models.CharField(_("package name (Japanese)"), max_length=200, blank=True)
    name_zh = models.CharField(_("package name (Chinese)"), max_length=200, blank=True)
    cell_source = models.CharField(_("cell source"), max_length=20, choices=CellSource.choices)
    cultured = models.BooleanField(_("cells are culture-expanded"), default=False)
    typical_cell_count = models.CharField(
        _("typical cell count"), max_length=100, blank=True, help_text=_("For example 50 million.")
    )
    injections = models.PositiveSmallIntegerField(_("number of injections"), default=1)
    knees = models.PositiveSmallIntegerField(
        _("knees covered"), choices=Knees.choices, default=Knees.ONE
    )
    culture_weeks = models.PositiveSmallIntegerField(
        _("culture weeks"), null=True, blank=True, help_text=_("Leave empty if not cultured.")
    )
    visits = models.PositiveSmallIntegerField(_("number of visits"), default=1)
    price_jpy = models.PositiveIntegerField(_("price in yen"))
    tax = models.CharField(_("tax status"), max_length=10, choices=Tax.choices)
    valid_until = models.DateField(_("price valid until"))
    is_demo = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["price_jpy", "id"]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def is_expired(self) -> bool:
        from django.utils import timezone

        return self.valid_until < timezone.localdate()


class PackageItem(models.Model):
    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("item"), max_length=20, choices=ItemKind.choices)
    note = models.CharField(_("details"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.note}".strip()
