"""Head tags for search engines and sharing.

    {% load seo %}
    {% reuse_block "title" %}      renders a block of the page a second time (og:title, ...)
    {% json_ld data %}             <script type="application/ld+json"> with `data`, escaped

A JSON-LD script is a data block: browsers do not execute it, so the CSP (no inline scripts)
does not apply to it. `<`, `>` and `&` are escaped as in Django's `json_script`, so no string
in the data can close the element.
"""

import json
from typing import Any

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from saisei.registry.models import Facility

from .. import structured

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_text(data: Any) -> str:
    """`data` as JSON that is safe inside a script element."""
    return json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)


@register.simple_tag
def json_ld(data: Any) -> SafeString:
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(json_ld_text(data)),  # noqa: S308 - escaped above
    )


@register.simple_tag(takes_context=True)
def clinic_json_ld(context: template.Context, facility: Facility, name: str) -> SafeString:
    """The clinic page's MedicalClinic JSON-LD (no extra query: plans are prefetched)."""
    request = context.get("request")
    url = request.build_absolute_uri(request.path) if request is not None else ""
    return json_ld(structured.clinic(facility, name, url))


@register.simple_tag(takes_context=True)
def share_links(context: template.Context, title: str) -> dict[str, str]:
    """Addresses that share the current page: by e-mail, LINE and WhatsApp (plain links)."""
    request = context.get("request")
    url = request.build_absolute_uri(request.path) if request is not None else ""
    return structured.share_links(title, url)


@register.simple_tag(takes_context=True)
def reuse_block(context: template.Context, name: str) -> SafeString:
    """The output of block `name` as the page being rendered defines it ("" if none), on one
    line. The block's output was escaped when it was rendered, so it is not escaped again."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context is not None else None
    if block is None:
        return SafeString("")
    return mark_safe(" ".join(block.render(context).split()))  # noqa: S308 - rendered template


_OG_LOCALES = {"en": "en_US", "ja": "ja_JP", "zh-hans": "zh_CN"}


@register.filter
def og_locale(language: str) -> str:
    """The Open Graph locale for a Django language code ("zh-hans" -> "zh_CN")."""
    return _OG_LOCALES.get(language, "en_US")
