"""Whether each stay fits visa-free entry, and what the Visa for Medical Stay would need.

The rules are data: visa exemptions per nationality in `VisaRule` (imported from
data/visa_exemptions.csv) and the Visa for Medical Stay's parameters in data/medical_stay.json.
This module only compares a stay's length with them. It is guidance; the embassy or consulate
and the immigration officer decide.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from .models import PassportType, VisaRule
from .schedule import Stay

DATA_DIR = Path(__file__).resolve().parent / "data"
MEDICAL_STAY_FILE = DATA_DIR / "medical_stay.json"
VISA_EXEMPTIONS_FILE = DATA_DIR / "visa_exemptions.csv"


class Status:
    VISA_FREE = "visa_free"
    EXTENSION = "extension"  # longer than visa-free, but an extension in Japan can cover it
    NEEDS_VISA = "needs_visa"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class MedicalStayRules:
    as_of: date
    review_due: date
    sources: dict[str, str]
    stay_options_days: tuple[int, ...]
    coe_over_days: int
    multiple_entry_max_years: int
    processing_working_days: int
    coe_typical_months: tuple[int, int]
    apply_lead_days: int
    apply_lead_days_with_coe: int

    def option_for(self, days: int) -> int | None:
        """The shortest medical-stay length that covers `days`, or None when none does."""
        return next((option for option in self.stay_options_days if option >= days), None)


@cache
def medical_stay_rules(path: Path = MEDICAL_STAY_FILE) -> MedicalStayRules:
    data = json.loads(path.read_text(encoding="utf-8"))
    low, high = data["certificate_of_eligibility_typical_months"]
    return MedicalStayRules(
        as_of=date.fromisoformat(data["as_of"]),
        review_due=date.fromisoformat(data["review_due"]),
        sources=dict(data["sources"]),
        stay_options_days=tuple(sorted(int(d) for d in data["stay_options_days"])),
        coe_over_days=int(data["certificate_of_eligibility_over_days"]),
        multiple_entry_max_years=int(data["multiple_entry_max_years"]),
        processing_working_days=int(data["processing_working_days"]),
        coe_typical_months=(int(low), int(high)),
        apply_lead_days=int(data["apply_lead_days"]),
        apply_lead_days_with_coe=int(data["apply_lead_days_with_certificate"]),
    )


@dataclass(frozen=True)
class StayCheck:
    stay: Stay
    latest: Stay
    status: str
    medical_stay_days: int | None  # the medical-stay length that would cover the latest case
    needs_coe: bool

    @property
    def fits_visa_free(self) -> bool:
        return self.status == Status.VISA_FREE


@dataclass(frozen=True)
class VisaAssessment:
    nationality: str
    passport_type: str
    rule: VisaRule | None
    checks: list[StayCheck]
    companion: bool
    rules: MedicalStayRules
    two_trips: bool

    @property
    def needs_visa(self) -> bool:
        return any(c.status == Status.NEEDS_VISA for c in self.checks)

    @property
    def unknown(self) -> bool:
        return self.rule is None

    @property
    def needs_coe(self) -> bool:
        return any(c.needs_coe for c in self.checks)

    @property
    def explain_medical_stay(self) -> bool:
        """Explain the Visa for Medical Stay: a visa is (or may be) needed, or a companion."""
        return self.needs_visa or self.unknown or self.companion or self.needs_extension

    @property
    def needs_extension(self) -> bool:
        return any(c.status == Status.EXTENSION for c in self.checks)

    @property
    def suggest_multiple_entry(self) -> bool:
        return self.needs_visa and self.two_trips

    def apply_by(self, first_day: date) -> date | None:
        """When to apply at the latest, when a visa is needed (a planning aid, not a rule)."""
        if not self.needs_visa:
            return None
        lead = self.rules.apply_lead_days_with_coe if self.needs_coe else self.rules.apply_lead_days
        return first_day - timedelta(days=lead)


def find_rule(nationality: str, passport_type: str) -> VisaRule | None:
    """The rule for this passport type, else the nationality's ordinary-passport rule.

    Diplomatic and official passports have their own arrangements that the table does not
    hold: None (ask the embassy)."""
    if passport_type == PassportType.OFFICIAL:
        return None
    rules = {
        r.passport_type: r
        for r in VisaRule.objects.filter(
            nationality=nationality, passport_type__in=[passport_type, PassportType.ORDINARY]
        )
    }
    return rules.get(passport_type) or rules.get(PassportType.ORDINARY)


def check_stay(
    stay: Stay, latest: Stay, rule: VisaRule | None, rules: MedicalStayRules
) -> StayCheck:
    days = latest.days
    option = rules.option_for(days)
    needs_coe = option is not None and option > rules.coe_over_days
    if rule is None:
        return StayCheck(stay, latest, Status.UNKNOWN, option, needs_coe)
    if not rule.needs_visa and days <= rule.visa_free_days:
        return StayCheck(stay, latest, Status.VISA_FREE, None, False)
    if not rule.needs_visa and rule.extendable_to_days and days <= rule.extendable_to_days:
        return StayCheck(stay, latest, Status.EXTENSION, option, needs_coe)
    return StayCheck(stay, latest, Status.NEEDS_VISA, option, needs_coe)


def assess(
    nationality: str,
    passport_type: str,
    stays: list[Stay],
    latest_stays: list[Stay],
    companion: bool,
    rule: VisaRule | None,
) -> VisaAssessment:
    rules = medical_stay_rules()
    checks = [
        check_stay(stay, latest, rule, rules)
        for stay, latest in zip(stays, latest_stays, strict=True)
    ]
    return VisaAssessment(
        nationality=nationality,
        passport_type=passport_type,
        rule=rule,
        checks=checks,
        companion=companion,
        rules=rules,
        two_trips=len(stays) > 1,
    )
