"""Currencies a visitor can choose, the latest exchange rates, and conversions to and from yen.

Prices are stored as integer yen. Every other currency is shown as an approximation, converted
through the euro because the stored rates are "units of X per one euro" (the ECB's layout):

    amount_in_X = amount_jpy * X_per_eur / JPY_per_eur

All arithmetic is `Decimal` with an explicit 28-digit context, so a result never depends on
float rounding or on a context some other code left behind. Results are rounded half-up to the
currency's minor units (Babel's `get_currency_precision`: JPY and KRW have none).

The rate table is cached in the process for `settings.SAISEI_RATES_CACHE_SECONDS` (60 s by
default): a request costs no query while the cache is fresh and exactly one cheap query (one
index seek per currency) when it is not. `import_rates` clears the cache of its own process; other
processes see new rates within the cache lifetime. Rows saved or deleted through the ORM (admin,
shell, tests) clear it too, through post_save/post_delete receivers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from typing import TYPE_CHECKING

from babel.numbers import get_currency_precision
from django.conf import settings
from django.db import transaction
from django.db.models import Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .models import ExchangeRate

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

JPY = "JPY"
EUR = "EUR"

# The order is the order of the currency menu.
SUPPORTED_CURRENCIES: Mapping[str, StrPromise] = {
    "USD": _("US dollar"),
    "EUR": _("Euro"),
    "GBP": _("Pound sterling"),
    "AUD": _("Australian dollar"),
    "CAD": _("Canadian dollar"),
    "CNY": _("Chinese yuan"),
    "HKD": _("Hong Kong dollar"),
    "TWD": _("New Taiwan dollar"),
    "SGD": _("Singapore dollar"),
    "KRW": _("South Korean won"),
    "THB": _("Thai baht"),
    "JPY": _("Japanese yen"),
}

# Enough digits for any rate times any price, whatever the thread's current context says.
_CONTEXT = Context(prec=28, rounding=ROUND_HALF_UP)


def is_supported(code: str | None) -> bool:
    return code is not None and code in SUPPORTED_CURRENCIES


def normalise_code(value: str | None) -> str | None:
    """`value` as a supported currency code ("usd " -> "USD"), or None."""
    if not value:
        return None
    code = value.strip().upper()
    return code if is_supported(code) else None


def minor_units(currency: str) -> int:
    """Decimal places of the currency's minor unit (USD 2, JPY 0, KRW 0)."""
    return int(get_currency_precision(currency))


def quantize_money(amount: Decimal, currency: str) -> Decimal:
    """`amount` rounded half-up to the currency's minor units."""
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Rate:
    """The latest stored rate of one currency: `per_eur` units of it buy one euro."""

    currency: str
    per_eur: Decimal
    as_of: date
    source: str
    source_url: str = ""


@dataclass(frozen=True)
class RateTable:
    """The latest rate of each supported currency that has one."""

    rates: Mapping[str, Rate] = field(default_factory=dict)

    def get(self, currency: str) -> Rate | None:
        return self.rates.get(currency)

    def __contains__(self, currency: object) -> bool:
        return currency in self.rates

    def __len__(self) -> int:
        return len(self.rates)

    def per_eur(self, currency: str) -> Decimal | None:
        """Units of `currency` per euro; the euro is 1 by definition even when not stored."""
        if currency == EUR:
            return Decimal(1)
        rate = self.rates.get(currency)
        return rate.per_eur if rate is not None else None


@dataclass(frozen=True)
class RateSource:
    name: str
    url: str = ""


@dataclass(frozen=True)
class RateInfo:
    """What a page says about a conversion: 1 `currency` = `jpy_per_unit` JPY, as of, source."""

    currency: str
    jpy_per_unit: Decimal
    as_of: date
    sources: tuple[RateSource, ...]

    @property
    def source(self) -> str:
        return self.sources[0].name if self.sources else ""

    @property
    def source_url(self) -> str:
        return self.sources[0].url if self.sources else ""


# --- loading -----------------------------------------------------------------------------------


