"""Yen amounts and their approximations in the visitor's currency.

    {% load money %}
    {{ package.price_jpy|jpy }}          ¥990,000 / 990,000円
    {% approx package.price_jpy %}       <span class="approx" title="...">≈ US$6,450</span>
    {% currency_note %}                  Amounts in US dollars are approximate, converted at ...

`approx` and `currency_note` take the currency from the request (CurrencyMiddleware) and the
rates from the context (`saisei.lib.context_processors.site` puts them there); outside a
request they fall back to the default currency and the cached rate table. Both render nothing
when the currency is JPY or a rate is missing: the yen figure is then all there is to say.
"""

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal, get_currency_name
from django import template
from django.http import HttpRequest
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..currency import JPY, RateInfo, RateTable, convert_jpy, load_rates, rate_info
from ..middleware import default_currency, get_currency
from ..money import babel_locale, format_approximate, format_jpy

register = template.Library()


def _whole_yen(value: object) -> int | None:
    """A template value as whole yen, or None when it is empty or not a number."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite():
        return None
    return int(number.to_integral_value())


def _currency(context: template.Context) -> str:
    request: HttpRequest | None = context.get("request")
    if request is not None:
        return get_currency(request)
    code = context.get("currency")
    return code if isinstance(code, str) and code else default_currency()


def _rates(context: template.Context) -> RateTable:
    rates = context.get("rates")
    return rates if isinstance(rates, RateTable) else load_rates()


def _long_date(day: date, locale: str) -> str:
    return format_date(day, "long", locale=locale)


@register.filter
def jpy(value: Any) -> str:
    """A yen amount in the active language's style; empty for an empty or non-numeric value."""
    amount = _whole_yen(value)
    return "" if amount is None else format_jpy(amount, get_language())


@register.simple_tag(takes_context=True)
def approx(context: template.Context, amount_jpy: Any) -> SafeString | str:
    """`amount_jpy` in the visitor's currency, rounded to 3 significant figures, with the date
    of the rate in a tooltip; nothing for JPY, a missing rate or an empty amount."""
    amount = _whole_yen(amount_jpy)
    currency = _currency(context)
    if amount is None or currency == JPY:
        return ""
    table = _rates(context)
    converted = convert_jpy(amount, currency, table)
    info = rate_info(currency, table)
    if converted is None or info is None:
        return ""
    locale = babel_locale(get_language())
    title = _("Approximate, at the rate of %(date)s") % {"date": _long_date(info.as_of, locale)}
    return format_html(
        '<span class="approx" title="{}">≈\u00a0{}</span>',
        title,
        format_approximate(converted, currency, locale),
    )


def _sources_html(info: RateInfo) -> SafeString:
    parts = [
        format_html('<a href="{}" rel="external">{}</a>', source.url, source.name)
        if source.url
        else conditional_escape(source.name)
        for source in info.sources
    ]
    return format_html_join("; ", "{}", ((part,) for part in parts))


@register.simple_tag(takes_context=True)
def currency_note(context: template.Context) -> SafeString | str:
    """One sentence saying that amounts in the visitor's currency are approximate, at which
    rate, from which source (linked when it has an address) and as of when."""
    currency = _currency(context)
    info = context.get("rate")
    if not isinstance(info, RateInfo) or info.currency != currency:
        info = rate_info(currency, _rates(context))
    if info is None:
        return ""
    locale = babel_locale(get_language())
    return format_html(
        _(
            "Amounts in {currency_name} are approximate, converted at "
            "1 {code} = {rate} JPY ({source}, {date})."
        ),
        currency_name=get_currency_name(currency, count=2, locale=locale),
        code=currency,
        rate=format_decimal(info.jpy_per_unit, locale=locale, decimal_quantization=False),
        source=_sources_html(info),
        date=_long_date(info.as_of, locale),
    )
