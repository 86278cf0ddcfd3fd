"""Geometry of the server-rendered SVG chart of a median change over time (no JavaScript).

One chart per measure: the line starts at 0 (baseline) and joins the medians that are shown;
every point carries its value as text, so the chart is readable without colour, and the page
gives the same numbers as a table.
"""

import math
from dataclasses import dataclass

from .results import Series

WIDTH, HEIGHT = 420, 250
LEFT, RIGHT, TOP, BOTTOM = 52, 18, 24, 48
MAX_MONTHS = 12


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    label: str
    months: int


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    zero_y: float
    path: str
    points: tuple[ChartPoint, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]


def _fmt(value: float) -> str:
    text = f"{value:+.1f}"
    return text.replace("+0.0", "0").replace("-0.0", "0")


def _nice_step(span: float) -> float:
    raw = span / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def build(series: Series) -> Chart | None:
    shown = [p for p in series.points if p.median_change is not None]
    if not shown:
        return None
    values = [0.0, *(p.median_change or 0.0 for p in shown)]
    step = _nice_step(max(max(values) - min(values), 1.0))
    low = math.floor(min(values) / step) * step - (step if min(values) == 0 else 0)
    high = math.ceil(max(values) / step) * step + (step if max(values) == 0 else 0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(months: int) -> float:
        return LEFT + plot_w * months / MAX_MONTHS

    def y(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    points = [ChartPoint(x(0), y(0), "", 0)] + [
        ChartPoint(x(p.months), y(p.median_change or 0.0), _fmt(p.median_change or 0.0), p.months)
        for p in shown
    ]
    path = " ".join(f"{'M' if i == 0 else 'L'}{pt.x:.1f},{pt.y:.1f}" for i, pt in enumerate(points))
    ticks = []
    value = low
    while value <= high + 1e-9:
        ticks.append(Tick(round(y(value), 1), _fmt(value)))
        value += step
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        zero_y=round(y(0), 1),
        path=path,
        points=tuple(points),
        y_ticks=tuple(ticks),
        x_ticks=tuple(
            Tick(round(x(months), 1), str(months))
            for months in (0, *(p.months for p in series.points))
        ),
    )
