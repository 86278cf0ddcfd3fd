"""Rates, conversions, the currency middleware, the switch view and the context processor."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.test import RequestFactory
from django.urls import include, path
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from saisei.lib import currency as currency_module
from saisei.lib.context_processors import site
from saisei.lib.currency import (
    SUPPORTED_CURRENCIES,
    Rate,
    RateSource,
    RateTable,
    clear_rates_cache,
    convert_jpy,
    load_rates,
    rate_info,
    round_significant,
    to_jpy,
)
from saisei.lib.middleware import CurrencyMiddleware, get_currency
from saisei.lib.models import ExchangeRate

DAY = date(2026, 11, 20)


def currency_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(get_currency(request))


def page_view(request: HttpRequest) -> HttpResponse:
    template = engines["django"].from_string(
        "{% load money %}[{% approx 990000 %}][{% approx 500000 %}][{% currency_note %}]"
        "{{ currency }} {{ rate.jpy_per_unit }}"
    )
    return HttpResponse(template.render({}, request))


urlpatterns = [
    path("whoami/", currency_view),
    path("page/", page_view),
    path("", include("saisei.lib.urls")),
]


@pytest.fixture(autouse=True)
def fresh_rates_cache():
    clear_rates_cache()
    yield
    clear_rates_cache()


@pytest.fixture(autouse=True)
def default_usd(settings):
    settings.SAISEI_DEFAULT_CURRENCY = "USD"


@pytest.fixture
def only_site_context(settings):
    """Templates with only the request and this app's context processor, so that the query
    budget below measures the rates and nothing another app's processor may add."""
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {
                "context_processors": [
                    "django.template.context_processors.request",
                    "saisei.lib.context_processors.site",
                ],
            },
        }
    ]


def table(as_of: date = DAY, **per_eur: str) -> RateTable:
    return RateTable(
        rates={
            code: Rate(code, Decimal(value), as_of, "Test rates", "https://rates.example/")
            for code, value in per_eur.items()
        }
    )


def store(as_of: date = DAY, source: str = "Test rates", url: str = "", **per_eur: str) -> None:
    for code, value in per_eur.items():
        ExchangeRate.objects.create(
            currency=code, per_eur=Decimal(value), as_of=as_of, source=source, source_url=url
        )


RATES = table(USD="1.16", JPY="178", EUR="1", KRW="1650", GBP="0.87")


# --- supported currencies -------------------------------------------------------------------------


def test_supported_currencies_are_in_menu_order_with_names():
    assert list(SUPPORTED_CURRENCIES) == [
        *("USD", "EUR", "GBP", "AUD", "CAD", "CNY", "HKD", "TWD", "SGD", "KRW", "THB", "JPY")
    ]
    assert str(SUPPORTED_CURRENCIES["USD"]) == "US dollar"
    assert str(SUPPORTED_CURRENCIES["TWD"]) == "New Taiwan dollar"


# --- conversions ----------------------------------------------------------------------------------


def test_990000_yen_in_us_dollars_is_exact_decimal_arithmetic_rounded_to_cents():
    # 990000 * 1.16 / 178 = 6451.685393...
    assert convert_jpy(990_000, "USD", RATES) == Decimal("6451.69")


def test_euro_and_pound_conversions():
    assert convert_jpy(990_000, "EUR", RATES) == Decimal("5561.80")  # 5561.797...
    assert convert_jpy(990_000, "GBP", RATES) == Decimal("4838.76")  # 4838.764...


def test_won_and_yen_have_no_minor_units():
    # 990000 * 1650 / 178 = 9176966.29...
    result = convert_jpy(990_000, "KRW", RATES)
    assert result == Decimal("9176966")
    assert result is not None and result.as_tuple().exponent == 0
    assert convert_jpy(990_000, "JPY", RATES) == Decimal(990_000)


def test_yen_is_itself_even_without_any_rate():
    assert convert_jpy(1234, "JPY", RateTable()) == Decimal(1234)


def test_rounding_is_half_up_not_bankers():
    rates = table(USD="1", JPY="200")
    assert convert_jpy(1, "USD", rates) == Decimal("0.01")  # 0.005
    assert convert_jpy(5, "USD", rates) == Decimal("0.03")  # 0.025


