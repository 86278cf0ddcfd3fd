"""Links and schema.org structured data (JSON-LD) built from guide content and clinics."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from .content import FaqEntry
from .content.types import Link


@dataclass(frozen=True)
class ResolvedLink:
    label: str
    href: str


def language_path(path: str) -> str:
    """`path` under the active language's prefix ("/journey/" -> "/ja/journey/").

    For pages of other apps that are linked by path because their URL names may not exist yet.
    """
    language = get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


def resolve_links(links: Iterable[Link]) -> list[ResolvedLink]:
    return [
        ResolvedLink(
            str(link.label), reverse(link.url_name) if link.url_name else language_path(link.path)
        )
        for link in links
    ]


def faq_page(entries: Iterable[FaqEntry], url: str) -> dict[str, Any]:
    """schema.org FAQPage: each question with its answer as plain text."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer_text},
            }
            for entry in entries
        ],
    }
