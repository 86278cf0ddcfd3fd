"""The visitor's display currency: `?currency=XXX`, else the `currency` cookie, else the default.

Views and templates read it with `get_currency(request)` (typed) or `request.currency`.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from .currency import normalise_code

CURRENCY_PARAM = "currency"
CURRENCY_COOKIE = "currency"
CURRENCY_COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def default_currency() -> str:
    code = normalise_code(settings.SAISEI_DEFAULT_CURRENCY)
    if code is None:
        raise ImproperlyConfigured(
            f"DEFAULT_CURRENCY={settings.SAISEI_DEFAULT_CURRENCY!r} is not a supported currency."
        )
    return code


def currency_from_query(request: HttpRequest) -> str | None:
    return normalise_code(request.GET.get(CURRENCY_PARAM))


def get_currency(request: HttpRequest) -> str:
    """The currency the request is shown in (the middleware's choice, else the default)."""
    code = normalise_code(getattr(request, "currency", None))
    return code or default_currency()


def set_currency_cookie(request: HttpRequest, response: HttpResponse, code: str) -> None:
    response.set_cookie(
        CURRENCY_COOKIE,
        code,
        max_age=CURRENCY_COOKIE_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


class CurrencyMiddleware:
    """Sets request.currency; remembers a currency chosen by `?currency=` in a cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        default_currency()  # fail at start-up, not on the first request, when misconfigured

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = currency_from_query(request)
        remembered = normalise_code(request.COOKIES.get(CURRENCY_COOKIE))
        request.currency = chosen or remembered or default_currency()  # type: ignore[attr-defined]
        response = self.get_response(request)
        if chosen is not None:
            set_currency_cookie(request, response, chosen)
        # Pages differ by the cookie: shared caches must not serve one visitor's currency to
        # another (the query parameter is part of the URL, so it needs nothing).
        patch_vary_headers(response, ("Cookie",))
        return response
