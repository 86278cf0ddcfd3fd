"""Questionnaires (instruments) are data: JSON files in saisei/outcomes/instruments/.

Each file is validated when it is loaded; a mistake raises `InstrumentError` naming the file
and the field. An instrument whose wording is licensed (KOOS) ships only its scoring
definition (`"wording": "operator"`); the operator adds the item wording in a file
`<id>.wording.json` in `settings.SAISEI_OUTCOMES_WORDING_DIR` (see docs/outcomes.md). Until
then such an instrument can score answers but is not asked.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation

from . import scoring
from .schedule import TIMEPOINTS

INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"
LANGUAGES = ("en", "ja", "zh-hans")
# Instruments are asked in this order; a page holds at most PAGE_SIZE items.
ORDER = ("knee_pain_nrs", "global_change", "knee_daily", "koos")
PAGE_SIZE = 5

Text = Mapping[str, str]


class InstrumentError(ValueError):
    """An instrument file is malformed: the message names the file and the field."""


def localise(text: Text, language: str | None = None) -> str:
    """The text in `language` (default: the active one), else in English."""
    language = (language or translation.get_language() or "en").lower()
    return text.get(language) or text.get(language.split("-")[0]) or text.get("en", "")


def has_language(text: Text, language: str | None = None) -> bool:
    language = (language or translation.get_language() or "en").lower()
    return bool(text.get(language))


@dataclass(frozen=True)
class Option:
    value: int
    label: Text = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    id: str
    text: Text
    options: tuple[Option, ...]
    anchors: Mapping[int, Text]

    @property
    def values(self) -> frozenset[int]:
        return frozenset(o.value for o in self.options)


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    label: Text


@dataclass(frozen=True)
class Subscale:
    id: str
    label: Text
    items: tuple[str, ...]
    method: str
    min_answered: int
    low: float
    high: float
    higher_is_better: bool
    bands: tuple[Band, ...] = ()
    bands_source: Text = field(default_factory=dict)

    def interpret(self, value: float | None) -> Text | None:
        if value is None:
            return None
        return next((b.label for b in self.bands if b.low <= value <= b.high), None)


@dataclass(frozen=True)
class Instrument:
    id: str
    version: int
    title: Text
    intro: Text
    licence: str
    source: str
    timepoints: tuple[str, ...]
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    wording: str  # "shipped" or "operator"

    @property
    def askable(self) -> bool:
        """Every item has its wording (in English at least)."""
        return all(item.text.get("en") for item in self.items)

    def item(self, item_id: str) -> Item:
        return next(i for i in self.items if i.id == item_id)

    def score(self, answers: Mapping[str, int | None]) -> dict[str, float | None]:
        """Every subscale's score (None = missing) from {item id: value or None}."""
        return {
            s.id: scoring.score(
                s.method, scoring.collect(s.items, answers), min_answered=s.min_answered
            )
            for s in self.subscales
        }


class _Reader:
    """Reads one file's JSON with errors that say where the problem is."""

    def __init__(self, path: Path):
        self.name = path.name

    def fail(self, where: str, message: str) -> InstrumentError:
        return InstrumentError(f"{self.name}: {where}: {message}")

    def get(self, data: Mapping[str, Any], key: str, kind: type | tuple, where: str) -> Any:
        if key not in data:
            raise self.fail(f"{where}{key}", "missing")
        value = data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"{where}{key}", f"expected {_kind_name(kind)}")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, required: bool = True) -> Text:
        if key not in data and not required:
            return {}
        value = self.get(data, key, dict, where)
        unknown = set(value) - set(LANGUAGES)
        if unknown:
            raise self.fail(f"{where}{key}", f"unknown language {sorted(unknown)[0]!r}")
        if not all(isinstance(v, str) and v.strip() for v in value.values()):
            raise self.fail(f"{where}{key}", "every wording must be non-empty text")
        if required and "en" not in value:
            raise self.fail(f"{where}{key}", "English wording (en) is required")
        return dict(value)


def _kind_name(kind: type | tuple) -> str:
    names = {str: "text", int: "an integer", list: "a list", dict: "an object"}
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


