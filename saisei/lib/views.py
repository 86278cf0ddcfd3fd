"""Switching the display currency without JavaScript (a GET form or a plain link)."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .currency import normalise_code
from .middleware import CURRENCY_PARAM, set_currency_cookie


def safe_next_url(request: HttpRequest, candidate: str | None) -> str | None:
    """`candidate` when it points back into this site, else None."""
    if not candidate:
        return None
    allowed = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if allowed else None


def without_param(url: str, name: str) -> str:
    """`url` with every `name=` query parameter removed (the others keep their order)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != name]
    return urlunsplit(parts._replace(query=urlencode(query)))


@never_cache
@require_GET
def set_currency(request: HttpRequest) -> HttpResponseRedirect:
    """Remember `currency` in the cookie and go back to `next` (or the referring page, or /).

    An unsupported currency changes nothing; an off-site `next` is replaced by the site root.
    The `currency` parameter is dropped from the destination: the cookie now carries it.
    """
    destination = (
        safe_next_url(request, request.GET.get("next"))
        or safe_next_url(request, request.headers.get("referer"))
        or "/"
    )
    response = HttpResponseRedirect(without_param(destination, CURRENCY_PARAM))
    code = normalise_code(request.GET.get(CURRENCY_PARAM))
    if code is not None:
        set_currency_cookie(request, response, code)
    return response