def test_missing_rates_give_none():
    assert convert_jpy(990_000, "AUD", RATES) is None  # no AUD rate
    assert convert_jpy(990_000, "USD", table(USD="1.16")) is None  # no yen rate
    assert convert_jpy(990_000, "XYZ", RATES) is None  # not supported
    assert convert_jpy(990_000, "USD", RateTable()) is None


def test_euro_is_one_by_definition_even_when_not_stored():
    assert convert_jpy(178_000, "EUR", table(JPY="178")) == Decimal("1000.00")


def test_conversion_does_not_depend_on_the_threads_decimal_context():
    import decimal

    with decimal.localcontext(prec=3, rounding=decimal.ROUND_DOWN):
        assert convert_jpy(990_000, "USD", RATES) == Decimal("6451.69")
        assert to_jpy(Decimal("6451.69"), "USD", RATES) == 990_001


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    amount=st.integers(min_value=0, max_value=10**8),
    target=st.decimals(min_value="0.01", max_value="5000", places=4),
    yen=st.decimals(min_value="0.01", max_value="5000", places=4),
    code=st.sampled_from(["USD", "KRW", "THB"]),
)
def test_conversion_equals_exact_rational_result_rounded_half_up(amount, target, yen, code):
    rates = RateTable(
        rates={
            code: Rate(code, target, DAY, "t"),
            "JPY": Rate("JPY", yen, DAY, "t"),
        }
    )
    exact = Fraction(amount) * Fraction(target) / Fraction(yen)
    places = 0 if code == "KRW" else 2
    scaled = exact * 10**places
    expected = Decimal(int(scaled + Fraction(1, 2))).scaleb(-places)  # half-up for positives
    assert convert_jpy(amount, code, rates) == expected


def test_to_jpy_turns_a_price_filter_into_whole_yen():
    assert to_jpy(Decimal("100"), "USD", RATES) == 15345  # 100 * 178 / 1.16 = 15344.83
    # 6451.69 * 178 / 1.16 = 990000.71: a cent is worth 1.53 yen, so a round trip can move
    # by one yen (see the property test below).
    assert to_jpy(Decimal("6451.69"), "USD", RATES) == 990_001
    assert to_jpy(5000, "EUR", RATES) == 890_000
    assert to_jpy("2000.5", "JPY", RATES) == 2001
    assert to_jpy(Decimal("100"), "AUD", RATES) is None
    assert to_jpy(Decimal("NaN"), "USD", RATES) is None
    assert to_jpy(Decimal("Infinity"), "USD", RATES) is None
    assert to_jpy("abc", "USD", RATES) is None


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    amount=st.integers(min_value=0, max_value=10**8),
    code=st.sampled_from(["USD", "EUR", "GBP", "KRW", "JPY"]),
)
def test_round_trip_through_a_currency_loses_at_most_one_minor_unit(amount, code):
    converted = convert_jpy(amount, code, RATES)
    assert converted is not None
    back = to_jpy(converted, code, RATES)
    assert back is not None
    if code == "JPY":
        assert back == amount
        return
    per_eur = RATES.per_eur(code)
    assert per_eur is not None
    minor = Decimal("1") if code == "KRW" else Decimal("0.01")
    yen_per_minor_unit = minor * Decimal(178) / per_eur
    assert abs(back - amount) <= yen_per_minor_unit / 2 + Decimal("0.5")


def test_round_significant():
    assert round_significant(Decimal("6451.69"), 3) == Decimal("6450")
    assert str(round_significant(Decimal("6451.69"), 3)) == "6450"
    assert round_significant(Decimal("153.44827"), 4) == Decimal("153.4")
    assert round_significant(Decimal("0.1078787"), 4) == Decimal("0.1079")
    assert round_significant(Decimal("0.0995"), 2) == Decimal("0.10")
    assert round_significant(Decimal("0"), 3) == 0


# --- rate_info ------------------------------------------------------------------------------------


def test_rate_info_gives_yen_per_unit_date_and_source():
    info = rate_info("USD", RATES)
    assert info is not None
    assert info.jpy_per_unit == Decimal("153.4")  # 178 / 1.16 = 153.448...
    assert info.as_of == DAY
    assert info.source == "Test rates"
    assert info.source_url == "https://rates.example/"
    won = rate_info("KRW", RATES)
    assert won is not None and won.jpy_per_unit == Decimal("0.1079")


