"""Formatting money for people: yen exactly, other currencies as friendly approximations.

Decisions (tested in tests/lib/test_money.py):

- Yen and won have no minor unit and always show whole numbers.
- Other currencies show their minor units (Babel's precision), except that a whole amount of
  100 or more drops them: "US$6,450", not "US$6,450.00"; small amounts keep them ("US$21.50").
- A converted amount is an approximation (rates move daily, banks add margins), so pages show
  it rounded to 3 significant figures (`approximate`): 6,451.69 -> "US$6,450", 21.5068 ->
  "US$21.50", ₩9,177,528 -> "₩9,180,000". The error this adds (at most 0.5 %) is well inside
  the spread a patient's bank or card will charge, and round figures read as what they are.
- A bare "$" is ambiguous on a site visited from the US, Australia, Canada, Hong Kong, Taiwan
  and Singapore, so the US dollar is always "US$" (CLDR already says A$, CA$, HK$, NT$).
- Symbols that end in a letter ("SGD", "THB") are separated from the digits by a no-break
  space, as CLDR's currency-spacing rule asks ("SGD 6,450", not "SGD6,450").
- Yen: "¥990,000" in English; "990,000円" in Japanese, the way Japanese clinics and consent
  documents write prices, so a patient can match the figure to the clinic's own papers;
  "JP¥990,000" in Chinese, where a bare ¥ means the yuan.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency, format_decimal, get_currency_symbol
from django.utils.translation import get_language, to_locale

from .currency import JPY, minor_units, quantize_money, round_significant

# Django language code -> the Babel locale used for numbers and dates.
BABEL_LOCALES = {
    "en": "en_US",
    "ja": "ja_JP",
    "zh-hans": "zh_Hans_CN",
}
DEFAULT_BABEL_LOCALE = "en_US"

APPROXIMATE_SIGNIFICANT_FIGURES = 3
NBSP = "\u00a0"


def babel_locale(language: str | None = None) -> str:
    """The Babel locale for a Django language code ("zh-hans" -> "zh_Hans_CN").

    Accepts a Babel identifier as it is ("ja_JP"); None means the active language; anything
    Babel does not know falls back to en_US.
    """
    code = language or get_language() or "en"
    known = BABEL_LOCALES.get(code) or BABEL_LOCALES.get(code.lower())
    if known:
        return known
    try:
        return str(Locale.parse(to_locale(code) if "-" in code else code))
    except (UnknownLocaleError, ValueError, TypeError):
        return DEFAULT_BABEL_LOCALE


def _as_decimal(amount: Decimal | int) -> Decimal:
    if isinstance(amount, Decimal):
        return amount
    if isinstance(amount, int):
        return Decimal(amount)
    raise TypeError(f"money amounts are Decimal or int, not {type(amount).__name__}")


def approximate(amount: Decimal | int, currency: str) -> Decimal:
    """`amount` rounded to 3 significant figures, never finer than the currency's minor unit."""
    value = _as_decimal(amount)
    if not value.is_finite():
        raise InvalidOperation(f"not a finite amount: {value}")
    return quantize_money(round_significant(value, APPROXIMATE_SIGNIFICANT_FIGURES), currency)


def _whole_number_pattern(locale: str) -> str:
    """The locale's standard currency pattern without its fraction digits."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return re.sub(r"\.[0#]+", "", pattern)


def _unambiguous_symbol(text: str, currency: str, locale: str) -> str:
    symbol = get_currency_symbol(currency, locale)
    if symbol == "$":
        text = text.replace("$", f"{currency[:2]}$", 1)
        symbol = f"{currency[:2]}$"
    if symbol and symbol[-1].isalpha():
        text = re.sub(re.escape(symbol) + r"(?=[\d\-])", symbol + NBSP, text, count=1)
    if symbol and symbol[0].isalpha():
        text = re.sub(r"(?<=\d)" + re.escape(symbol), NBSP + symbol, text, count=1)
    return text


def format_money(amount: Decimal | int, currency: str, locale: str | None = None) -> str:
    """`amount` of `currency` for the language `locale` (a Django language code or a Babel id).

    Rounds half-up to the currency's minor units; whole amounts of 100 or more drop them.
    """
    loc = babel_locale(locale)
    value = quantize_money(_as_decimal(amount), currency)
    places = minor_units(currency)
    if places and value == value.to_integral_value() and abs(value) >= 100:
        text = format_currency(
            value.quantize(Decimal(1)),
            currency,
            format=_whole_number_pattern(loc),
            locale=loc,
            currency_digits=False,
        )
    else:
        text = format_currency(value, currency, locale=loc)
    return _unambiguous_symbol(text, currency, loc)


def format_approximate(amount: Decimal | int, currency: str, locale: str | None = None) -> str:
    """A converted amount, rounded to 3 significant figures and formatted ("US$6,450")."""
    return format_money(approximate(amount, currency), currency, locale)


def format_jpy(amount_jpy: Decimal | int, locale: str | None = None) -> str:
    """A yen amount: "¥990,000" (en), "990,000円" (ja), "JP¥990,000" (zh-hans)."""
    value = _as_decimal(amount_jpy).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    loc = babel_locale(locale)
    if loc.startswith("ja"):
        return f"{format_decimal(value, locale=loc)}円"
    return format_money(value, JPY, loc)
