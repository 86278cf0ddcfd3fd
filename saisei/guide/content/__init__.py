"""The guide's pages, in reading order, and the FAQ built from their sections."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from . import evidence, japan, travel, treatment
from .sources import SOURCES
from .types import GuidePage, Para, Section, Source

PAGES: dict[str, GuidePage] = {
    page.slug: page
    for page in (
        treatment.PAGE,
        japan.PAGE,
        evidence.PAGE,
        travel.VISA,
        travel.LANGUAGE,
        travel.COMPANION,
    )
}


def get_page(slug: str) -> GuidePage:
    try:
        return PAGES[slug]
    except KeyError:
        raise Http404(_("There is no guide page at this address.")) from None


@dataclass(frozen=True)
class NumberedSource:
    number: int
    source: Source


def numbered_sources(page: GuidePage) -> list[NumberedSource]:
    """The page's sources numbered in order of first citation ([1], [2], ...)."""
    return [NumberedSource(n, SOURCES[key]) for n, key in enumerate(page.cited_keys(), start=1)]


@dataclass(frozen=True)
class ParaView:
    text: str
    cites: list[NumberedSource]


@dataclass(frozen=True)
class SectionView:
    section: Section
    paras: list[ParaView]
    items: list[ParaView]


def section_views(page: GuidePage) -> tuple[list[SectionView], list[NumberedSource]]:
    """The page's sections with each citation replaced by its number, and the numbered list."""
    numbered = numbered_sources(page)
    by_key = {entry.source.key: entry for entry in numbered}

    def view(para: Para) -> ParaView:
        return ParaView(str(para.text), [by_key[key] for key in para.cites])

    sections = [
        SectionView(section, [view(p) for p in section.paras], [view(p) for p in section.items])
        for section in page.sections
    ]
    return sections, numbered


@dataclass(frozen=True)
class FaqEntry:
    page: GuidePage
    section: Section

    @property
    def question(self) -> str:
        return str(self.section.question)

    @property
    def answer_paras(self) -> tuple[Para, ...]:
        return (*self.section.paras, *self.section.items)

    @property
    def answer_text(self) -> str:
        return " ".join(str(para.text) for para in self.answer_paras)


def faq_entries() -> list[FaqEntry]:
    """Every section that carries a question, page by page."""
    return [
        FaqEntry(page, section)
        for page in PAGES.values()
        for section in page.sections
        if section.question
    ]


__all__ = [
    "PAGES",
    "SOURCES",
    "FaqEntry",
    "GuidePage",
    "NumberedSource",
    "faq_entries",
    "get_page",
]
