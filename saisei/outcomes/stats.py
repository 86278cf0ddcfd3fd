"""Statistics for clinic results: pure functions, no database.

- Wilson score interval for a proportion (Wilson 1927, JASA 22:209-212).
- Beta-binomial empirical Bayes shrinkage of clinic rates toward the overall rate, with the
  prior's strength estimated by the method of moments (see `shrinkage_strength`).
- The responder rule and medians used on clinic pages.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median

Z_95 = 1.959963984540054  # two-sided 95 %


def wilson_interval(successes: int, n: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for `successes` out of `n`; (0, 1) when n is 0."""
    if n < 0 or not 0 <= successes <= n:
        raise ValueError("need 0 <= successes <= n")
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


@dataclass(frozen=True)
class Rate:
    """Successes `k` out of `n` for one group (a clinic)."""

    key: object
    k: int
    n: int


@dataclass(frozen=True)
class Shrunk:
    key: object
    k: int
    n: int
    raw: float
    shrunk: float


def shrinkage_strength(rates: Sequence[Rate]) -> tuple[float, float]:
    """The overall rate p and prior strength M (alpha + beta) of a beta-binomial model.

    Method of moments (the ANOVA-type estimator, e.g. Kleinman 1973, JASA 68:46-54): with
    N = sum n_i and S = sum n_i (p_i - p)^2, the intra-class correlation is
    rho = (S / (p (1 - p)) - (I - 1)) / (N - sum n_i^2 / N), and M = 1 / rho - 1.
    When rho <= 0 (no more spread between clinics than chance alone gives), M is infinite:
    every clinic is estimated at the overall rate.
    """
    groups = [r for r in rates if r.n > 0]
    total_n = sum(r.n for r in groups)
    if not groups or total_n == 0:
        return (math.nan, math.inf)
    p = sum(r.k for r in groups) / total_n
    if len(groups) < 2 or p in (0.0, 1.0):
        return (p, math.inf)
    spread = sum(r.n * (r.k / r.n - p) ** 2 for r in groups)
    denominator = total_n - sum(r.n * r.n for r in groups) / total_n
    rho = (spread / (p * (1 - p)) - (len(groups) - 1)) / denominator
    if rho <= 0:
        return (p, math.inf)
    rho = min(rho, 1.0)
    return (p, 1 / rho - 1)


def shrink(rates: Sequence[Rate]) -> list[Shrunk]:
    """Each rate's posterior mean (k + M p) / (n + M) under the fitted beta prior."""
    p, strength = shrinkage_strength(rates)
    result = []
    for r in rates:
        raw = r.k / r.n if r.n else math.nan
        value = p if math.isinf(strength) else (r.k + strength * p) / (r.n + strength)
        result.append(Shrunk(key=r.key, k=r.k, n=r.n, raw=raw, shrunk=value))
    return result


# Responder: pain (0-10 NRS) improved by at least 2 points AND at least 30 % from baseline.
RESPONDER_MIN_POINTS = 2
RESPONDER_MIN_PERCENT = 30


def is_responder(baseline: float, follow_up: float) -> bool:
    """Improved by >= 2 points and >= 30 % of the baseline score (compared without rounding)."""
    improvement = baseline - follow_up
    return improvement >= RESPONDER_MIN_POINTS and improvement * 100 >= (
        RESPONDER_MIN_PERCENT * baseline
    )


def median_or_none(values: Iterable[float]) -> float | None:
    values = list(values)
    return median(values) if values else None
