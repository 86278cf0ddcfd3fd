from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class CurrencyMiddleware:
    """Sets request.currency (placeholder: replaced by the currency work)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.currency = settings.SAISEI_DEFAULT_CURRENCY  # type: ignore[attr-defined]
        return self.get_response(request)