class _RatesCache:
    """The process's copy of the rate table and when it goes stale (monotonic clock)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.table: RateTable | None = None
        self.expires = 0.0

    def clear(self) -> None:
        with self.lock:
            self.table = None
            self.expires = 0.0


_cache = _RatesCache()


def cache_seconds() -> float:
    return float(getattr(settings, "SAISEI_RATES_CACHE_SECONDS", 60))


def clear_rates_cache() -> None:
    """Forget the cached rate table: the next `load_rates()` reads the database."""
    _cache.clear()


@receiver(
    [post_save, post_delete], sender=ExchangeRate, dispatch_uid="saisei.lib.currency.rates_changed"
)
def _rates_changed(**kwargs: object) -> None:
    """A rate saved or deleted through the ORM (admin, shell, tests) is seen at once.

    Connected when this module is imported, which is also when the cache can first be filled.
    Cleared now and again on commit, in case another thread cached the old rows meanwhile.
    """
    clear_rates_cache()
    transaction.on_commit(clear_rates_cache)


def query_rates() -> RateTable:
    """One query: the newest row of each supported currency.

    It asks for `id IN ((newest USD id), (newest EUR id), ...)`, one scalar subquery per
    currency, each an index seek on (currency, as_of), so the cost does not grow with the
    years of history stored.
    """
    newest = [
        Subquery(ExchangeRate.objects.filter(currency=code).order_by("-as_of").values("pk")[:1])
        for code in SUPPORTED_CURRENCIES
    ]
    # django-stubs expects plain values in `pk__in`; Django accepts expressions there.
    rows = (
        ExchangeRate.objects.filter(pk__in=newest)  # type: ignore[misc]
        .order_by()
        .values_list("currency", "per_eur", "as_of", "source", "source_url")
    )
    return RateTable(rates={row[0]: Rate(*row) for row in rows})


def load_rates() -> RateTable:
    """The latest rates, from the process cache when it is fresh (no query), else one query."""
    now = time.monotonic()
    with _cache.lock:
        if _cache.table is not None and now < _cache.expires:
            return _cache.table
    table = query_rates()
    ttl = cache_seconds()
    if ttl > 0:
        with _cache.lock:
            _cache.table = table
            _cache.expires = now + ttl
    return table


# --- conversions -------------------------------------------------------------------------------


def convert_jpy(amount_jpy: int, currency: str, table: RateTable) -> Decimal | None:
    """`amount_jpy` yen in `currency`, rounded to its minor units; None when a rate is missing.

    990,000 JPY at 1.16 USD and 178 JPY per euro: 990000 * 1.16 / 178 = 6451.685... -> 6451.69.
    """
    if currency == JPY:
        return Decimal(int(amount_jpy))
    if not is_supported(currency):
        return None
    target = table.per_eur(currency)
    jpy = table.per_eur(JPY)
    if target is None or jpy is None or jpy <= 0:
        return None
    with localcontext(_CONTEXT):
        exact = Decimal(int(amount_jpy)) * target / jpy
        return quantize_money(exact, currency)


def to_jpy(amount: Decimal | int | str, currency: str, table: RateTable) -> int | None:
    """`amount` of `currency` in whole yen (half-up); None when a rate is missing or `amount`
    is not a finite number. Used to turn a price filter typed in the visitor's currency into yen.
    """
    try:
        value = amount if isinstance(amount, Decimal) else Decimal(str(amount).strip())
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    with localcontext(_CONTEXT):
        if currency == JPY:
            return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if not is_supported(currency):
            return None
        source = table.per_eur(currency)
        jpy = table.per_eur(JPY)
        if source is None or jpy is None or source <= 0:
            return None
        return int((value * jpy / source).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def round_significant(value: Decimal, digits: int) -> Decimal:
    """`value` rounded half-up to `digits` significant figures (153.448 -> 153.4 for 4)."""
    if value.is_zero() or not value.is_finite():
        return value
    with localcontext(_CONTEXT):
        exponent = value.adjusted() - digits + 1
        rounded = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
        # Keep a plain exponent (6.45E+3 -> 6450) so that str() and formatting stay readable.
        return rounded.quantize(Decimal(1)) if exponent > 0 else rounded


def rate_info(currency: str, table: RateTable) -> RateInfo | None:
    """How `currency` relates to the yen, for a note under converted amounts.

    None for JPY (nothing is converted) and when either rate is missing. `jpy_per_unit` is
    rounded to 4 significant figures (1 USD = 153.4 JPY, 1 KRW = 0.1079 JPY): it is for reading,
    not for arithmetic. `as_of` is the older of the two rates' dates, because a cross rate is no
    fresher than its older half; `sources` names the currency's source first, then the yen's
    when it differs.
    """
    if currency == JPY or not is_supported(currency):
        return None
    target = table.per_eur(currency)
    jpy_rate = table.get(JPY)
    if target is None or target <= 0 or jpy_rate is None:
        return None
    own = table.get(currency) or jpy_rate  # EUR may be implicit: it is then dated like the yen.
    with localcontext(_CONTEXT):
        per_unit = round_significant(jpy_rate.per_eur / target, 4)
    sources: list[RateSource] = []
    for rate in (own, jpy_rate):
        candidate = RateSource(rate.source, rate.source_url)
        if candidate not in sources:
            sources.append(candidate)
    return RateInfo(
        currency=currency,
        jpy_per_unit=per_unit,
        as_of=min(own.as_of, jpy_rate.as_of),
        sources=tuple(sources),
    )