def test_rate_info_is_none_for_yen_and_missing_rates():
    assert rate_info("JPY", RATES) is None
    assert rate_info("AUD", RATES) is None
    assert rate_info("USD", table(USD="1.16")) is None


def test_rate_info_uses_the_older_date_and_names_both_sources():
    rates = RateTable(
        rates={
            "JPY": Rate("JPY", Decimal("178"), date(2026, 11, 20), "Bank A", "https://a.example/"),
            "TWD": Rate("TWD", Decimal("37"), date(2026, 11, 13), "Bank B", ""),
        }
    )
    info = rate_info("TWD", rates)
    assert info is not None
    assert info.as_of == date(2026, 11, 13)
    assert info.sources == (RateSource("Bank B", ""), RateSource("Bank A", "https://a.example/"))
    assert info.source == "Bank B"


# --- loading and caching --------------------------------------------------------------------------


@pytest.mark.django_db
def test_load_rates_takes_the_newest_row_of_each_supported_currency():
    store(as_of=date(2026, 11, 19), USD="1.10", JPY="170")
    store(as_of=date(2026, 11, 20), USD="1.16", JPY="178", CHF="0.93")
    store(as_of=date(2026, 11, 18), KRW="1600")
    rates = load_rates()
    assert set(rates.rates) == {"USD", "JPY", "KRW"}  # CHF is not supported
    usd = rates.get("USD")
    assert usd is not None and usd.per_eur == Decimal("1.16") and usd.as_of == DAY
    krw = rates.get("KRW")
    assert krw is not None and krw.as_of == date(2026, 11, 18)


@pytest.mark.django_db
def test_load_rates_costs_one_query_then_none_while_cached(django_assert_num_queries):
    store(USD="1.16", JPY="178")
    with django_assert_num_queries(1):
        first = load_rates()
    with django_assert_num_queries(0):
        assert load_rates() is first


@pytest.mark.django_db
def test_cache_expires_after_its_lifetime(monkeypatch, django_assert_num_queries):
    clock = [1000.0]
    monkeypatch.setattr(currency_module.time, "monotonic", lambda: clock[0])
    load_rates()
    clock[0] += 59
    with django_assert_num_queries(0):
        load_rates()
    clock[0] += 2
    with django_assert_num_queries(1):
        load_rates()


@pytest.mark.django_db
def test_cache_can_be_switched_off(settings, django_assert_num_queries):
    settings.SAISEI_RATES_CACHE_SECONDS = 0
    with django_assert_num_queries(2):
        load_rates()
        load_rates()


@pytest.mark.django_db
def test_saving_a_rate_through_the_orm_clears_the_cache():
    assert "USD" not in load_rates()
    store(USD="1.16", JPY="178")
    assert "USD" in load_rates()
    ExchangeRate.objects.filter(currency="USD").delete()
    assert "USD" not in load_rates()


# --- middleware -----------------------------------------------------------------------------------


@pytest.mark.urls(__name__)
def test_default_currency_without_parameter_or_cookie(client, settings):
    settings.SAISEI_DEFAULT_CURRENCY = "EUR"
    response = client.get("/whoami/")
    assert response.content == b"EUR"
    assert "currency" not in response.cookies
    assert "Cookie" in response["Vary"]


@pytest.mark.urls(__name__)
def test_query_parameter_chooses_the_currency_and_sets_the_cookie(client):
    response = client.get("/whoami/", {"currency": "gbp"})
    assert response.content == b"GBP"
    cookie = response.cookies["currency"]
    assert cookie.value == "GBP"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    assert not cookie["secure"]


@pytest.mark.urls(__name__)
def test_cookie_is_secure_on_https(client):
    response = client.get("/whoami/", {"currency": "KRW"}, secure=True)
    assert response.cookies["currency"]["secure"] is True


@pytest.mark.urls(__name__)
def test_cookie_is_used_when_there_is_no_parameter(client):
    client.cookies["currency"] = "KRW"
    response = client.get("/whoami/")
    assert response.content == b"KRW"
    assert "currency" not in response.cookies


@pytest.mark.urls(__name__)
def test_unsupported_parameter_is_ignored(client):
    client.cookies["currency"] = "THB"
    response = client.get("/whoami/", {"currency": "XYZ"})
    assert response.content == b"THB"
    assert "currency" not in response.cookies


