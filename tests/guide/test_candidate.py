"""The candidate self-check: a table of rules with sources; general information, never stored."""

import pytest

from saisei.guide import candidate
from saisei.guide.candidate import RULES, Answers, assess
from saisei.guide.content import SOURCES
from tests.test_translations import visible_text

OA_EXERCISED = {"diagnosis": "oa", "prior": frozenset({"exercise"})}

# (answers, the rules that must apply: exactly these)
CASES = [
    ({**OA_EXERCISED, "grade": "3", "duration": "over_1y"}, {"grade_2_3"}),
    ({**OA_EXERCISED, "grade": "2", "knees": "both"}, {"grade_2_3", "both_knees"}),
    ({**OA_EXERCISED, "grade": "4"}, {"grade_4"}),
    ({**OA_EXERCISED, "grade": "0_1"}, {"grade_0_1"}),
    ({**OA_EXERCISED}, {"grade_unknown"}),
    ({"diagnosis": "oa", "grade": "3"}, {"grade_2_3", "no_first_line"}),
    ({"diagnosis": "none", "grade": "3"}, {"grade_2_3", "no_first_line", "no_diagnosis"}),
    (
        {"diagnosis": "injury", "grade": "2", "duration": "under_3m"},
        {"grade_2_3", "injury", "recent_pain"},
    ),
    ({"diagnosis": "inflammatory", "grade": "2"}, {"grade_2_3", "inflammatory"}),
    (
        {"age": "under_18", "diagnosis": "injury", "grade": "0_1"},
        {"under_18", "injury", "grade_0_1"},
    ),
    (
        {**OA_EXERCISED, "grade": "3", "prior": frozenset({"weight", "steroid", "hyaluronic"})},
        {"grade_2_3", "prior_injections"},
    ),
    (
        {**OA_EXERCISED, "grade": "3", "prior": frozenset({"exercise", "replacement"})},
        {"grade_2_3", "replacement"},
    ),
    (
        {
            **OA_EXERCISED,
            "grade": "2",
            "conditions": frozenset(
                {"cancer", "infection", "bleeding", "pregnancy", "immune", "diabetes"}
            ),
        },
        {"grade_2_3", "cancer", "infection", "bleeding", "pregnancy", "immune", "diabetes"},
    ),
    ({"diagnosis": "", "grade": "unknown"}, {"grade_unknown"}),
]


@pytest.mark.parametrize(("answers", "expected"), CASES)
def test_rules_that_apply_to_the_answers(answers, expected):
    assert set(assess(Answers(**answers)).keys) == expected


def test_every_rule_applies_in_some_case_and_cites_known_sources():
    fired = set().union(*(expected for _, expected in CASES))
    assert fired == {rule.key for rule in RULES}
    for rule in RULES:
        assert rule.sources and set(rule.sources) <= set(SOURCES), rule.key


def test_sources_are_numbered_in_order_of_first_use_without_repeats():
    result = assess(Answers(diagnosis="none", grade="4", conditions=frozenset({"cancer"})))
    numbers = [entry.number for entry in result.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len({entry.source.key for entry in result.sources}) == len(numbers)
    for note in result.notes:
        assert note.cites and all(cite in result.sources for cite in note.cites)


def test_everyone_gets_the_general_questions_once():
    result = assess(Answers(diagnosis="oa", grade="3", prior=frozenset({"exercise"})))
    for question in candidate.GENERAL_QUESTIONS:
        assert result.questions.count(question) == 1


@pytest.mark.django_db
def test_the_empty_form_asks_and_gives_no_information_yet(client):
    response = client.get("/guide/am-i-a-candidate/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "not a diagnosis" in text
    assert f"Reviewed {candidate.REVIEWED.isoformat()}" in text
    assert "General information for your answers" not in text


@pytest.mark.django_db
def test_answers_give_information_and_questions_and_store_nothing(
    client, django_assert_num_queries
):
    query = "check=1&age=65_79&knees=both&diagnosis=oa&grade=4&duration=over_1y&prior=exercise"
    with django_assert_num_queries(1):  # the exchange rates, read for the currency menu
        response = client.get(f"/guide/am-i-a-candidate/?{query}")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "General information for your answers" in text
    assert "At grade 4 (bone on bone)" in text
    assert "Would a knee replacement be an option for me" in text
    assert "per knee" in text
    assert "sessionid" not in response.cookies
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex"
    for claim in ("you are a candidate", "recommend this treatment", "book now"):
        assert claim not in text.lower()


@pytest.mark.django_db
def test_unknown_answers_are_refused(client):
    response = client.get("/guide/am-i-a-candidate/?check=1&grade=7")
    assert response.status_code == 400
    assert "General information for your answers" not in response.content.decode()


@pytest.mark.django_db
def test_currency_parameter_alone_does_not_submit_the_form(client):
    text = visible_text(client.get("/guide/am-i-a-candidate/?currency=EUR").content.decode())
    assert "General information for your answers" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ja", "zh-hans"])
def test_self_check_is_translated(client, language):
    response = client.get(f"/{language}/guide/am-i-a-candidate/?check=1&grade=4")
    text = visible_text(response.content.decode())
    assert "General information for your answers" not in text
    assert "bone on bone" not in text
