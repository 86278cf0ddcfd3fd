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
