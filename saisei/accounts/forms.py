from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from saisei.lib.currency import SUPPORTED_CURRENCIES

from .models import ListingClaim


class PreferencesForm(forms.Form):
    preferred_language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=settings.LANGUAGES
    )
    currency = forms.ChoiceField(
        label=_("Currency"),
        choices=lambda: [(c, f"{c} · {n}") for c, n in SUPPORTED_CURRENCIES.items()],
    )


class ClaimForm(forms.ModelForm):
    class Meta:
        model = ListingClaim
        fields = ["job_title", "work_email", "phone", "message"]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        help_texts = {
            "work_email": _("An address at the clinic's own domain helps the moderator decide."),
            "phone": _("The moderator may call the clinic's public number to check."),
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required when rejecting; it is sent to the requester."),
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone."), required=True)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
