from django import forms
from django.utils.translation import gettext_lazy as _

from . import candidate


class CandidateForm(forms.Form):
    """The self-check's questions; every one may be left out."""

    age = forms.ChoiceField(
        label=_("Your age"), choices=candidate.AGES, required=False, widget=forms.RadioSelect
    )
    knees = forms.ChoiceField(
        label=_("Which knees hurt?"),
        choices=candidate.KNEES,
        required=False,
        widget=forms.RadioSelect,
    )
    diagnosis = forms.ChoiceField(
        label=_("What have you been told?"),
        choices=candidate.DIAGNOSES,
        required=False,
        widget=forms.RadioSelect,
    )
    grade = forms.ChoiceField(
        label=_("Kellgren-Lawrence grade on your X-ray, if you know it"),
        choices=candidate.GRADES,
        required=False,
        widget=forms.RadioSelect,
    )
    duration = forms.ChoiceField(
        label=_("How long has the knee hurt?"),
        choices=candidate.DURATIONS,
        required=False,
        widget=forms.RadioSelect,
    )
    prior = forms.MultipleChoiceField(
        label=_("What have you tried already?"),
        choices=candidate.PRIOR,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    conditions = forms.MultipleChoiceField(
        label=_("Do any of these apply to you?"),
        choices=candidate.CONDITIONS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
