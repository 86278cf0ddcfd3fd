from django import forms
from django.utils.translation import gettext_lazy as _

from .questionnaires import Item, Option, Page, localise


def option_label(item: Item, option: Option) -> str:
    if option.label:
        return localise(option.label)
    if option.value in item.anchors:
        return f"{option.value}: {localise(item.anchors[option.value])}"
    return str(option.value)


class PageForm(forms.Form):
    """One page of a questionnaire: a radio group per item; every item may be skipped."""

    def __init__(self, page: Page, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        for item in page.items:
            self.fields[item.id] = forms.TypedChoiceField(
                label=localise(item.text),
                choices=[(o.value, option_label(item, o)) for o in item.options],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def values(self) -> dict[str, int | None]:
        return {item.id: self.cleaned_data.get(item.id) for item in self.page.items}


class DisputeForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: the dates are wrong, or the treatment did not happen."),
    )


class StopForm(forms.Form):
    keep_answers = forms.TypedChoiceField(
        label=_("What should happen to the answers you already gave?"),
        choices=[
            ("no", _("Delete my answers")),
            ("yes", _("Keep my answers in the clinic's results (without my name)")),
        ],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )


class DoneForm(forms.Form):
    harvest_date = forms.DateField(
        label=_("Harvest date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    injection_date = forms.DateField(
        label=_("Injection date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty after the harvest visit if the injection is still to come."),
    )

    def clean(self):
        cleaned = super().clean() or {}
        if not cleaned.get("injection_date") and not cleaned.get("harvest_date"):
            raise forms.ValidationError(_("Enter the harvest date, the injection date, or both."))
        return cleaned


class ResolveForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Moderator's decision"),
        choices=[
            ("planned", _("Back to planned")),
            ("done", _("Done, waiting for the patient")),
            ("confirmed", _("Confirmed")),
        ],
    )
    note = forms.CharField(
        label=_("Reason for the decision"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
