"""Links and schema.org structured data (JSON-LD) built from guide content and clinics."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from saisei.clinics.services import get_profile
from saisei.registry.models import Facility, Plan

from .content import FaqEntry
from .content.types import Link


@dataclass(frozen=True)
class ResolvedLink:
    label: str
    href: str


def resolve_links(links: Iterable[Link]) -> list[ResolvedLink]:
    return [ResolvedLink(str(link.label), reverse(link.url_name)) for link in links]


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


def clinic(facility: Facility, name: str, url: str) -> dict[str, Any]:
    """schema.org MedicalClinic for a directory listing, with one MedicalProcedure per
    registered (still listed) plan. Uses only rows the clinic page has already fetched."""
    profile = get_profile(facility)
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "JP"}
    if facility.prefecture:
        address["addressRegion"] = facility.prefecture
    if profile and profile.address_en:
        address["streetAddress"] = profile.address_en
    procedures = [
        {
            "@type": "MedicalProcedure",
            "name": plan.english_name,
            "alternateName": plan.title_ja,
            "identifier": plan.document_code or plan.plan_id,
            **({"url": plan.document_url} if plan.document_url else {}),
        }
        for plan in facility.plans.all()
        if plan.status == Plan.Status.LISTED
    ]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": name,
        "alternateName": [facility.name_ja, *facility.name_variants],
        "url": url,
        "address": address,
    }
    if procedures:
        data["availableService"] = procedures
    return data


def share_links(title: str, url: str) -> dict[str, str]:
    """mailto:, LINE and WhatsApp addresses that share `url`; no third-party script involved."""
    text = f"{title} {url}"
    return {
        "url": url,
        "title": title,
        "email": "mailto:?" + urlencode({"subject": title, "body": text}, quote_via=quote),
        "line": "https://line.me/R/share?" + urlencode({"text": text}, quote_via=quote),
        "whatsapp": "https://wa.me/?" + urlencode({"text": text}, quote_via=quote),
    }
