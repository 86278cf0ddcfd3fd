"""What clinics add to their registry listing. Registry facts themselves stay in `registry`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from saisei.registry.models import Facility


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
    display_name_en = models.CharField(max_length=200, blank=True)
    address_en = models.TextField(blank=True)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.display_name_en or str(self.facility)