def parse(
    data: Mapping[str, Any], path: Path, wording: Mapping[str, Any] | None = None
) -> Instrument:
    """Validate one instrument definition (and the operator's wording, if given)."""
    r = _Reader(path)
    if not isinstance(data, Mapping):
        raise r.fail("(top level)", "expected an object")
    instrument_id = r.get(data, "id", str, "")
    if instrument_id != path.name.removesuffix(".json"):
        raise r.fail("id", f"must match the file name ({path.stem!r})")
    wording_kind = data.get("wording", "shipped")
    if wording_kind not in ("shipped", "operator"):
        raise r.fail("wording", "must be 'shipped' or 'operator'")
    timepoints = tuple(r.get(data, "timepoints", list, ""))
    if not timepoints or any(t not in TIMEPOINTS for t in timepoints):
        raise r.fail("timepoints", f"each must be one of {', '.join(TIMEPOINTS)}")
    response_sets = _response_sets(r, r.get(data, "response_sets", dict, ""))
    extra = _operator_wording(r, wording) if wording is not None else {}
    items = []
    for n, raw in enumerate(r.get(data, "items", list, "")):
        where = f"items[{n}]."
        item_id = r.get(raw, "id", str, where)
        set_name = r.get(raw, "response_set", str, where)
        if set_name not in response_sets:
            raise r.fail(f"{where}response_set", f"no response set {set_name!r}")
        options, anchors = response_sets[set_name]
        text = r.text(raw, "text", where, required=wording_kind == "shipped")
        if item_id in extra:
            text, options = extra[item_id]["text"], extra[item_id]["options"] or options
        items.append(Item(id=item_id, text=text, options=options, anchors=anchors))
    if not items:
        raise r.fail("items", "at least one item is required")
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        raise r.fail("items", "item ids must be unique")
    if wording is not None and set(extra) != set(ids):
        missing = sorted(set(ids) - set(extra))
        raise r.fail("wording file", f"no wording for items {', '.join(missing[:5])}")
    subscales = [
        _subscale(r, raw, f"subscales[{n}].", set(ids))
        for n, raw in enumerate(r.get(data, "subscales", list, ""))
    ]
    if not subscales:
        raise r.fail("subscales", "at least one subscale is required")
    version = r.get(data, "version", int, "")
    licence = r.get(data, "licence", str, "")
    source = r.get(data, "source", str, "")
    if not licence.strip() or not source.strip():
        raise r.fail("licence/source", "both must be stated")
    return Instrument(
        id=instrument_id,
        version=version,
        title=r.text(data, "title", ""),
        intro=r.text(data, "intro", "", required=False),
        licence=licence,
        source=source,
        timepoints=timepoints,
        items=tuple(items),
        subscales=tuple(subscales),
        wording=wording_kind,
    )


def _response_sets(
    r: _Reader, raw_sets: Mapping[str, Any]
) -> dict[str, tuple[tuple[Option, ...], dict[int, Text]]]:
    sets = {}
    for name, raw in raw_sets.items():
        where = f"response_sets.{name}."
        options = _options(r, r.get(raw, "options", list, where), where)
        values = {o.value for o in options}
        anchors = {}
        for key, text in raw.get("anchors", {}).items():
            if not key.lstrip("-").isdigit() or int(key) not in values:
                raise r.fail(f"{where}anchors.{key}", "must be one of the option values")
            anchors[int(key)] = r.text({"a": text}, "a", f"{where}anchors.{key}.")
        sets[name] = (options, anchors)
    return sets


def _options(r: _Reader, raw_options: Sequence[Any], where: str) -> tuple[Option, ...]:
    options = []
    for n, raw in enumerate(raw_options):
        value = r.get(raw, "value", int, f"{where}options[{n}].")
        label = r.text(raw, "label", f"{where}options[{n}].", required=False)
        options.append(Option(value=value, label=label))
    if len({o.value for o in options}) != len(options) or len(options) < 2:
        raise r.fail(f"{where}options", "need at least two options with distinct values")
    return tuple(options)


