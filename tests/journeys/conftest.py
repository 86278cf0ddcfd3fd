from datetime import timedelta

import pytest

from saisei.journeys.services import import_visa_rules, today_in_japan
from saisei.journeys.visa import VISA_EXEMPTIONS_FILE
from tests.factories import make_facility, make_rates

CULTURED_PLAN = {
    "modality": "adipose_msc",
    "cultured": True,
    "intra_articular": True,
    "title_ja": "自己脂肪由来間葉系幹細胞（培養）を用いた変形性膝関節症の治療",
    "document_url": "https://saiseiiryo.mhlw.go.jp/published_plan/download/02E2408010/5/0",
    "prices": [
        {"amount_jpy": 990_000, "unit": "片膝", "excerpt": "片膝 990,000円（税込）"},
        {"amount_jpy": 1_320_000, "unit": "両膝", "excerpt": "両膝 1,320,000円（税込）"},
    ],
}
SVF_PLAN = {
    "modality": "svf",
    "cultured": False,
    "title_ja": "自己脂肪組織由来間質血管細胞群（SVF）を用いた変形性膝関節症の治療",
    "prices": [{"amount_jpy": 1_650_000}],
}
PRP_PLAN = {"modality": "prp", "title_ja": "PRP療法", "prices": [{"amount_jpy": 55_000}]}


def soon(days: int = 40):
    return today_in_japan() + timedelta(days=days)


@pytest.fixture
def visa_rules(db):
    import_visa_rules(VISA_EXEMPTIONS_FILE, actor_label="test")


@pytest.fixture
def clinics(db, visa_rules):
    make_rates()
    return {
        "ginza": make_facility(
            name_ja="銀座幹細胞クリニック",
            name_romaji="Ginza Stem Cell Clinic",
            slug="ginza-stem-cell-clinic",
            plans=[CULTURED_PLAN, PRP_PLAN],
        ),
        "svf": make_facility(
            name_ja="梅田SVFクリニック",
            name_romaji="Umeda SVF Clinic",
            slug="umeda-svf-clinic",
            plans=[SVF_PLAN],
        ),
    }


# --- saved plans ------------------------------------------------------------------------------


def plan_params(**overrides) -> dict[str, str]:
    """Planner parameters a saved plan is made of (a US patient, arriving in 60 days)."""
    return {"nationality": "US", "start": soon(60).isoformat(), "home": "Denver", **overrides}


@pytest.fixture
def journey_world(db, visa_rules):
    make_rates()


@pytest.fixture
def accepted_quote(journey_world, alice, clinic_a, carol):
    """alice's accepted quote from clinic_a: 4 culture weeks, 2 visits, 1,270,000 yen included."""
    from saisei.quotes import services as quotes
    from tests.quotes.conftest import STANDARD_ITEMS, items, make_request, quote_data

    request = make_request(alice, [clinic_a])
    recipient = request.recipients.get()
    quote = quotes.send_quote(recipient.pk, carol, data=quote_data(), items=items(*STANDARD_ITEMS))
    return quotes.accept_quote(alice, quote.pk)


@pytest.fixture
def package_a(journey_world, clinic_a):
    from saisei.clinics.models import Package

    return Package.objects.create(
        facility=clinic_a,
        plan=clinic_a.plans.get(modality="adipose_msc"),
        name_en="Knee MSC package (fictional)",
        cell_source="adipose",
        cultured=True,
        culture_weeks=6,
        visits=2,
        price_jpy=1_800_000,
        tax="included",
        valid_until=soon(200),
    )


@pytest.fixture
def saved_plan(journey_world, alice):
    """alice's saved plan (through the service, as the save view does)."""
    return save(alice, plan_params())


def build(user, params):
    """The planner's form and journey for `params` as `user` sees them."""
    from django.http import QueryDict

    from saisei.journeys import services
    from saisei.journeys.forms import JourneyForm
    from saisei.lib.currency import load_rates

    data = QueryDict(mutable=True)
    data.update(params)
    rates = load_rates()
    form = JourneyForm(data, currency="USD", rates=rates, user=user)
    assert form.is_valid(), form.errors
    assert form.treatment is not None
    return form, services.build_journey(form.journey_request(), form.treatment, rates)


def save(user, params, title=""):
    from saisei.journeys import saved

    form, journey = build(user, params)
    return saved.save_plan(user, form.params(), journey, title)
