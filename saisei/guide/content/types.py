"""The shapes of guide content: pages of sections of cited paragraphs.

Content is data, not template HTML: the guide pages, the FAQ (and its FAQPage JSON-LD) and the
sitemap are all built from the same `GuidePage` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class Source:
    """A publication or official page that a statement rests on.

    `title` and `publisher` stay in the language they were published in.
    """

    key: str
    title: str
    publisher: str
    url: str
    year: str = ""

    @property
    def is_external(self) -> bool:
        return self.url.startswith(("https://", "http://"))


@dataclass(frozen=True)
class Para:
    """One paragraph (or list item) and the keys of the sources it rests on."""

    text: StrPromise
    cites: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading, its paragraphs and optional list; `question` puts it in the FAQ."""

    anchor: str
    heading: StrPromise
    paras: tuple[Para, ...]
    items: tuple[Para, ...] = ()
    question: StrPromise | None = None


@dataclass(frozen=True)
class Link:
    """A link to another part of the site, by URL name."""

    label: StrPromise
    url_name: str


@dataclass(frozen=True)
class GuidePage:
    slug: str
    title: StrPromise
    description: StrPromise
    lede: StrPromise
    reviewed: date
    sections: tuple[Section, ...]
    related: tuple[str, ...] = ()
    links: tuple[Link, ...] = field(default_factory=tuple)

    def cited_keys(self) -> list[str]:
        """Every cited source key, in order of first citation."""
        keys: dict[str, None] = {}
        for section in self.sections:
            for para in (*section.paras, *section.items):
                for key in para.cites:
                    keys.setdefault(key, None)
        return list(keys)