@pytest.mark.urls(__name__)
def test_tampered_cookie_falls_back_to_the_default(client):
    client.cookies["currency"] = "<script>"
    assert client.get("/whoami/").content == b"USD"


def test_misconfigured_default_currency_fails_at_start_up(settings):
    settings.SAISEI_DEFAULT_CURRENCY = "XYZ"
    with pytest.raises(ImproperlyConfigured):
        CurrencyMiddleware(lambda request: HttpResponse())


def test_get_currency_without_the_middleware_is_the_default(rf: RequestFactory):
    assert get_currency(rf.get("/")) == "USD"


# --- set_currency view ----------------------------------------------------------------------------


@pytest.mark.urls(__name__)
def test_set_currency_sets_the_cookie_and_goes_back_without_the_parameter(client):
    response = client.get(
        "/currency/", {"currency": "EUR", "next": "/clinics/?page=2&currency=USD&q=knee"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/clinics/?page=2&q=knee"
    assert response.cookies["currency"].value == "EUR"
    assert response.cookies["currency"]["httponly"] is True


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "http://testserver.evil/"],
)
def test_set_currency_refuses_an_off_site_next(client, next_url):
    response = client.get("/currency/", {"currency": "GBP", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert response.cookies["currency"].value == "GBP"


@pytest.mark.urls(__name__)
def test_set_currency_falls_back_to_the_referring_page(client):
    response = client.get(
        "/currency/", {"currency": "AUD"}, headers={"referer": "http://testserver/ja/clinics/"}
    )
    assert response["Location"] == "http://testserver/ja/clinics/"


@pytest.mark.urls(__name__)
def test_set_currency_ignores_an_unsupported_currency(client):
    response = client.get("/currency/", {"currency": "XYZ", "next": "/clinics/"})
    assert response["Location"] == "/clinics/"
    assert "currency" not in response.cookies


@pytest.mark.urls(__name__)
def test_set_currency_answers_get_only(client):
    assert client.post("/currency/", {"currency": "EUR"}).status_code == 405


@pytest.mark.urls(__name__)
def test_set_currency_has_its_url_name():
    from django.urls import reverse

    assert reverse("set_currency").endswith("/currency/")


# --- context processor and query budget -----------------------------------------------------------


@pytest.mark.django_db
def test_context_processor_supplies_currency_menu_rates_and_rate(rf: RequestFactory):
    store(USD="1.16", JPY="178", EUR="1")
    request = rf.get("/")
    request.currency = "USD"  # type: ignore[attr-defined]
    context = site(request)
    assert context["currency"] == "USD"
    assert context["currencies"][0] == ("USD", SUPPORTED_CURRENCIES["USD"])
    assert [code for code, _name in context["currencies"]][-1] == "JPY"
    assert isinstance(context["rates"], RateTable)
    assert context["rate"].jpy_per_unit == Decimal("153.4")


@pytest.mark.django_db
def test_context_processor_rate_is_none_for_yen(rf: RequestFactory):
    request = rf.get("/")
    request.currency = "JPY"  # type: ignore[attr-defined]
    assert site(request)["rate"] is None


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_page_costs_at_most_one_query_for_rates_and_none_when_cached(
    client, only_site_context, django_assert_max_num_queries, django_assert_num_queries
):
    store(USD="1.16", JPY="178", EUR="1")
    clear_rates_cache()
    with django_assert_max_num_queries(1):
        response = client.get("/page/")
    text = response.content.decode()
    assert "≈\xa0US$6,450" in text
    assert "≈\xa0US$3,260" in text  # 500000 * 1.16 / 178 = 3258.43
    assert "1 USD = 153.4 JPY" in text
    with django_assert_num_queries(0):
        client.get("/page/", {"currency": "EUR"})


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_page_in_yen_shows_no_approximation(client, only_site_context):
    store(USD="1.16", JPY="178", EUR="1")
    response = client.get("/page/", {"currency": "JPY"})
    assert response.content.decode().startswith("[][][]JPY")


def test_half_up_reference_helper_matches_decimal():
    # The reference used in the property test rounds like ROUND_HALF_UP.
    assert Decimal(int(Fraction(5, 2) + Fraction(1, 2))) == Decimal("2.5").quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
