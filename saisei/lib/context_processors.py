from typing import Any

from django.http import HttpRequest

from .currency import SUPPORTED_CURRENCIES, load_rates, rate_info
from .middleware import get_currency


def site(request: HttpRequest) -> dict[str, Any]:
    """The visitor's currency, the currency menu and the rates (no query while cached)."""
    currency = get_currency(request)
    rates = load_rates()
    return {
        "currency": currency,
        "currencies": list(SUPPORTED_CURRENCIES.items()),
        "rates": rates,
        "rate": rate_info(currency, rates),
    }
