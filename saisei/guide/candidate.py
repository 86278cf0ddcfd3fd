"""The candidate self-check: general information and questions for a doctor, never a diagnosis.

`RULES` is the table: each rule says when it applies, what general information it gives, which
questions it adds for the patient to bring to a doctor, and the sources it rests on. `assess`
applies every rule to the answers; nothing is stored (tests/guide/test_candidate.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from .content import SOURCES, NumberedSource

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

REVIEWED = date(2026, 12, 1)  # when the rules and their sources were last checked

AGES = [
    ("under_18", _("Under 18")),
    ("18_39", _("18 to 39")),
    ("40_64", _("40 to 64")),
    ("65_79", _("65 to 79")),
    ("80_plus", _("80 or older")),
]
KNEES = [("one", _("One knee")), ("both", _("Both knees"))]
DIAGNOSES = [
    ("oa", _("Knee osteoarthritis, diagnosed by a doctor")),
    ("none", _("Knee pain, no diagnosis yet")),
    ("injury", _("A recent injury (for example a torn meniscus or ligament)")),
    ("inflammatory", _("Rheumatoid or another inflammatory arthritis")),
]
GRADES = [
    ("unknown", _("I don't know")),
    ("0_1", _("Grade 0 or 1")),
    ("2", _("Grade 2")),
    ("3", _("Grade 3")),
    ("4", _("Grade 4 (bone on bone)")),
]
DURATIONS = [
    ("under_3m", _("Less than 3 months")),
    ("3_12m", _("3 to 12 months")),
    ("over_1y", _("More than a year")),
]
PRIOR = [
    ("exercise", _("Exercise therapy or physiotherapy")),
    ("weight", _("Weight management")),
    ("painkillers", _("Painkillers or anti-inflammatory medicine")),
    ("steroid", _("Steroid injection")),
    ("hyaluronic", _("Hyaluronic acid injection")),
    ("prp", _("PRP injection")),
    ("arthroscopy", _("Keyhole surgery (arthroscopy)")),
    ("replacement", _("Knee replacement in this knee")),
]
CONDITIONS = [
    ("cancer", _("Cancer now or in the last five years")),
    ("infection", _("An infection in or near the knee, or a fever now")),
    ("bleeding", _("A bleeding disorder, or blood-thinning medicine")),
    ("pregnancy", _("Pregnancy, or planning one")),
    ("immune", _("Medicine that suppresses the immune system")),
    ("diabetes", _("Diabetes that is not well controlled")),
]


@dataclass(frozen=True)
class Answers:
    age: str = ""
    knees: str = ""
    diagnosis: str = ""
    grade: str = "unknown"
    duration: str = ""
    prior: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()

    @classmethod
    def from_cleaned(cls, data: dict[str, Any]) -> Answers:
        return cls(
            age=data.get("age") or "",
            knees=data.get("knees") or "",
            diagnosis=data.get("diagnosis") or "",
            grade=data.get("grade") or "unknown",
            duration=data.get("duration") or "",
            prior=frozenset(data.get("prior") or ()),
            conditions=frozenset(data.get("conditions") or ()),
        )


@dataclass(frozen=True)
class Rule:
    key: str
    applies: Callable[[Answers], bool]
    info: StrPromise
    questions: tuple[StrPromise, ...] = ()
    sources: tuple[str, ...] = ()


def _condition(name: str) -> Callable[[Answers], bool]:
    return lambda a: name in a.conditions


RULES: tuple[Rule, ...] = (
    Rule(
        "under_18",
        lambda a: a.age == "under_18",
        _(
            "Trials of cell injections for knee osteoarthritis enrolled adults. Knee pain in "
            "young people usually has other causes, which need their own diagnosis."
        ),
        (_("What else could be causing my knee pain?"),),
        ("miles", "kim2020"),
    ),
    Rule(
        "no_diagnosis",
        lambda a: a.diagnosis == "none",
        _(
            "Knee pain has many causes. The trials concern osteoarthritis diagnosed by a doctor, "
            "with an examination and an X-ray."
        ),
        (_("Can you examine my knee and take a standing X-ray to find the cause?"),),
        ("miles", "kl1957"),
    ),
    Rule(
        "injury",
        lambda a: a.diagnosis == "injury",
        _(
            "A recent injury is a different problem from osteoarthritis; the trials of cell "
            "injections for osteoarthritis did not test it."
        ),
        (_("Does my injury need its own treatment first?"),),
        ("miles",),
    ),
    Rule(
        "inflammatory",
        lambda a: a.diagnosis == "inflammatory",
        _(
            "Rheumatoid and other inflammatory arthritis are treated by rheumatologists; trials "
            "of cell injections for knee osteoarthritis usually left them out."
        ),
        (_("How is my arthritis controlled, and would an injection interfere with it?"),),
        ("miles", "kim2020"),
    ),
    Rule(
        "grade_unknown",
        lambda a: a.grade == "unknown",
        _(
            "The Kellgren-Lawrence grade (0 to 4) describes how far osteoarthritis shows on an "
            "X-ray. Ask for it: it shapes which treatments are reasonable."
        ),
        (_("What is my Kellgren-Lawrence grade, and can I have the X-ray images?"),),
        ("kl1957",),
    ),
    Rule(
        "grade_0_1",
        lambda a: a.grade == "0_1",
        _(
            "Grades 0 and 1 mean no or doubtful change on the X-ray. The pain may have another "
            "cause, and the first-line treatments come first."
        ),
        (_("If the X-ray shows little, what else should we look for?"),),
        ("kl1957", "oarsi2019"),
    ),
    Rule(
        "grade_2_3",
        lambda a: a.grade in {"2", "3"},
        _(
            "Grades 2 and 3 are the mild-to-moderate range in which most trials of cell "
            "injections enrolled patients. Pooled, those trials report pain improvements over "
            "controls; in the MILES trial, same-day cell injections did no better than a "
            "steroid injection at 12 months."
        ),
        (_("What results do you expect for a knee like mine, and compared with what?"),),
        ("kim2020", "miles"),
    ),
    Rule(
        "grade_4",
        lambda a: a.grade == "4",
        _(
            "At grade 4 (bone on bone) little cartilage is left, few trials of cell injections "
            "included such knees, and surgeons usually discuss knee replacement."
        ),
        (_("Would a knee replacement be an option for me, and what would it involve?"),),
        ("kl1957", "kim2020"),
    ),
    Rule(
        "recent_pain",
        lambda a: a.duration == "under_3m",
        _(
            "Pain for less than three months may settle. Guidelines start with exercise, weight "
            "management and education."
        ),
        (_("Should we wait and try the first-line treatments before anything else?"),),
        ("oarsi2019",),
    ),
    Rule(
        "no_first_line",
        lambda a: a.diagnosis in {"oa", "none"} and not a.prior & {"exercise", "weight"},
        _(
            "You did not mention exercise therapy or weight management. Guidelines recommend "
            "them for everyone with knee osteoarthritis, before and alongside any injection."
        ),
        (_("Which exercise programme would suit me, and for how long should I try it?"),),
        ("oarsi2019",),
    ),
    Rule(
        "prior_injections",
        lambda a: bool(a.prior & {"steroid", "hyaluronic", "prp"}),
        _(
            "You have had knee injections before. Tell the clinic which, when, and how long "
            "they helped. In the MILES trial a steroid injection did as well as the cell "
            "injections at 12 months."
        ),
        (_("Given how my earlier injections worked, what would this one add?"),),
        ("miles",),
    ),
    Rule(
        "replacement",
        lambda a: "replacement" in a.prior,
        _(
            "This knee has an artificial joint. Trials of cell injections studied natural knees "
            "with osteoarthritis; new pain in a replaced knee needs the surgeon's assessment."
        ),
        (_("Could the pain come from the artificial joint itself?"),),
        ("kim2020",),
    ),
    Rule(
        "both_knees",
        lambda a: a.knees == "both",
        _(
            "Japanese clinics often publish prices per knee. Check whether a price covers one "
            "knee or both, and whether one harvest can serve both knees."
        ),
        (_("What is the total price for both knees, and is it one harvest or two?"),),
        ("saisei_registry",),
    ),
    Rule(
        "cancer",
        _condition("cancer"),
        _(
            "Cancer now or in recent years is a usual exclusion in the consent documents of "
            "Japanese stem cell plans. Tell the clinic and your own doctor."
        ),
        (_("Does my history of cancer rule this treatment out?"),),
        ("e_saisei", "isscr_handbook"),
    ),
    Rule(
        "infection",
        _condition("infection"),
        _(
            "An infection in or near the knee, or a fever, is a reason not to inject until it "
            "has been treated."
        ),
        (),
        ("e_saisei",),
    ),
    Rule(
        "bleeding",
        _condition("bleeding"),
        _(
            "The harvest and the injection can bleed more with a bleeding disorder or blood "
            "thinners. Do not stop a blood thinner without the doctor who prescribed it."
        ),
        (_("How would my blood-thinning medicine be handled for the harvest?"),),
        ("e_saisei",),
    ),
    Rule(
        "pregnancy",
        _condition("pregnancy"),
        _("Pregnancy is a usual exclusion in the consent documents; treatment is put off."),
        (),
        ("e_saisei",),
    ),
    Rule(
        "immune",
        _condition("immune"),
        _(
            "Medicine that suppresses the immune system raises the risk of infection after a "
            "harvest or an injection."
        ),
        (_("Is the infection risk higher for me, and what would you do about it?"),),
        ("e_saisei", "fda_warning"),
    ),
    Rule(
        "diabetes",
        _condition("diabetes"),
        _(
            "Diabetes that is not well controlled raises the risk of infection and can slow "
            "healing at the harvest site."
        ),
        (_("Should my diabetes be better controlled before any procedure?"),),
        ("e_saisei",),
    ),
)

# Asked by everyone, whatever the answers (the ISSCR's questions, in Saisei's words).
GENERAL_QUESTIONS: tuple[StrPromise, ...] = (
    _("What is the evidence that this treatment helps knees like mine?"),
    _("What are the risks, and what happens if something goes wrong?"),
    _("What does it cost in total, and what is not included?"),
)
GENERAL_SOURCES = ("isscr_handbook",)


@dataclass(frozen=True)
class Note:
    """A rule's information with its numbered citations (rendered like a guide paragraph)."""

    key: str
    text: StrPromise
    cites: list[NumberedSource]


@dataclass
class Assessment:
    notes: list[Note] = field(default_factory=list)
    questions: list[StrPromise] = field(default_factory=list)
    sources: list[NumberedSource] = field(default_factory=list)

    @property
    def keys(self) -> list[str]:
        return [note.key for note in self.notes]


def assess(answers: Answers) -> Assessment:
    """The notes of every rule that applies, the questions (no repeats) and numbered sources."""
    result = Assessment()
    cited: dict[str, NumberedSource] = {}

    def number(key: str) -> NumberedSource:
        if key not in cited:
            cited[key] = NumberedSource(len(cited) + 1, SOURCES[key])
            result.sources.append(cited[key])
        return cited[key]

    for rule in RULES:
        if rule.applies(answers):
            result.notes.append(Note(rule.key, rule.info, [number(k) for k in rule.sources]))
            result.questions.extend(q for q in rule.questions if q not in result.questions)
    result.questions.extend(q for q in GENERAL_QUESTIONS if q not in result.questions)
    for key in GENERAL_SOURCES:
        number(key)
    return result
