"""Geometry of the cost range chart: one horizontal bar per range, on one scale.

The template draws the SVG from these numbers; nothing is computed in the template. Bars are
told apart without colour: sourced ranges are solid, estimates are outlined with a dashed
border and say "estimate" in their label, registry ranges carry a median mark.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language

from saisei.lib.currency import RateTable
from saisei.lib.money import format_approximate

from .costs import CostTable, PriceDistribution, jpy_in

WIDTH = 640
LEFT = 8
RIGHT = WIDTH - 16
TOP = 4
AXIS_HEIGHT = 40
NICE_STEPS = (1, 2, 2.5, 5)
# Text sizes in viewBox units (CSS in static/css/guide.css uses the same): the chart is at most
# 640 px wide, so they are pixels on a desktop and about 60 % of that on a 390 px phone.
LABEL_SIZE = 18
LINE_HEIGHT = 23
VALUE_HEIGHT = 21
BAR_HEIGHT = 14
ROW_GAP = 16
# Estimated advance widths, in ems: full-width (CJK) characters 1, others at most 0.6.
_TOKENS = re.compile(r"[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+")


@dataclass(frozen=True)
class Line:
    text: str
    y: int


@dataclass(frozen=True)
class Bar:
    label: str
    lines: list[Line]
    value_text: str
    kind: str  # "sourced", "estimate" or "registry"
    x: float
    width: float
    y: int
    value_y: int
    median_x: float | None = None


def text_width(text: str) -> float:
    """Estimated width of `text` in ems."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.6 for char in text)


def wrap(text: str, max_ems: float) -> list[str]:
    """`text` broken into lines no wider than `max_ems`: between words, or anywhere in CJK."""
    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(text):
        if current and text_width((current + token).rstrip()) > max_ems:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current += token
    if current.strip():
        lines.append(current.rstrip())
    return lines


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    axis_y: int
    currency: str


def nice_step(maximum: Decimal, intervals: int = 4) -> Decimal:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about `intervals` ticks."""
    raw = maximum / intervals
    magnitude = Decimal(10) ** (raw.adjusted())
    for step in NICE_STEPS:
        if Decimal(str(step)) * magnitude >= raw:
            return Decimal(str(step)) * magnitude
    return 10 * magnitude


def range_text(low: Decimal, high: Decimal, currency: str) -> str:
    language = get_language()
    low_text = format_approximate(low, currency, language)
    return f"{low_text}–{format_approximate(high, currency, language)}"


def build_chart(
    table: CostTable,
    distribution: list[PriceDistribution],
    rates: RateTable,
    estimate_label: str,
    registry_label: str,
) -> Chart | None:
    """Bars for every country row that has a price and every registry group (in the table's
    currency when it can be converted); None when there is nothing to draw."""
    currency = table.currency
    ranges: list[tuple[str, Decimal, Decimal, str, Decimal | None]] = []
    for converted in table.rows:
        if converted.low is None or converted.high is None:
            continue
        row = converted.row
        label = f"{row.country_name} · {row.treatment_short}"
        if row.is_estimate:
            label = f"{label} ({estimate_label})"
        kind = "estimate" if row.is_estimate else "sourced"
        ranges.append((label, converted.low, converted.high, kind, None))
    for group in distribution:
        low, high = jpy_in(group.min_jpy, currency, rates), jpy_in(group.max_jpy, currency, rates)
        median = jpy_in(group.median_jpy, currency, rates)
        if low is None or high is None:
            continue
        label = f"{registry_label} · {group.label} (n={group.count})"
        ranges.append((label, low, high, "registry", median))
    if not ranges:
        return None
    step = nice_step(max(high for _, _, high, _, _ in ranges))
    top = step * (
        (max(high for _, _, high, _, _ in ranges) / step).to_integral_value("ROUND_CEILING")
    )
    scale = (RIGHT - LEFT) / float(top)

    def x(value: Decimal) -> float:
        return round(LEFT + float(value) * scale, 1)

    bars = []
    y = TOP
    max_ems = (WIDTH - 2 * LEFT) / LABEL_SIZE
    for label, low, high, kind, median in ranges:
        lines = []
        for text in wrap(label, max_ems):
            y += LINE_HEIGHT
            lines.append(Line(text, y))
        y += VALUE_HEIGHT
        value_y = y
        bar_y = y + 8
        bars.append(
            Bar(
                label=label,
                lines=lines,
                value_text=range_text(low, high, currency),
                kind=kind,
                x=x(low),
                width=max(round(x(high) - x(low), 1), 3.0),
                y=bar_y,
                value_y=value_y,
                median_x=x(median) if median is not None else None,
            )
        )
        y = bar_y + BAR_HEIGHT + ROW_GAP
    axis_y = y
    ticks = []
    value = Decimal(0)
    while value <= top:
        ticks.append(
            Tick(x(value), format_approximate(value, currency, get_language()) if value else "0")
        )
        value += step
    return Chart(WIDTH, axis_y + AXIS_HEIGHT, bars, ticks, axis_y, currency)
