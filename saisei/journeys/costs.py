"""The journey's cost: the treatment's published price range plus the patient's own estimates.

All arithmetic is in whole yen. Travel and lodging figures are the patient's estimates; when a
field is left empty a placeholder default is used, and the page says "placeholder" so nobody
mistakes it for a price anyone quoted.
"""

from dataclasses import dataclass

from .schedule import Stay

# Placeholder defaults in yen, shown (converted) in empty fields. Not prices from anyone.
DEFAULT_FLIGHT_JPY = 150_000  # return flight, per person, per trip
DEFAULT_LODGING_JPY = 15_000  # per person, per night
DEFAULT_DAILY_JPY = 6_000  # food and local transport, per person, per day


@dataclass(frozen=True)
class Estimate:
    """One of the patient's figures: `jpy` per unit, and whether the patient typed it."""

    jpy: int
    entered: bool


@dataclass(frozen=True)
class CostLine:
    key: str
    quantity: int
    unit_jpy: int
    entered: bool

    @property
    def total_jpy(self) -> int:
        return self.quantity * self.unit_jpy


@dataclass(frozen=True)
class CostOption:
    """The costs of one way of doing the journey (two trips, or staying through)."""

    key: str
    trips: int
    persons: int
    nights: int
    days: int
    lines: tuple[CostLine, ...]
    treatment_min_jpy: int | None
    treatment_max_jpy: int | None

    @property
    def travel_jpy(self) -> int:
        return sum(line.total_jpy for line in self.lines)

    @property
    def total_min_jpy(self) -> int:
        return self.travel_jpy + (self.treatment_min_jpy or 0)

    @property
    def total_max_jpy(self) -> int:
        return self.travel_jpy + (self.treatment_max_jpy or self.treatment_min_jpy or 0)


def cost_option(
    key: str,
    stays: list[Stay],
    companion: bool,
    flight: Estimate,
    lodging: Estimate,
    daily: Estimate,
    treatment_min_jpy: int | None,
    treatment_max_jpy: int | None,
) -> CostOption:
    persons = 2 if companion else 1
    trips = len(stays)
    nights = sum(stay.nights for stay in stays)
    days = sum(stay.days for stay in stays)
    lines = (
        CostLine("flights", trips * persons, flight.jpy, flight.entered),
        CostLine("lodging", nights * persons, lodging.jpy, lodging.entered),
        CostLine("daily", days * persons, daily.jpy, daily.entered),
    )
    return CostOption(
        key=key,
        trips=trips,
        persons=persons,
        nights=nights,
        days=days,
        lines=lines,
        treatment_min_jpy=treatment_min_jpy,
        treatment_max_jpy=treatment_max_jpy,
    )
