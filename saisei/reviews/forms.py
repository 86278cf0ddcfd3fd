from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import OPTIONAL_ASPECTS, TEXT_MAX, Aspect
from .services import ReviewData

STARS = [(str(n), str(n)) for n in range(1, 6)]
HELP = {
    Aspect.COMMUNICATION: _("Did the clinic explain things clearly and answer your questions?"),
    Aspect.PRICE_HONESTY: _("Was the final bill what the quote said? Were extra costs explained?"),
    Aspect.FACILITIES: _("Cleanliness, comfort, access, waiting."),
    Aspect.INTERPRETER: _("Leave this out if you did not need an interpreter."),
    Aspect.AFTERCARE: _("Instructions, follow-up visits, answers to questions after the visit."),
}


class ReviewForm(forms.Form):
    """One 1-5 rating and one text per aspect, plus the final price (optional)."""

    final_price_jpy = forms.IntegerField(
        label=_("Final price you paid, in yen (optional)"),
        required=False,
        min_value=0,
        max_value=100_000_000,
        help_text=_("Compared with the accepted quote's total on the clinic's page."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = {}
        for aspect in Aspect:
            optional = aspect in OPTIONAL_ASPECTS
            choices = ([("", _("I did not need one"))] if optional else []) + STARS
            fields[aspect.value] = forms.TypedChoiceField(
                label=aspect.label,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=not optional,
                widget=forms.RadioSelect,
                help_text=HELP[aspect],
            )
            fields[f"{aspect.value}_text"] = forms.CharField(
                label=_("In your words: %(aspect)s") % {"aspect": aspect.label},
                required=False,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        fields["final_price_jpy"] = self.fields.pop("final_price_jpy")
        self.fields.update(fields)

    def aspects(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[a.value], self[f"{a.value}_text"]) for a in Aspect]

    def data_for_service(self) -> ReviewData:
        c = self.cleaned_data
        return ReviewData(
            ratings={a.value: c.get(a.value) for a in Aspect},
            texts={a.value: c.get(f"{a.value}_text", "") for a in Aspect},
            final_price_jpy=c.get("final_price_jpy"),
        )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Which content rule does the review break, and where?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("keep", _("Keep the review")), ("remove", _("Remove the review's text"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (shown in place of the text if the review is removed)"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your public reply (one per review; it cannot be changed)"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
