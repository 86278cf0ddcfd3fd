"""Memoised calls to the classifiers and the Japanese helpers.

A large extract repeats the same facility names, treatment titles and prefectures many
times; each distinct value is classified or romanised once per import.
"""

from django.utils import translation

from saisei.lib import japanese
from saisei.registry import classify
from saisei.registry.classify import Classification


class Names:
    """Caches for one import run."""

    def __init__(self) -> None:
        self._plans: dict[tuple[str, str], tuple[Classification, str]] = {}
        self._price_kinds: dict[tuple[str, str, int], str] = {}
        self._english_names: dict[str, str] = {}
        self._romanised: dict[str, str] = {}
        self._prefectures: dict[str, str] = {}
        self._regions: dict[str, str] = {}

    def plan(self, title_ja: str, source_category: str) -> tuple[Classification, str]:
        """The classification of a plan and its English treatment name."""
        key = (title_ja, source_category)
        found = self._plans.get(key)
        if found is None:
            c = classify.classify_plan(title_ja, source_category)
            with translation.override("en"):
                english = classify.english_treatment_name(c)
            found = self._plans[key] = (c, english)
        return found

    def price_kind(self, unit: str, excerpt: str, amount_jpy: int) -> str:
        key = (unit, excerpt, amount_jpy)
        found = self._price_kinds.get(key)
        if found is None:
            found = self._price_kinds[key] = str(classify.classify_price(unit, excerpt, amount_jpy))
        return found

    def english_facility_name(self, name_ja: str) -> str:
        found = self._english_names.get(name_ja)
        if found is None:
            found = self._english_names[name_ja] = japanese.english_facility_name(name_ja)
        return found

    def romanise(self, text: str) -> str:
        """Romanisation word by word (space-separated), each distinct word once.

        Facility names share most of their words (医療法人, 整形外科, クリニック...), so this
        is far cheaper than romanising each whole name; it may differ from
        `japanese.romanise(text)` only in spacing around brackets and a lone "&", which
        search text does not care about.
        """
        return " ".join(filter(None, map(self._romanised_word, text.split())))

    def _romanised_word(self, word: str) -> str:
        found = self._romanised.get(word)
        if found is None:
            found = self._romanised[word] = japanese.romanise(word)
        return found

    def prefecture(self, ja: str) -> str:
        found = self._prefectures.get(ja)
        if found is None:
            found = self._prefectures[ja] = japanese.prefecture_en(ja) if ja else ""
        return found

    def region(self, ja: str) -> str:
        found = self._regions.get(ja)
        if found is None:
            found = self._regions[ja] = japanese.region_en(ja) if ja else ""
        return found

    @staticmethod
    def slug(name_ja: str, external_id: str) -> str:
        return japanese.slug_for(name_ja, external_id)
