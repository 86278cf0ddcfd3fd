import json
from pathlib import Path

import pytest

from saisei.outcomes import questionnaires
from saisei.outcomes.questionnaires import INSTRUMENTS_DIR, InstrumentError, load_file


@pytest.fixture(autouse=True)
def _fresh_instruments():
    questionnaires.reload()
    yield
    questionnaires.reload()


def shipped(name: str) -> dict:
    return json.loads((INSTRUMENTS_DIR / f"{name}.json").read_text())


def write(tmp_path: Path, data: dict, name: str | None = None) -> Path:
    path = tmp_path / f"{name or data['id']}.json"
    path.write_text(json.dumps(data))
    return path


def test_every_shipped_instrument_loads_with_licence_and_source():
    loaded = questionnaires.all_instruments()
    assert list(loaded) == ["knee_pain_nrs", "global_change", "knee_daily", "koos"]
    for instrument in loaded.values():
        assert instrument.licence and instrument.source


def test_own_instruments_have_english_japanese_and_chinese_wording():
    for name in ("knee_pain_nrs", "global_change", "knee_daily"):
        instrument = questionnaires.get(name)
        for item in instrument.items:
            assert set(item.text) == {"en", "ja", "zh-hans"}
        for item in instrument.items:
            for option in item.options:
                assert not option.label or set(option.label) == {"en", "ja", "zh-hans"}


def test_koos_ships_without_wording_and_is_not_asked():
    koos = questionnaires.get("koos")
    assert koos.wording == "operator" and not koos.askable
    assert all(not item.text for item in koos.items)
    assert "koos" not in [i.id for i in questionnaires.asked_at("baseline")]


def test_the_global_change_is_not_asked_before_the_injection():
    assert [i.id for i in questionnaires.asked_at("baseline")] == ["knee_pain_nrs", "knee_daily"]
    assert "global_change" in [i.id for i in questionnaires.asked_at("m6")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("licence"), "knee_pain_nrs.json: licence: missing"),
        (lambda d: d.update(timepoints=["m2"]), "knee_pain_nrs.json: timepoints:"),
        (
            lambda d: d["items"][0].update(response_set="nope"),
            "knee_pain_nrs.json: items[0].response_set: no response set 'nope'",
        ),
        (
            lambda d: d["items"][0]["text"].pop("en"),
            "knee_pain_nrs.json: items[0].text: English wording (en) is required",
        ),
        (
            lambda d: d["subscales"][0].update(min_answered=2),
            "knee_pain_nrs.json: subscales[0].min_answered: must be between 1 and 1",
        ),
        (
            lambda d: d["subscales"][0].update(method="sum_of_squares"),
            "knee_pain_nrs.json: subscales[0].method:",
        ),
        (
            lambda d: d["subscales"][0].update(items=["pain_week", "elbow"]),
            "knee_pain_nrs.json: subscales[0].items: unknown item 'elbow'",
        ),
        (
            lambda d: d["subscales"][0]["interpretation"].pop("source"),
            "knee_pain_nrs.json: subscales[0].interpretation.source: thresholds need a source",
        ),
        (lambda d: d.update(version="one"), "knee_pain_nrs.json: version: expected an integer"),
    ],
)
def test_a_malformed_instrument_names_the_file_and_the_field(tmp_path, change, message):
    data = shipped("knee_pain_nrs")
    change(data)
    with pytest.raises(InstrumentError) as error:
        load_file(write(tmp_path, data, "knee_pain_nrs"))
    assert str(error.value).startswith(message)


def test_koos_subscales_must_require_half_their_items(tmp_path):
    data = shipped("koos")
    data["subscales"][1]["min_answered"] = 1  # pain: 1 of 9
    with pytest.raises(InstrumentError, match=r"koos.json: subscales\[1\].min_answered: KOOS"):
        load_file(write(tmp_path, data))


def koos_wording(languages=("en",)) -> dict:
    koos = shipped("koos")
    labels = ["None", "Mild", "Moderate", "Severe", "Extreme"]
    return {
        "items": {
            item["id"]: {
                "text": {lang: f"Operator wording of {item['id']} ({lang})" for lang in languages},
                "options": [
                    {"value": v, "label": {lang: labels[v] for lang in languages}} for v in range(5)
                ],
            }
            for item in koos["items"]
        }
    }


def test_an_operator_adds_koos_wording_and_koos_is_asked(tmp_path, settings):
    settings.SAISEI_OUTCOMES_WORDING_DIR = tmp_path
    (tmp_path / "koos.wording.json").write_text(json.dumps(koos_wording(("en", "ja"))))
    questionnaires.reload()
    koos = questionnaires.get("koos")
    assert koos.askable
    assert koos.item("P1").text["ja"] == "Operator wording of P1 (ja)"
    assert koos.item("P1").options[4].label["en"] == "Extreme"
    pages = [p for p in questionnaires.pages("baseline") if p.instrument.id == "koos"]
    assert len(pages) == 9 and all(len(p.items) <= 5 for p in pages)


def test_incomplete_operator_wording_names_the_missing_items(tmp_path, settings):
    settings.SAISEI_OUTCOMES_WORDING_DIR = tmp_path
    wording = koos_wording()
    del wording["items"]["Q4"]
    (tmp_path / "koos.wording.json").write_text(json.dumps(wording))
    with pytest.raises(InstrumentError, match=r"koos\.json: wording file: no wording for items Q4"):
        load_file(INSTRUMENTS_DIR / "koos.json")


def test_the_system_check_reports_a_broken_wording_file(tmp_path, settings):
    from saisei.outcomes.checks import instruments_are_valid

    assert instruments_are_valid() == []
    settings.SAISEI_OUTCOMES_WORDING_DIR = tmp_path
    (tmp_path / "koos.wording.json").write_text("{not json")
    errors = instruments_are_valid()
    assert [e.id for e in errors] == ["outcomes.E001"]
    assert "koos.wording.json: not valid JSON" in errors[0].msg
