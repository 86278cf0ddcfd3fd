"""The cost page: country ranges with sources, Saisei's registry prices, the chart, currencies."""

import re

import pytest

from saisei.guide import costs
from saisei.guide.chart import nice_step
from saisei.registry.models import Plan, PricePoint
from tests.factories import make_facility, make_rates
from tests.test_translations import visible_text

HEADER = "country,treatment,low_usd,high_usd,status,basis,source,as_of"


def test_bundled_cost_data_covers_the_six_countries_with_a_source_and_date_per_row():
    rows = costs.load_costs()
    assert {row.country for row in rows} == {"JP", "US", "GB", "AU", "MX", "TH"}
    for row in rows:
        assert row.source.url and row.as_of
        assert row.status_text and row.basis_text
    japan = [r for r in rows if r.country == "JP"]
    assert [(r.treatment, r.low_usd, r.high_usd) for r in japan] == [
        ("cultured_msc", 10_000, 25_000)
    ]
    assert {r.treatment for r in rows if r.country == "US"} == {"same_day", "cultured_trial"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("XX,same_day,1,2,unverified,estimate,tga,2026", "unknown country"),
        ("AU,stem_soup,1,2,unverified,estimate,tga,2026", "unknown treatment"),
        ("AU,same_day,1,2,unverified,estimate,nowhere,2026", "unknown source"),
        ("AU,same_day,5,2,unverified,estimate,tga,2026", "not valid"),
        ("AU,same_day,5,,unverified,estimate,tga,2026", "not valid"),
        ("AU,same_day,1,2,unverified,estimate,tga,", "as_of is required"),
        ("AU,same_day,one,2,unverified,estimate,tga,2026", "not a whole number"),
    ],
)
def test_cost_data_errors_name_the_line(line, message):
    with pytest.raises(costs.CostDataError, match=f"line 2: .*{message}|line 2: {message}"):
        costs.parse_costs([HEADER, line])


@pytest.mark.parametrize(
    ("maximum", "step"), [("25000", "10000"), ("9000", "2500"), ("41000", "20000"), ("3", "1")]
)
def test_chart_scale_uses_round_steps(maximum, step):
    from decimal import Decimal

    assert nice_step(Decimal(maximum)) == Decimal(step)


def _price(amount, **fields):
    return {"amount_jpy": amount, **fields}


@pytest.fixture
def registry(db):
    make_rates()
    make_facility(
        plans=[
            {
                "modality": "adipose_msc",
                "cultured": True,
                "prices": [
                    _price(990_000),
                    _price(1_650_000),
                    _price(5_000_000, extraction=PricePoint.Extraction.REVIEW),
                    _price(100_000, kind=PricePoint.Kind.CANCELLATION),
                    _price(30_000, kind=PricePoint.Kind.CONSULTATION),
                    _price(990_000, is_repeat=True),
                ],
            },
            {"modality": "prp", "title_ja": "PRP療法", "prices": [_price(55_000)]},
            {
                "modality": "adipose_msc",
                "cultured": True,
                "status": Plan.Status.NO_LONGER_LISTED,
                "prices": [_price(9_900_000)],
            },
        ]
    )
    make_facility(
        plans=[{"modality": "adipose_msc", "cultured": True, "prices": [_price(1_320_000)]}]
    )
    make_facility(
        is_demo=True,
        plans=[{"modality": "adipose_msc", "cultured": True, "prices": [_price(8_000_000)]}],
    )


def _groups():
    return {(d.modality, d.cultured): d for d in costs.registry_distribution()}


def test_registry_distribution_counts_only_confirmed_treatment_prices_of_listed_plans(
    registry, settings
):
    settings.SAISEI_SHOW_DEMO = False
    cultured = _groups()[("adipose_msc", True)]
    assert (cultured.count, cultured.min_jpy, cultured.median_jpy, cultured.max_jpy) == (
        3,
        990_000,
        1_320_000,
        1_650_000,
    )
    prp = _groups()[("prp", None)]
    assert (prp.count, prp.min_jpy, prp.max_jpy, prp.is_stem_cell) == (1, 55_000, 55_000, False)
    assert list(_groups()) == [("adipose_msc", True), ("prp", None)]  # stem cells first


