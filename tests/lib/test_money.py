"""Formatting money, and the {{ x|jpy }}, {% approx %} and {% currency_note %} template tags."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from saisei.lib.currency import Rate, RateTable, clear_rates_cache, rate_info
from saisei.lib.models import ExchangeRate
from saisei.lib.money import (
    approximate,
    babel_locale,
    format_approximate,
    format_jpy,
    format_money,
)

NBSP = "\u00a0"
DAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def fresh_rates_cache(settings):
    settings.SAISEI_DEFAULT_CURRENCY = "USD"
    clear_rates_cache()
    yield
    clear_rates_cache()


def rates(source: str = "Test rates", url: str = "https://rates.example/") -> RateTable:
    values = {"USD": "1.16", "JPY": "178", "EUR": "1", "KRW": "1650", "SGD": "1.51"}
    return RateTable(
        rates={code: Rate(code, Decimal(v), DAY, source, url) for code, v in values.items()}
    )


# --- locales --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "en_US"),
        ("ja", "ja_JP"),
        ("zh-hans", "zh_Hans_CN"),
        ("ja_JP", "ja_JP"),
        ("en-gb", "en_GB"),
        ("xx-nonsense", "en_US"),
    ],
)
def test_babel_locale_from_django_language_code(language, expected):
    assert babel_locale(language) == expected


def test_babel_locale_defaults_to_the_active_language():
    with translation.override("ja"):
        assert babel_locale() == "ja_JP"


# --- format_money ---------------------------------------------------------------------------------


def test_whole_amounts_of_100_or_more_drop_the_cents():
    assert format_money(Decimal("6630"), "USD", "en") == "US$6,630"
    assert format_money(Decimal("6630.00"), "USD", "en") == "US$6,630"
    assert format_money(Decimal("100"), "EUR", "en") == "€100"


def test_other_amounts_keep_their_minor_units():
    assert format_money(Decimal("6630.5"), "USD", "en") == "US$6,630.50"
    assert format_money(Decimal("21"), "USD", "en") == "US$21.00"
    assert format_money(Decimal("21.5"), "GBP", "en") == "£21.50"


def test_rounding_to_minor_units_is_half_up():
    assert format_money(Decimal("0.125"), "USD", "en") == "US$0.13"
    assert format_money(Decimal("2.5"), "KRW", "en") == "₩3"


def test_yen_and_won_never_show_decimals():
    assert format_money(990_000, "JPY", "en") == "¥990,000"
    assert format_money(Decimal("9176966.4"), "KRW", "en") == "₩9,176,966"
    assert format_money(Decimal("50"), "KRW", "en") == "₩50"


def test_us_dollar_is_never_a_bare_dollar_sign():
    assert format_money(Decimal("6450"), "USD", "ja") == "US$6,450"
    assert format_money(Decimal("6450"), "USD", "zh-hans") == "US$6,450"
    assert format_money(Decimal("6450"), "AUD", "en") == "A$6,450"
    assert format_money(Decimal("6450"), "CAD", "en") == "CA$6,450"


def test_letter_symbols_are_spaced_from_the_digits():
    assert format_money(Decimal("6450"), "SGD", "en") == f"SGD{NBSP}6,450"
    assert format_money(Decimal("21.5"), "THB", "en") == f"THB{NBSP}21.50"


def test_format_money_rejects_floats():
    with pytest.raises(TypeError):
        format_money(6450.0, "USD", "en")  # type: ignore[arg-type]


# --- approximations -------------------------------------------------------------------------------


def test_approximations_keep_three_significant_figures():
    assert approximate(Decimal("6451.69"), "USD") == Decimal("6450")
    assert approximate(Decimal("21.5068"), "USD") == Decimal("21.50")
    assert approximate(Decimal("9176966"), "KRW") == Decimal("9180000")
    assert approximate(Decimal("0.004"), "USD") == Decimal("0.00")  # never finer than cents


def test_format_approximate():
    assert format_approximate(Decimal("6451.69"), "USD", "en") == "US$6,450"
    assert format_approximate(Decimal("21.5068"), "USD", "en") == "US$21.50"
    assert format_approximate(Decimal("9176966"), "KRW", "en") == "₩9,180,000"
    assert format_approximate(Decimal("5561.80"), "EUR", "en") == "€5,560"


# --- yen ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "¥990,000"), ("ja", "990,000円"), ("zh-hans", "JP¥990,000")],
)
def test_format_jpy_per_language(language, expected):
    assert format_jpy(990_000, language) == expected


def test_format_jpy_rounds_to_whole_yen():
    assert format_jpy(Decimal("989999.5"), "en") == "¥990,000"


# --- template tags --------------------------------------------------------------------------------


def render(source: str, **context: object) -> str:
    return Template("{% load money %}" + source).render(Context(context))


def request_in(currency: str):
    request = RequestFactory().get("/")
    request.currency = currency  # type: ignore[attr-defined]
    return request


def test_jpy_filter_follows_the_active_language():
    assert render("{{ p|jpy }}", p=990_000) == "¥990,000"
    with translation.override("ja"):
        assert render("{{ p|jpy }}", p=990_000) == "990,000円"
    with translation.override("zh-hans"):
        assert render("{{ p|jpy }}", p=Decimal("990000")) == "JP¥990,000"


def test_jpy_filter_is_empty_for_empty_or_bad_values():
    assert render("{{ p|jpy }}", p=None) == ""
    assert render("{{ p|jpy }}", p="") == ""
    assert render("{{ p|jpy }}", p="<b>") == ""
    assert render("{{ p|jpy }}") == ""


def test_approx_renders_the_visitors_currency_with_the_rate_date():
    html = render("{% approx p %}", p=990_000, request=request_in("USD"), rates=rates())
    assert html == (
        '<span class="approx" title="Approximate, at the rate of November 20, 2026">'
        f"≈{NBSP}US$6,450</span>"
    )


def test_approx_in_japanese_dates_the_rate_the_japanese_way():
    with translation.override("ja"):
        html = render("{% approx p %}", p=990_000, request=request_in("KRW"), rates=rates())
    assert "2026年11月20日" in html
    assert f"≈{NBSP}₩9,180,000" in html


def test_approx_renders_nothing_for_yen_missing_rates_or_bad_amounts():
    assert render("{% approx p %}", p=990_000, request=request_in("JPY"), rates=rates()) == ""
    assert render("{% approx p %}", p=990_000, request=request_in("AUD"), rates=rates()) == ""
    assert render("{% approx p %}", p=None, request=request_in("USD"), rates=rates()) == ""
    assert render("{% approx p %}", p="<b>1</b>", request=request_in("USD"), rates=rates()) == ""


@pytest.mark.django_db
def test_approx_without_a_request_uses_the_default_currency_and_stored_rates():
    for code, value in {"USD": "1.16", "JPY": "178"}.items():
        ExchangeRate.objects.create(currency=code, per_eur=Decimal(value), as_of=DAY, source="t")
    assert render("{% approx 990000 %}").endswith(f"≈{NBSP}US$6,450</span>")


def test_currency_note_links_the_source():
    html = render("{% currency_note %}", request=request_in("USD"), rates=rates())
    assert html == (
        "Amounts in US dollars are approximate, converted at 1 USD = 153.4 JPY "
        '(<a href="https://rates.example/" rel="external">Test rates</a>, November 20, 2026).'
    )


def test_currency_note_escapes_the_source_and_its_address():
    table = rates(source="<script>alert(1)</script>", url='https://x.example/?a=1&b="2"')
    html = render("{% currency_note %}", request=request_in("KRW"), rates=table)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="https://x.example/?a=1&amp;b=&quot;2&quot;"' in html
    assert "1 KRW = 0.1079 JPY" in html


def test_currency_note_without_an_address_names_the_source_only():
    html = render("{% currency_note %}", request=request_in("EUR"), rates=rates(url=""))
    assert "<a" not in html
    assert "1 EUR = 178 JPY (Test rates, November 20, 2026)" in html


def test_currency_note_uses_the_rate_from_the_context():
    table = rates()
    info = rate_info("USD", table)
    html = render("{% currency_note %}", request=request_in("USD"), rates=table, rate=info)
    assert "1 USD = 153.4 JPY" in html


def test_currency_note_is_empty_for_yen_and_missing_rates():
    assert render("{% currency_note %}", request=request_in("JPY"), rates=rates()) == ""
    assert render("{% currency_note %}", request=request_in("THB"), rates=rates()) == ""
