"""Geometry of the cost range chart: one horizontal bar per range, on one scale.

The template draws the SVG from these numbers; nothing is computed in the template. Bars are
told apart without colour: sourced ranges are solid, estimates are outlined with a dashed
border and say "estimate" in their label, registry ranges carry a median mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import get_language

from saisei.lib.currency import RateTable
from saisei.lib.money import format_approximate

from .costs import CostTable, PriceDistribution, jpy_in

WIDTH = 640
LEFT = 8
RIGHT = WIDTH - 16
ROW_HEIGHT = 66
TOP = 8
AXIS_HEIGHT = 36
NICE_STEPS = (1, 2, 2.5, 5)


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    kind: str  # "sourced", "estimate" or "registry"
    x: float
    width: float
    y: int
    label_y: int
    value_y: int
    median_x: float | None = None


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
    for index, (label, low, high, kind, median) in enumerate(ranges):
        y = TOP + index * ROW_HEIGHT
        bars.append(
            Bar(
                label=label,
                value_text=range_text(low, high, currency),
                kind=kind,
                x=x(low),
                width=max(round(x(high) - x(low), 1), 3.0),
                y=y + 42,
                label_y=y + 16,
                value_y=y + 34,
                median_x=x(median) if median is not None else None,
            )
        )
    axis_y = TOP + len(ranges) * ROW_HEIGHT
    ticks = []
    value = Decimal(0)
    while value <= top:
        ticks.append(
            Tick(x(value), format_approximate(value, currency, get_language()) if value else "0")
        )
        value += step
    return Chart(WIDTH, axis_y + AXIS_HEIGHT, bars, ticks, axis_y, currency)
