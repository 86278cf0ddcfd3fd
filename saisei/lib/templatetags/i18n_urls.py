"""Links to the same page in the other interface languages (switcher and hreflang)."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info

register = template.Library()


@dataclass(frozen=True)
class Alternate:
    code: str
    name: str
    url: str
    absolute_url: str


@register.simple_tag(takes_context=True)
def alternates(context: template.Context) -> list[Alternate]:
    request: HttpRequest | None = context.get("request")
    if request is None:
        return []
    query = request.META.get("QUERY_STRING", "")
    result = []
    for code, _name in settings.LANGUAGES:
        path = translate_url(request.path, code)
        if query:
            path = f"{path}?{query}"
        result.append(
            Alternate(
                code=code,
                name=get_language_info(code)["name_local"],
                url=path,
                absolute_url=request.build_absolute_uri(path),
            )
        )
    return result


@register.simple_tag(takes_context=True)
def canonical_url(context: template.Context) -> str:
    request: HttpRequest | None = context.get("request")
    return request.build_absolute_uri(request.path) if request else ""


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters replaced (or removed when None/'')."""
    request: HttpRequest | None = context.get("request")
    query = request.GET.copy() if request else None
    if query is None:
        return ""
    for key, value in changes.items():
        query.pop(key, None)
        if value not in (None, ""):
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
