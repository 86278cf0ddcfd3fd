"""/sitemap.xml: the public pages in every language, each with its hreflang alternates."""

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from saisei.clinics.search import visible_facilities
from saisei.registry.models import Facility

from .content import PAGES


class _Multilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(_Multilingual):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "home",
            "clinics:list",
            "guide:index",
            "guide:faq",
            "guide:candidate",
            "guide:costs",
            "journeys:planner",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class GuideSitemap(_Multilingual):
    changefreq = "monthly"

    def items(self) -> list[str]:
        return list(PAGES)

    def location(self, item: str) -> str:
        return reverse("guide:page", args=[item])

    def lastmod(self, item: str) -> Any:
        return PAGES[item].reviewed


class ClinicSitemap(_Multilingual):
    changefreq = "weekly"

    def items(self) -> Any:
        return visible_facilities().only("slug", "updated").order_by("slug")

    def location(self, item: Facility) -> str:
        return reverse("clinics:detail", args=[item.slug])

    def lastmod(self, item: Facility) -> Any:
        return item.updated


SITEMAPS = {"pages": StaticPagesSitemap, "guide": GuideSitemap, "clinics": ClinicSitemap}