def _subscale(r: _Reader, raw: Mapping[str, Any], where: str, item_ids: set[str]) -> Subscale:
    items = tuple(r.get(raw, "items", list, where))
    unknown = [i for i in items if i not in item_ids]
    if not items or unknown:
        raise r.fail(f"{where}items", f"unknown item {unknown[0]!r}" if unknown else "empty")
    method = r.get(raw, "method", str, where)
    if method not in scoring.METHODS:
        raise r.fail(f"{where}method", f"must be one of {', '.join(sorted(scoring.METHODS))}")
    min_answered = r.get(raw, "min_answered", int, where)
    if not 1 <= min_answered <= len(items):
        raise r.fail(f"{where}min_answered", f"must be between 1 and {len(items)}")
    if method == "koos" and min_answered < scoring.koos_min_answered(len(items)):
        raise r.fail(f"{where}min_answered", "KOOS needs at least half of the items answered")
    bounds = r.get(raw, "range", list, where)
    if len(bounds) != 2 or not all(isinstance(v, int | float) for v in bounds):
        raise r.fail(f"{where}range", "expected [lowest, highest]")
    low, high = bounds
    if low >= high:
        raise r.fail(f"{where}range", "expected [lowest, highest]")
    interpretation = raw.get("interpretation", {"bands": [], "source": ""})
    bands = tuple(
        Band(
            low=r.get(b, "from", (int, float), f"{where}interpretation.bands[{n}]."),
            high=r.get(b, "to", (int, float), f"{where}interpretation.bands[{n}]."),
            label=r.text(b, "label", f"{where}interpretation.bands[{n}]."),
        )
        for n, b in enumerate(interpretation.get("bands", []))
    )
    source = interpretation.get("source") or {}
    if isinstance(source, str):
        source = {"en": source}
    if bands and not source:
        raise r.fail(f"{where}interpretation.source", "thresholds need a source")
    if source:
        source = r.text({"source": source}, "source", f"{where}interpretation.")
    return Subscale(
        id=r.get(raw, "id", str, where),
        label=r.text(raw, "label", where),
        items=items,
        method=method,
        min_answered=min_answered,
        low=low,
        high=high,
        higher_is_better=bool(raw.get("higher_is_better", True)),
        bands=bands,
        bands_source=source,
    )


def _operator_wording(r: _Reader, wording: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """{item id: {"text": {...}, "options": [{"value", "label"}]}} from the operator's file."""
    if not isinstance(wording, Mapping) or not isinstance(wording.get("items"), Mapping):
        raise r.fail("wording file: items", "expected an object keyed by item id")
    extra = {}
    for item_id, raw in wording["items"].items():
        where = f"wording file: items.{item_id}."
        options = _options(r, raw["options"], where) if "options" in raw else ()
        extra[item_id] = {"text": r.text(raw, "text", where), "options": options}
    return extra


def wording_dir() -> Path:
    return Path(settings.SAISEI_OUTCOMES_WORDING_DIR)


def load_file(path: Path) -> Instrument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InstrumentError(f"{path.name}: not valid JSON ({error})") from error
    wording = None
    if data.get("wording") == "operator":
        wording_path = wording_dir() / f"{path.stem}.wording.json"
        if wording_path.exists():
            try:
                wording = json.loads(wording_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise InstrumentError(f"{wording_path.name}: not valid JSON ({error})") from error
    return parse(data, path, wording)


@cache
def _all() -> dict[str, Instrument]:
    loaded = {p.stem: load_file(p) for p in sorted(INSTRUMENTS_DIR.glob("*.json"))}
    return dict(sorted(loaded.items(), key=lambda kv: _order(kv[0])))


def _order(instrument_id: str) -> int:
    return ORDER.index(instrument_id) if instrument_id in ORDER else len(ORDER)


def all_instruments() -> dict[str, Instrument]:
    return _all()


def reload() -> None:
    _all.cache_clear()


def get(instrument_id: str) -> Instrument:
    return _all()[instrument_id]


def asked_at(timepoint: str) -> list[Instrument]:
    """The instruments a patient answers at `timepoint`, in order (only those with wording)."""
    return [i for i in _all().values() if timepoint in i.timepoints and i.askable]


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    instrument: Instrument
    items: tuple[Item, ...]
    part: int
    parts: int


def pages(timepoint: str) -> list[Page]:
    """One page per instrument, or per PAGE_SIZE items of a longer one."""
    result: list[Page] = []
    for instrument in asked_at(timepoint):
        chunks = [
            instrument.items[i : i + PAGE_SIZE] for i in range(0, len(instrument.items), PAGE_SIZE)
        ]
        for part, chunk in enumerate(chunks, start=1):
            result.append(Page(len(result) + 1, instrument, chunk, part, len(chunks)))
    return result
