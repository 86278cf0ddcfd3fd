"""The directory's search and filter parameters, shared by the pages and the JSON API."""

from decimal import Decimal
from functools import cache
from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from saisei.lib import japanese
from saisei.lib.widgets import PlainSelect
from saisei.registry.models import Modality

from .models import SpokenLanguage

MAX_QUERY_LENGTH = 100
MAX_PRICE = Decimal("1000000000")


KIND_CHOICES = [
    ("", _("Any treatment")),
    ("stem_cells", _("Stem cells")),
    ("blood", _("PRP and other blood-derived (not stem cells)")),
]

SORT_CHOICES = [
    ("relevance", _("Best match")),
    ("price", _("Lowest published price")),
    ("price_desc", _("Highest published price")),
    ("name", _("Name (A-Z)")),
]


@cache
def region_choices() -> list[tuple[str, Any]]:
    names = sorted(set(japanese.REGIONS.values()))
    return [(slugify(name), name) for name in names]


@cache
def prefecture_choices() -> list[tuple[str, Any]]:
    names = sorted(set(japanese.PREFECTURES.values()))
    return [(slugify(name), name) for name in names]


def _with_blank(choices: list[tuple[str, Any]], label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class ClinicSearchForm(forms.Form):
    """Every field is optional; an empty form lists every clinic with a listed plan."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Clinic name (Japanese or English), prefecture or treatment, e.g. 'Osaka PRP'"),
    )
    region = forms.ChoiceField(label=_("Region"), required=False, widget=PlainSelect)
    prefecture = forms.ChoiceField(label=_("Prefecture"), required=False, widget=PlainSelect)
    kind = forms.ChoiceField(
        label=_("Type of treatment"), required=False, choices=KIND_CHOICES, widget=forms.RadioSelect
    )
    modality = forms.ChoiceField(
        label=_("Cell or blood product"),
        required=False,
        choices=_with_blank(list(Modality.choices), _("Any")),
        widget=PlainSelect,
    )
    cultured = forms.BooleanField(label=_("Culture-expanded cells only"), required=False)
    joint = forms.BooleanField(label=_("Knee and other joint treatments only"), required=False)
    has_price = forms.BooleanField(label=_("Has a published price"), required=False)
    language = forms.ChoiceField(
        label=_("Language spoken"),
        required=False,
        choices=_with_blank(list(SpokenLanguage.Language.choices), _("Any")),
        widget=PlainSelect,
    )
    price_min = forms.DecimalField(
        label=_("Price from"), required=False, min_value=0, max_value=MAX_PRICE, decimal_places=2
    )
    price_max = forms.DecimalField(
        label=_("Price up to"), required=False, min_value=0, max_value=MAX_PRICE, decimal_places=2
    )
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=SORT_CHOICES, widget=PlainSelect
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=100000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        prefecture = self.fields["prefecture"]
        assert isinstance(region, forms.ChoiceField) and isinstance(prefecture, forms.ChoiceField)
        region.choices = _with_blank(region_choices(), _("All regions"))
        prefecture.choices = _with_blank(prefecture_choices(), _("All prefectures"))

    def clean(self) -> dict:
        data = super().clean() or {}
        low, high = data.get("price_min"), data.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error("price_max", _("The upper price must not be below the lower price."))
        return data
