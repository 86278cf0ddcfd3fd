"""The visa check, as a table of cases: 90-, 15- and 30-day nationalities, a visa nationality,
no data, stay through the culture period, a companion, an extension."""

from datetime import date, timedelta
from typing import Any

import pytest

from saisei.journeys.closures import closed_check
from saisei.journeys.models import PassportType, VisaRule
from saisei.journeys.schedule import ScheduleInput, build_schedule
from saisei.journeys.visa import Status, assess, find_rule, medical_stay_rules

START = date(2027, 1, 8)  # visit 1: 4 days, visit 2: 4 days; staying through: up to 40 days


def rule(nationality: str, days: int, extendable: int | None = None, **fields) -> VisaRule:
    return VisaRule(
        nationality=nationality,
        passport_type=fields.pop("passport_type", PassportType.ORDINARY),
        visa_free_days=days,
        extendable_to_days=extendable,
        source_url="https://www.mofa.go.jp/j_info/visit/visa/short/novisa.html",
        as_of=date(2025, 5, 1),
        review_due=date(2026, 12, 15),
        **fields,
    )


RULES = {
    "US": rule("US", 90),
    "GB": rule("GB", 90, 180, conditions=["extension_to_6_months"]),
    "TH": rule("TH", 15, conditions=["ic_passport"]),
    "AE": rule("AE", 30),
    "CN": rule("CN", 0),
    "ZZ": None,
}


def check(nationality: str, companion: bool = False, **options):
    schedule = build_schedule(ScheduleInput(start=START, **options), closed_check(None))
    return assess(
        nationality,
        PassportType.ORDINARY,
        schedule.stays,
        schedule.latest_stays,
        companion,
        RULES[nationality],
    )


LONG: dict[str, Any] = {
    "culture_min_weeks": 10,
    "culture_max_weeks": 12,
    "extra_nights_2": 10,
}  # 99 days


@pytest.mark.parametrize(
    ("nationality", "options", "statuses", "medical_days", "coe"),
    [
        ("US", {}, ["visa_free", "visa_free"], [None, None], False),
        ("US", {"stay_through": True}, ["visa_free"], [None], False),
        ("US", {"stay_through": True, **LONG}, ["needs_visa"], [180], True),
        ("GB", {"stay_through": True, **LONG}, ["extension"], [180], True),
        ("TH", {}, ["visa_free", "visa_free"], [None, None], False),
        ("TH", {"extra_nights_1": 12}, ["needs_visa", "visa_free"], [90, None], False),
        ("TH", {"stay_through": True}, ["needs_visa"], [90], False),
        ("AE", {}, ["visa_free", "visa_free"], [None, None], False),
        ("AE", {"stay_through": True}, ["needs_visa"], [90], False),
        ("CN", {}, ["needs_visa", "needs_visa"], [90, 90], False),
        ("ZZ", {}, ["unknown", "unknown"], [90, 90], False),
    ],
)
def test_each_stay_is_checked(nationality, options, statuses, medical_days, coe):
    visa = check(nationality, **options)
    assert [c.status for c in visa.checks] == statuses
    assert [c.medical_stay_days for c in visa.checks] == medical_days
    assert visa.needs_coe is coe


@pytest.mark.parametrize(
    ("nationality", "companion", "options", "explain", "multiple_entry"),
    [
        ("US", False, {}, False, False),
        ("US", True, {}, True, False),
        ("TH", False, {}, False, False),
        ("TH", False, {"stay_through": True}, True, False),
        ("CN", False, {}, True, True),
        ("CN", False, {"stay_through": True}, True, False),
        ("GB", False, {"stay_through": True, **LONG}, True, False),
        ("ZZ", False, {}, True, False),
    ],
)
def test_when_the_medical_stay_visa_is_explained(
    nationality, companion, options, explain, multiple_entry
):
    visa = check(nationality, companion=companion, **options)
    assert visa.explain_medical_stay is explain
    assert visa.suggest_multiple_entry is multiple_entry


def test_the_visa_free_limit_counts_arrival_and_departure_days():
    """Thai nationals, 15 days: arriving on day 1 and leaving on day 15 fits; day 16 does not."""
    fits = check("TH", extra_nights_1=11)
    assert fits.checks[0].stay.days == 15
    assert fits.checks[0].status == Status.VISA_FREE
    too_long = check("TH", extra_nights_1=12)
    assert too_long.checks[0].stay.days == 16
    assert too_long.checks[0].status == Status.NEEDS_VISA


def test_apply_by_leaves_more_time_when_a_certificate_is_needed():
    rules = medical_stay_rules()
    first_day = START
    assert check("US").apply_by(first_day) is None
    assert check("CN").apply_by(first_day) == first_day - timedelta(days=rules.apply_lead_days)
    with_coe = check("US", stay_through=True, **LONG)
    assert with_coe.apply_by(first_day) == first_day - timedelta(
        days=rules.apply_lead_days_with_coe
    )


def test_medical_stay_rules_come_from_the_data_file():
    rules = medical_stay_rules()
    assert rules.stay_options_days == (90, 180, 365)
    assert rules.coe_over_days == 90
    assert rules.multiple_entry_max_years == 3
    assert rules.option_for(91) == 180
    assert rules.option_for(400) is None
    assert all(url.startswith("https://www.mofa.go.jp/") for url in rules.sources.values())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nationality", "passport", "expected_days"),
    [
        ("TH", PassportType.ORDINARY, 15),
        ("TH", PassportType.NON_IC, 0),
        ("DE", PassportType.NON_IC, 90),  # no row for this type: the ordinary passport's rule
        ("DE", PassportType.OFFICIAL, None),  # official passports: not in the table
        ("BR", PassportType.ORDINARY, None),  # no data at all
    ],
)
def test_find_rule_falls_back_to_the_ordinary_passport(nationality, passport, expected_days):
    for row in (rule("TH", 15), rule("TH", 0, passport_type="non_ic"), rule("DE", 90)):
        row.source_hash = "x"
        row.save()
    found = find_rule(nationality, passport)
    assert (found.visa_free_days if found else None) == expected_days