def test_registry_distribution_never_includes_the_fictional_demo_clinics(registry, settings):
    settings.SAISEI_SHOW_DEMO = True  # shown on the site, but their prices are invented
    cultured = _groups()[("adipose_msc", True)]
    assert (cultured.count, cultured.max_jpy) == (3, 1_650_000)  # the demo 8,000,000 is out


@pytest.mark.parametrize("n", [1, 3])
def test_costs_page_takes_a_constant_number_of_queries(
    client, registry, django_assert_num_queries, n
):
    for _ in range(n):
        make_facility(plans=[{"modality": "svf", "prices": [_price(1_100_000)]}])
    with django_assert_num_queries(3):  # rates, registry prices, registry date
        assert client.get("/costs/").status_code == 200


def test_costs_page_shows_sources_status_and_the_registry_figures(client, registry, settings):
    settings.SAISEI_SHOW_DEMO = False
    html = client.get("/costs/").content.decode()
    text = visible_text(html)
    for row in costs.load_costs():
        assert row.source.url.replace("&", "&amp;") in html
        assert f"As of {row.as_of}." in text
    assert "Only in FDA-authorised clinical trials" in text
    assert "No market price" in text
    assert text.count("Estimate") >= 4
    # Registry: median of the three confirmed culture-expanded prices, in yen and converted.
    assert "¥1,320,000" in text
    assert "¥5,000,000" not in text and "¥100,000" not in text and "¥8,000,000" not in text


def test_costs_are_converted_to_the_visitors_currency(client, registry):
    text = visible_text(client.get("/costs/?currency=EUR").content.decode())
    # 10,000 USD = 1,533,793 JPY at 178 JPY and 1.16 USD per euro = €8,620.
    assert "€8,620–€21,600" in text
    assert "US$10,000–US$25,000" in text  # the source's own figure stays beside it
    assert "Amounts in euros are approximate" in text


def test_range_chart_is_an_accessible_svg_readable_without_colour(client, registry, settings):
    settings.SAISEI_SHOW_DEMO = False
    html = client.get("/costs/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    desc = svg[svg.index("<desc") : svg.index("</desc>")]
    assert "Japan · culture-expanded stem cells: US$10,000–US$25,000." in desc
    assert "Saisei registry · Adipose-derived stem cells, culture-expanded (n=3)" in desc
    # Estimates are told apart by a dashed outline and by their label, not by colour.
    assert svg.count('class="bar estimate"') == 4
    assert len(re.findall(r"\(estimate\)</text>", svg)) == 4
    assert svg.count('class="median"') == 2


@pytest.mark.parametrize("language", ["ja", "zh-hans"])
def test_costs_page_is_translated(client, registry, language):
    text = visible_text(client.get(f"/{language}/costs/").content.decode())
    assert "Estimated ranges by country" not in text
    assert "No market price" not in text


@pytest.mark.parametrize(
    ("text", "max_ems", "expected"),
    [
        ("Japan · culture-expanded stem cells", 40, ["Japan · culture-expanded stem cells"]),
        ("Japan · culture-expanded stem cells", 12, ["Japan ·", "culture-expanded", "stem cells"]),
        ("当日調製の細胞（推定）", 6, ["当日調製の細", "胞（推定）"]),
    ],
)
def test_chart_labels_wrap_between_words_or_anywhere_in_japanese(text, max_ems, expected):
    from saisei.guide.chart import text_width, wrap

    lines = wrap(text, max_ems)
    assert lines == expected
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(text_width(line) <= max_ems or " " not in line for line in lines)
