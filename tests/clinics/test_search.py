from decimal import Decimal

import pytest

from saisei.clinics.forms import ClinicSearchForm
from saisei.clinics.search import SearchParams, search_clinics
from saisei.lib.currency import load_rates
from tests.factories import make_facility, make_rates

pytestmark = pytest.mark.django_db

ADIPOSE = {"modality": "adipose_msc", "cultured": True, "prices": [{"amount_jpy": 1_650_000}]}
SVF = {"modality": "svf", "cultured": False, "prices": [{"amount_jpy": 880_000}]}
PRP = {
    "modality": "prp",
    "title_ja": "自己多血小板血漿（PRP）を用いた変形性膝関節症の治療",
    "risk_class": 2,
    "prices": [{"amount_jpy": 55_000}],
}
PRP_TENDON = {
    "modality": "prp",
    "title_ja": "PRPを用いた腱の治療",
    "targets_joint": False,
    "prices": [{"amount_jpy": 33_000}],
}


@pytest.fixture
def clinics():
    make_rates()
    return {
        "tokyo_stem": make_facility(
            name_ja="銀座幹細胞クリニック", name_romaji="Ginza Stem Cell Clinic", plans=[ADIPOSE]
        ),
        "osaka_prp": make_facility(
            name_ja="大阪膝クリニック",
            name_romaji="Osaka Knee Clinic",
            prefecture="Osaka",
            prefecture_ja="大阪府",
            region="Kinki",
            region_ja="近畿",
            plans=[PRP],
        ),
        "osaka_both": make_facility(
            name_ja="なにわ整形外科",
            name_romaji="Naniwa Orthopaedics",
            prefecture="Osaka",
            prefecture_ja="大阪府",
            region="Kinki",
            region_ja="近畿",
            plans=[SVF, PRP_TENDON],
        ),
        "no_price": make_facility(
            name_ja="価格なし医院", name_romaji="Kakaku Nashi Clinic", plans=[{"modality": "prp"}]
        ),
    }


def find(currency: str = "USD", **query) -> list[str]:
    form = ClinicSearchForm(query)
    assert form.is_valid(), form.errors
    params = SearchParams.from_cleaned(form.cleaned_data, currency, load_rates())
    return [f.name_romaji for f in search_clinics(params)]


def test_an_empty_search_lists_every_listed_clinic_by_name(clinics):
    assert find() == [
        "Ginza Stem Cell Clinic",
        "Kakaku Nashi Clinic",
        "Naniwa Orthopaedics",
        "Osaka Knee Clinic",
    ]


def test_stem_cells_and_prp_are_separate_kinds(clinics):
    assert find(kind="stem_cells") == ["Ginza Stem Cell Clinic", "Naniwa Orthopaedics"]
    assert find(kind="blood") == ["Kakaku Nashi Clinic", "Naniwa Orthopaedics", "Osaka Knee Clinic"]


def test_plan_conditions_must_hold_for_one_plan(clinics):
    # Naniwa has a non-cultured SVF plan and a tendon PRP plan: no cultured one, no knee PRP.
    assert find(kind="stem_cells", cultured="on") == ["Ginza Stem Cell Clinic"]
    assert find(kind="blood", joint="on") == ["Kakaku Nashi Clinic", "Osaka Knee Clinic"]


def test_region_and_prefecture_filters(clinics):
    assert find(region="kinki") == ["Naniwa Orthopaedics", "Osaka Knee Clinic"]
    assert find(prefecture="tokyo") == ["Ginza Stem Cell Clinic", "Kakaku Nashi Clinic"]


def test_text_matches_japanese_romanised_and_treatment_words(clinics):
    # the name first, then the clinic whose prefecture (大阪府) matches
    assert find(q="大阪") == ["Osaka Knee Clinic", "Naniwa Orthopaedics"]
    assert find(q="naniwa") == ["Naniwa Orthopaedics"]
    assert find(q="ＧＩＮＺＡ") == ["Ginza Stem Cell Clinic"]
    assert find(q="osaka 多血小板") == ["Osaka Knee Clinic"]


def test_relevance_puts_name_matches_first(clinics):
    # "osaka" is in Osaka Knee Clinic's name and only in Naniwa's prefecture.
    assert find(q="osaka") == ["Osaka Knee Clinic", "Naniwa Orthopaedics"]


def test_has_published_price(clinics):
    assert "Kakaku Nashi Clinic" not in find(has_price="on")
    assert len(find(has_price="on")) == 3


def test_price_range_is_given_in_the_visitors_currency(clinics):
    # At 178 JPY and 1.16 USD per EUR, USD 1,000 is about JPY 153,448.
    assert find(price_max="1000") == ["Naniwa Orthopaedics", "Osaka Knee Clinic"]
    assert find(price_min="1000", price_max="8000") == ["Naniwa Orthopaedics"]
    assert find(currency="JPY", price_min="1000000") == ["Ginza Stem Cell Clinic"]


def test_sort_by_price_uses_the_price_of_the_kind_asked_for(clinics):
    assert find(sort="price") == [
        "Naniwa Orthopaedics",  # tendon PRP at 33,000
        "Osaka Knee Clinic",
        "Ginza Stem Cell Clinic",
        "Kakaku Nashi Clinic",  # no price: last
    ]
    assert find(sort="price", kind="stem_cells") == [
        "Naniwa Orthopaedics",  # SVF at 880,000
        "Ginza Stem Cell Clinic",
    ]
    assert find(sort="price_desc", kind="stem_cells")[0] == "Ginza Stem Cell Clinic"


def test_clinics_without_a_listed_plan_are_hidden(clinics):
    gone = clinics["osaka_prp"]
    gone.plans.update(status="no_longer_listed")
    from tests.factories import refresh_summary

    refresh_summary(gone)
    assert "Osaka Knee Clinic" not in find()


@pytest.mark.parametrize(
    "query,field",
    [
        ({"region": "atlantis"}, "region"),
        ({"kind": "magic"}, "kind"),
        ({"price_min": "-5"}, "price_min"),
        ({"price_min": "abc"}, "price_min"),
        ({"price_min": "500", "price_max": "100"}, "price_max"),
        ({"sort": "random"}, "sort"),
        ({"q": "x" * 101}, "q"),
        ({"page": "0"}, "page"),
    ],
)
def test_bad_parameters_are_form_errors(query, field):
    form = ClinicSearchForm(query)
    assert not form.is_valid()
    assert field in form.errors


def test_price_bounds_convert_with_decimals():
    from saisei.lib.currency import to_jpy

    make_rates()
    assert to_jpy(Decimal("1000"), "USD", load_rates()) == 153448
