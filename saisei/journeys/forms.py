"""The planner's inputs, all from the query string (GET), so a plan is a shareable URL."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from saisei.lib.currency import JPY, SUPPORTED_CURRENCIES, RateTable, convert_jpy, to_jpy

from . import costs, services, sources
from .models import PassportType
from .schedule import DEFAULT_CULTURE_WEEKS

MAX_EXTRA_NIGHTS = 60
MAX_CULTURE_WEEKS = 12
MAX_ESTIMATE = Decimal("100000000")
YES_NO = [("yes", _("Yes")), ("no", _("No"))]

# Parameters that make up a plan (the URL), in the order they appear in it.
PARAMS = (
    "nationality",
    "passport_type",
    "home",
    "clinic",
    "plan",
    "start",
    "latest_return",
    "companion",
    "stay_through",
    "extra_nights_1",
    "extra_nights_2",
    "culture_min",
    "culture_max",
    "rest",
    "currency",
    "flight",
    "lodging",
    "daily",
    "source",
)


def _nights(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=MAX_EXTRA_NIGHTS,
        error_messages={
            "min_value": _("Extra nights cannot be negative."),
            "max_value": _("At most %(limit_value)s extra nights per visit."),
            "invalid": _("Enter a whole number of nights."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _weeks(label: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=MAX_CULTURE_WEEKS,
        error_messages={
            "min_value": _("The culture takes at least %(limit_value)s week."),
            "max_value": _("At most %(limit_value)s weeks: ask the clinic about longer cultures."),
            "invalid": _("Enter a whole number of weeks."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _estimate(label: Any, help_text: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        max_value=MAX_ESTIMATE,
        decimal_places=2,
        error_messages={
            "min_value": _("An estimate cannot be negative."),
            "max_value": _("This estimate is too large."),
            "invalid": _("Enter an amount, e.g. 1200."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
    )


class JourneyForm(forms.Form):
    nationality = forms.ChoiceField(
        label=_("Nationality (as on your passport)"),
        error_messages={
            "required": _("Choose your nationality."),
            "invalid_choice": _("Choose your nationality from the list."),
        },
    )
    passport_type = forms.ChoiceField(
        label=_("Passport type"),
        required=False,
        choices=PassportType.choices,
        help_text=_("It matters for a few nationalities, e.g. Thai passports without an IC chip."),
    )
    home = forms.CharField(
        label=_("Home airport (city or country)"),
        required=False,
        max_length=100,
        help_text=_("Used to name your flights in the plan and the calendar."),
    )
    clinic = forms.ChoiceField(
        label=_("Clinic or template"),
        required=False,
        help_text=_("A registered clinic, or the generic two-visit template."),
        error_messages={"invalid_choice": _("This clinic is not in the directory.")},
    )
    plan = forms.ChoiceField(
        label=_("Registered plan"),
        required=False,
        help_text=_("Leave empty to use all of the clinic's culture-expanded stem cell plans."),
        error_messages={
            "invalid_choice": _("This clinic has no listed stem cell plan with this number.")
        },
    )
    source = forms.ChoiceField(
        label=_("Price and culture time from"),
        required=False,
        help_text=_("Your accepted quote or one of the clinic's packages, if you have one."),
        error_messages={"invalid_choice": _("Choose one of your accepted quotes or packages.")},
    )
    start = forms.DateField(
        label=_("Earliest arrival in Japan"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Enter the earliest day you can arrive in Japan."),
            "invalid": _("Enter a date such as 2027-03-01."),
        },
    )
    latest_return = forms.DateField(
        label=_("Must be home by (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2027-05-01.")},
    )
    companion = forms.BooleanField(label=_("A companion travels with me"), required=False)
    stay_through = forms.BooleanField(
        label=_("Stay in Japan through the culture period instead of flying home twice"),
        required=False,
    )
    extra_nights_1 = _nights(_("Extra nights in Japan, visit 1"))
    extra_nights_2 = _nights(_("Extra nights in Japan, visit 2"))
    culture_min = _weeks(_("Culture takes at least (weeks)"))
    culture_max = _weeks(_("Culture takes at most (weeks)"))
    rest = forms.ChoiceField(
        label=_("Rest 48 hours after the injection before flying"),
        required=False,
        choices=YES_NO,
        help_text=_("Many clinics advise it; follow your clinic's advice."),
    )
    currency = forms.ChoiceField(
        label=_("Currency of your estimates"),
        required=False,
        choices=[(code, f"{code} · {name}") for code, name in SUPPORTED_CURRENCIES.items()],
    )
    flight = _estimate(
        _("Return flight, per person and trip"), _("Your estimate. Empty: a placeholder.")
    )
    lodging = _estimate(
        _("Lodging, per person and night"), _("Your estimate. Empty: a placeholder.")
    )
    daily = _estimate(
        _("Food and local transport, per person and day"),
        _("Your estimate. Empty: a placeholder."),
    )

    def __init__(
        self, *args: Any, currency: str, rates: RateTable, user: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.rates = rates
        self.display_currency = currency
        self.treatment: services.Treatment | None = None
        self._choice("nationality").choices = [("", _("Choose…")), *countries]
        clinics = services.facility_choices()
        self._choice("clinic").choices = [
            ("", _("Generic template: culture-expanded MSC, two visits")),
            *clinics,
        ]
        slug = self.data.get("clinic") if self.is_bound else self.initial.get("clinic")
        plans = services.plan_choices(slug) if slug else []
        self._choice("plan").choices = [("", _("All culture-expanded plans")), *plans]
        if getattr(user, "is_authenticated", False):
            self._choice("source").choices = [
                ("", _("The registered plans' published prices")),
                *sources.source_choices(user, slug or ""),
            ]
        else:
            del self.fields["source"]  # the anonymous planner has no saved sources
        self.fields["currency"].initial = currency
        self.fields["rest"].initial = "yes"
        placeholder_currency = self.data.get("currency") or currency
        for name, default in (
            ("flight", costs.DEFAULT_FLIGHT_JPY),
            ("lodging", costs.DEFAULT_LODGING_JPY),
            ("daily", costs.DEFAULT_DAILY_JPY),
        ):
            amount = convert_jpy(default, placeholder_currency, rates)
            if amount is not None:
                self.fields[name].widget.attrs["placeholder"] = f"{amount:.0f}"

    def _choice(self, name: str) -> forms.ChoiceField:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        return field

    def full_clean(self) -> None:
        # Country codes are upper case; accept "us" from a hand-edited address.
        code = self.data.get("nationality") if self.is_bound else None
        if isinstance(code, str) and code != code.strip().upper():
            data = QueryDict(mutable=True)
            data.update(self.data)
            data["nationality"] = code.strip().upper()
            self.data = data
        super().full_clean()

    def clean_start(self):
        start = self.cleaned_data["start"]
        today = services.today_in_japan()
        if start < today:
            raise forms.ValidationError(_("This date is in the past: choose a day from today on."))
        if start > services.last_start_day():
            raise forms.ValidationError(_("Choose a date within the next two years."))
        return start

    def clean_currency(self):
        code = self.cleaned_data.get("currency") or self.display_currency
        if code != JPY and convert_jpy(1, code, self.rates) is None:
            raise forms.ValidationError(
                _("There is no exchange rate for this currency yet: choose JPY.")
            )
        return code

    def clean(self) -> dict:
        data = super().clean() or {}
        start, latest = data.get("start"), data.get("latest_return")
        if start and latest and latest <= start + timedelta(days=1):
            self.add_error(
                "latest_return", _("The date you must be home by is before your arrival.")
            )
        low, high = data.get("culture_min"), data.get("culture_max")
        if low is not None and high is not None and low > high:
            self.add_error("culture_max", _("The longest culture time is below the shortest."))
        if "clinic" in data and not self.has_error("clinic") and not self.has_error("source"):
            try:
                if data.get("source"):
                    self.treatment = sources.treatment_for(
                        self.user, data["source"], data["clinic"]
                    )
                elif data["clinic"]:
                    self.treatment = services.clinic_treatment(
                        data["clinic"], data.get("plan") or ""
                    )
                else:
                    self.treatment = services.generic_treatment()
            except services.JourneyError as error:
                self.add_error(error.field, error.message)
        return data

    def journey_request(self) -> services.JourneyRequest:
        data = self.cleaned_data
        currency = data["currency"]

        def estimate(name: str, default: int) -> costs.Estimate:
            value = data.get(name)
            if value is None:
                return costs.Estimate(default, entered=False)
            return costs.Estimate(to_jpy(value, currency, self.rates) or 0, entered=True)

        low, high = data.get("culture_min"), data.get("culture_max")
        weeks = None
        if low is not None or high is not None:
            low = low or min(DEFAULT_CULTURE_WEEKS[0], high or DEFAULT_CULTURE_WEEKS[0])
            weeks = (low, high or max(DEFAULT_CULTURE_WEEKS[1], low))
        return services.JourneyRequest(
            nationality=data["nationality"],
            passport_type=data.get("passport_type") or PassportType.ORDINARY,
            home=data.get("home") or "",
            start=data["start"],
            latest_return=data.get("latest_return"),
            companion=bool(data.get("companion")),
            stay_through=bool(data.get("stay_through")),
            extra_nights_1=data.get("extra_nights_1") or 0,
            extra_nights_2=data.get("extra_nights_2") or 0,
            culture_weeks=weeks,
            rest_48h=(data.get("rest") or "yes") == "yes",
            currency=currency,
            flight=estimate("flight", costs.DEFAULT_FLIGHT_JPY),
            lodging=estimate("lodging", costs.DEFAULT_LODGING_JPY),
            daily=estimate("daily", costs.DEFAULT_DAILY_JPY),
        )

    def params(self) -> dict[str, str]:
        """The plan as query parameters (what a saved plan stores)."""
        return {
            key: str(self.data[key])
            for key in PARAMS
            if key in self.fields and self.data.get(key) not in (None, "")
        }
