"""Scoring of questionnaire answers: pure functions, no database.

A subscale's answers are a sequence with `None` for an item the patient skipped. A score is
either a number or `None` ("missing"): a subscale with too few answered items is missing,
never zero.
"""

import math
from collections.abc import Callable, Mapping, Sequence
from statistics import fmean

Answers = Sequence[int | None]


def answered(values: Answers) -> list[int]:
    return [v for v in values if v is not None]


def koos_min_answered(n_items: int) -> int:
    """KOOS: a subscale is scored when at least half of its items are answered."""
    return math.ceil(n_items / 2)


def koos_subscale(values: Answers, *, min_answered: int | None = None) -> float | None:
    """KOOS subscale: 100 - mean(item scores 0-4) x 25, 100 = no problems, 0 = extreme.

    Items the patient skipped are left out of the mean; with fewer answered items than
    `min_answered` (default: half of the subscale's items) the score is missing.
    """
    given = answered(values)
    if any(not 0 <= v <= 4 for v in given):
        raise ValueError("KOOS items are scored 0 to 4")
    needed = koos_min_answered(len(values)) if min_answered is None else min_answered
    if not given or len(given) < needed:
        return None
    return 100 - fmean(given) * 25


def mean_score(values: Answers, *, min_answered: int) -> float | None:
    given = answered(values)
    if not given or len(given) < min_answered:
        return None
    return fmean(given)


def item_value(values: Answers, *, min_answered: int = 1) -> float | None:
    """A one-item score: the answer itself, or missing."""
    given = answered(values)
    return float(given[0]) if given else None


Method = Callable[..., float | None]

METHODS: dict[str, Method] = {
    "koos": koos_subscale,
    "mean": mean_score,
    "item_value": item_value,
}


def score(method: str, values: Answers, *, min_answered: int) -> float | None:
    return METHODS[method](values, min_answered=min_answered)


def rounded(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(value, places)


def collect(items: Sequence[str], answers: Mapping[str, int | None]) -> list[int | None]:
    """The answers to `items`, in order, `None` where the patient skipped one."""
    return [answers.get(item) for item in items]
