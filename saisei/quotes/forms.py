import uuid
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from saisei.clinics.models import ItemKind, Tax
from saisei.lib.currency import SUPPORTED_CURRENCIES
from saisei.registry.models import Facility

from . import uploads
from .errors import UploadError
from .models import MAX_CLINICS, Inclusion, Question, Quote, QuoteRequest
from .services import SHARED_FIELDS, ItemData, NewFile


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[NewFile]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > uploads.MAX_FILES:
            raise forms.ValidationError(_("Attach at most 5 files."))
        cleaned, errors = [], []
        for f in files:
            assert isinstance(f, UploadedFile)
            name = uploads.clean_name(f.name or "")
            head = f.read(132)
            try:
                kind = uploads.check(name, f.size or 0, head)
            except UploadError as error:
                errors.append(error.message)
                continue
            cleaned.append(NewFile(name=name, kind=kind, data=uploads.read_all(f)))
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class QuoteRequestForm(forms.ModelForm):
    clinics = forms.ModelMultipleChoiceField(
        queryset=Facility.objects.none(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        label=_("Clinics to ask"),
        error_messages={"required": _("Choose at least one clinic.")},
    )
    questions = forms.MultipleChoiceField(
        choices=Question.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Questions the clinics should answer in writing"),
        help_text=_("From the ISSCR's guide for patients considering stem cell treatments."),
    )
    budget_currency = forms.ChoiceField(
        choices=[(code, code) for code in SUPPORTED_CURRENCIES], label=_("Currency")
    )
    attachments = MultipleFileField(
        required=False,
        label=_("Imaging or reports (optional)"),
        help_text=_(
            "PDF, JPEG, PNG or DICOM, up to 50 MB each, at most 5 files. Stored encrypted and "
            "shown only to you and the clinics you choose."
        ),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = QuoteRequest
        fields = SHARED_FIELDS
        widgets = {
            "travel_from": forms.DateInput(attrs={"type": "date"}),
            "travel_to": forms.DateInput(attrs={"type": "date"}),
            "prior_treatments": forms.Textarea(attrs={"rows": 3}),
            "other_questions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "kl_grade": _("Your doctor may have written it on an X-ray report (grade 0-4)."),
            "prior_treatments": _("For example physiotherapy, hyaluronic acid or steroid shots."),
            "budget_amount": _("Optional. Clinics see it as you enter it."),
        }

    def __init__(self, *args: Any, candidates: QuerySet[Facility], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clinics"].queryset = candidates  # type: ignore[attr-defined]
        self.fields["clinics"].label_from_instance = (  # type: ignore[attr-defined]
            lambda f: f.name_romaji or f.name_ja
        )
        self.fields["kl_grade"].required = False
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())
            self.initial.setdefault("questions", Question.values)

    def clean_clinics(self) -> list[Facility]:
        clinics = list(self.cleaned_data["clinics"])
        if len(clinics) > MAX_CLINICS:
            raise forms.ValidationError(_("Choose at most 5 clinics."))
        return clinics

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("travel_from"), data.get("travel_to")
        if start and end and end < start:
            self.add_error("travel_to", _("The latest date is before the earliest date."))
        if start and start < timezone.localdate():
            self.add_error("travel_from", _("The date is in the past."))
        return data

    def request_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data[name] for name in self.Meta.fields if name in data}


class ConsentForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I agree to send the data above to the clinics listed, and only to them."),
        error_messages={"required": _("Tick the box to agree before sending.")},
    )


class QuoteForm(forms.ModelForm):
    class Meta:
        model = Quote
        fields = [
            "cell_count",
            "injections",
            "culture_weeks",
            "visits",
            "valid_until",
            "price_may_change",
            "answer_cell_source",
            "answer_evidence",
            "answer_measured",
            "answer_complications",
            "answer_other",
        ]
        widgets = {
            "valid_until": forms.DateInput(attrs={"type": "date"}),
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in fields
                if name == "price_may_change" or name.startswith("answer_")
            },
        }

    def clean_valid_until(self) -> Any:
        value = self.cleaned_data["valid_until"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The validity date is in the past."))
        return value


class QuoteItemForm(forms.Form):
    """One line of a quote; a row whose item is left empty is skipped."""

    kind = forms.ChoiceField(
        choices=[("", "—"), *ItemKind.choices], label=_("Item"), required=False
    )
    description = forms.CharField(max_length=200, required=False, label=_("Details"))
    amount_jpy = forms.IntegerField(
        min_value=0, max_value=100_000_000, label=_("Yen (each)"), required=False
    )
    quantity = forms.IntegerField(
        min_value=1, max_value=99, initial=1, label=_("Quantity"), required=False
    )
    tax = forms.ChoiceField(choices=Tax.choices, label=_("Tax"))
    inclusion = forms.ChoiceField(choices=Inclusion.choices, label=_("Included?"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind"):
            if data.get("amount_jpy") is None:
                self.add_error("amount_jpy", _("Enter the amount in yen (0 if free)."))
            data["quantity"] = data.get("quantity") or 1
        return data

    def item(self) -> ItemData | None:
        d = self.cleaned_data
        if not d.get("kind"):
            return None
        return ItemData(
            kind=d["kind"],
            description=d["description"],
            amount_jpy=d["amount_jpy"],
            quantity=d["quantity"],
            tax=d["tax"],
            inclusion=d["inclusion"],
        )


class BaseItemFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.items():
            raise forms.ValidationError(_("Add at least one line item."))

    def items(self) -> list[ItemData]:
        return [item for f in self.forms if f.cleaned_data and (item := f.item())]


QuoteItemFormSet = forms.formset_factory(
    QuoteItemForm, formset=BaseItemFormSet, extra=3, max_num=30, validate_max=True
)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the patient reads it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("A moderator will read this request, its files and messages to check."),
    )


class CloseReportForm(forms.Form):
    note = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
