"""Forms for the clinic's own pages (profile, languages, doctors, photos, packages)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from saisei.registry.models import Facility

from .models import ClinicProfile, Doctor, ItemKind, Package, SpokenLanguage
from .profile import PACKAGE_FIELDS, PROFILE_FIELDS, facility_plans


class ProfileForm(forms.ModelForm):
    class Meta:
        model = ClinicProfile
        fields = PROFILE_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in PROFILE_FIELDS
            if name.startswith(("address_", "access_"))
        }


class LanguagesForm(forms.Form):
    spoken = forms.MultipleChoiceField(
        label=_("Languages a doctor or nurse speaks"),
        choices=SpokenLanguage.Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    interpreted = forms.MultipleChoiceField(
        label=_("Languages offered through an interpreter"),
        choices=SpokenLanguage.Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    @classmethod
    def for_facility(cls, facility: Facility) -> "LanguagesForm":
        rows = list(facility.languages.all())
        return cls(
            initial={
                "spoken": [r.language for r in rows if not r.interpreter],
                "interpreted": [r.language for r in rows if r.interpreter],
            }
        )


class DoctorForm(forms.ModelForm):
    class Meta:
        model = Doctor
        fields = ["name", "specialty", "licence_year"]


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_(
            "JPEG, PNG or WebP. It is resized and its metadata (such as location) removed."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.plan_id}: {obj.english_name}"


class PackageForm(forms.ModelForm):
    items = forms.MultipleChoiceField(
        label=_("What the price includes"),
        choices=ItemKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    other_items = forms.CharField(
        label=_("Other included items"),
        max_length=200,
        required=False,
        help_text=_("Only if you ticked Other."),
    )

    class Meta:
        model = Package
        fields = PACKAGE_FIELDS
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, facility: Facility, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["plan"] = PlanChoiceField(
            queryset=facility_plans(facility), label=_("Registered plan")
        )
        if self.instance.pk and not self.is_bound:
            kinds = [item.kind for item in self.instance.items.all()]
            notes = [item.note for item in self.instance.items.all() if item.kind == "other"]
            self.initial["items"] = kinds
            self.initial["other_items"] = notes[0] if notes else ""

    def item_rows(self) -> list[tuple[str, str]]:
        other = self.cleaned_data.get("other_items", "")
        return [(k, other if k == ItemKind.OTHER else "") for k in self.cleaned_data["items"]]
