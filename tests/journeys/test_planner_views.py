"""The planner's pages: a plan from the query string, every bad input on the form (400, never
a 500, nothing saved), the calendar file parsed back, the print page, a fixed query count."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saisei.audit.models import AuditEntry
from saisei.journeys.models import JourneyPlan, Reminder, VisaRule
from saisei.journeys.services import today_in_japan
from tests.factories import make_facility

from .conftest import CULTURED_PLAN, soon

pytestmark = pytest.mark.django_db


def get(client, **params):
    return client.get("/journey/", params)


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_empty_planner_shows_the_form_and_no_plan(client, clinics):
    response = client.get("/journey/")
    assert response.status_code == 200
    html = text(response)
    assert 'name="nationality"' in html and 'name="start"' in html
    assert "Timeline" not in html
    assert 'aria-current="page">Plan a journey' in html


def test_us_patient_two_trips_fit_visa_free_entry(client, clinics):
    start = soon()
    response = get(client, nationality="US", start=start.isoformat(), home="Los Angeles")
    assert response.status_code == 200
    html = text(response)
    assert "Fly from Los Angeles and arrive in Japan (visit 1)" in html
    assert html.count("Fits visa-free entry") == 2
    assert "may stay in Japan up to 90 days without a visa" in html
    assert "The Visa for Medical Stay" not in html
    assert "guidance only" in html and "embassy or consulate decides" in html
    assert "/journey/calendar.ics?" in html and "/journey/print/?" in html
    assert "Generic range: lowest and highest of 2 treatment prices" in html
    assert "Your estimate (placeholder: edit it)" in html


def test_thai_patient_staying_through_needs_a_medical_stay_visa(client, clinics):
    response = get(
        client, nationality="TH", start=soon().isoformat(), stay_through="on", companion="on"
    )
    html = text(response)
    assert response.status_code == 200
    assert "up to 15 days without a visa" in html
    assert "Only with an IC (chip) passport that meets ICAO standards." in html
    assert "Needs a visa: Visa for Medical Stay (90 days)" in html
    assert "The Visa for Medical Stay" in html
    assert "registered with the Japan Tourism Agency" in html
    assert "certificate of planned treatment" in html
    assert "A visa is never guaranteed" in html
    assert "https://www.mofa.go.jp/j_info/visit/visa/medical/index.html" in html
    assert "Apply for the Visa for Medical Stay by this day" in html
    assert "If you flew home between the visits instead: it would fit visa-free entry." in html
    assert "2 persons" in html


def test_chinese_patient_sees_the_data_note_in_their_language(client, clinics):
    response = client.get("/zh-hans/journey/", {"nationality": "CN", "start": soon().isoformat()})
    assert response.status_code == 200
    assert "据编制者所知" in response.content.decode()


def test_a_hand_typed_lower_case_nationality_is_understood(client, clinics):
    response = get(client, nationality="us", start=soon().isoformat())
    assert response.status_code == 200
    assert "may stay in Japan up to 90 days without a visa" in text(response)


def test_many_extra_nights_are_fine_when_staying_through(client, clinics):
    params = {"extra_nights_1": "30", "culture_min": "1", "culture_max": "2", "stay_through": "on"}
    assert get(client, nationality="US", start=soon().isoformat(), **params).status_code == 200


def test_a_companion_brings_up_the_accompanying_person_rules(client, clinics):
    html = text(get(client, nationality="US", start=soon().isoformat(), companion="on"))
    assert html.count("Fits visa-free entry") == 2
    assert "Accompanying persons" in html


def test_clinic_plans_give_the_published_price_range(client, clinics):
    response = get(
        client, nationality="GB", start=soon().isoformat(), clinic="ginza-stem-cell-clinic"
    )
    html = text(response)
    assert response.status_code == 200
    assert "Treatment at Ginza Stem Cell Clinic." in html
    assert "¥990,000 – ¥1,320,000" in html
    assert "Published range of Ginza Stem Cell Clinic's registered plans: 2 prices" in html
    assert "¥55,000" not in html  # the PRP plan is not part of a two-visit cell treatment


def test_the_clinic_page_links_to_the_planner_and_the_link_prefills_the_clinic(client, clinics):
    detail = client.get("/clinics/ginza-stem-cell-clinic/").content.decode()
    assert 'href="/journey/?clinic=ginza-stem-cell-clinic"' in detail
    response = client.get("/journey/?clinic=ginza-stem-cell-clinic")
    assert response.status_code == 200
    assert '<option value="ginza-stem-cell-clinic" selected>' in response.content.decode()


def test_the_stay_through_option_costs_one_trip_and_more_nights(client, clinics):
    start = soon().isoformat()
    html = text(get(client, nationality="US", start=start, flight="1000", currency="USD"))
    assert "Flying home between the visits · your plan" in html
    assert "Staying through the culture period" in html
    assert "2 flights × ¥153,448" in html  # US$1,000 at 178 JPY / 1.16 USD per euro
    assert "1 flight × ¥153,448" in html


BAD_INPUTS = [
    ("past start", {"start": "2020-01-01"}, "This date is in the past"),
    (
        "start too far",
        {"start": (today_in_japan() + timedelta(days=800)).isoformat()},
        "within the next two years",
    ),
    ("not a date", {"start": "next tuesday"}, "Enter a date such as"),
    ("no start", {"start": ""}, "Enter the earliest day you can arrive in Japan."),
    ("end before start", {"latest_return": "START-5"}, "before your arrival"),
    ("unknown nationality", {"nationality": "XX"}, "Choose your nationality from the list."),
    ("no nationality", {"nationality": ""}, "Choose your nationality."),
    ("negative nights", {"extra_nights_1": "-1"}, "Extra nights cannot be negative."),
    ("10,000 nights", {"extra_nights_2": "10000"}, "At most 60 extra nights per visit."),
    ("nights not a number", {"extra_nights_1": "many"}, "Enter a whole number of nights."),
    (
        "visit 1 runs into visit 2",
        {"extra_nights_1": "30", "culture_min": "1", "culture_max": "2"},
        "visit 1 runs into visit 2",
    ),
    ("culture 0 weeks", {"culture_min": "0"}, "at least 1 week"),
    ("culture 100 weeks", {"culture_max": "100"}, "At most 12 weeks"),
    ("culture min above max", {"culture_min": "6", "culture_max": "4"}, "below the shortest"),
    ("negative estimate", {"flight": "-100"}, "An estimate cannot be negative."),
    ("absurd estimate", {"lodging": "1e12"}, "This estimate is too large."),
    ("currency without a rate", {"currency": "THB"}, "no exchange rate for this currency"),
    ("unknown clinic", {"clinic": "no-such-clinic"}, "This clinic is not in the directory."),
    ("clinic without culture", {"clinic": "umeda-svf-clinic"}, "no culture weeks to plan around"),
]


# The calendar and the print page share the planner's form: a few cases show they answer alike.
OTHER_OUTPUTS = [
    (url, *case)
    for url in ("/journey/calendar.ics", "/journey/print/")
    for case in BAD_INPUTS
    if case[0] in {"past start", "end before start", "10,000 nights", "clinic without culture"}
]


@pytest.mark.parametrize(
    ("url", "case", "changes", "message"),
    [("/journey/", *case) for case in BAD_INPUTS] + OTHER_OUTPUTS,
    ids=[f"planner-{c[0]}" for c in BAD_INPUTS] + [f"{u[9:]}-{c}" for u, c, *_ in OTHER_OUTPUTS],
)
def test_bad_input_is_explained_on_the_form_and_saves_nothing(
    client, clinics, url, case, changes, message
):
    start = soon()
    params = {"nationality": "US", "start": start.isoformat()}
    params.update(changes)
    if params.get("latest_return") == "START-5":
        params["latest_return"] = (start - timedelta(days=5)).isoformat()
    counts = (
        VisaRule.objects.count(),
        JourneyPlan.objects.count(),
        Reminder.objects.count(),
        AuditEntry.objects.count(),
    )
    response = client.get(url, params)
    assert response.status_code == 400, case
    assert response["Content-Type"].startswith("text/html")
    html = text(response)
    assert "The plan could not be made." in html
    assert message in html, case
    assert 'name="nationality"' in html  # the form is there to correct it
    after = (
        VisaRule.objects.count(),
        JourneyPlan.objects.count(),
        Reminder.objects.count(),
        AuditEntry.objects.count(),
    )
    assert after == counts


def test_a_plan_without_culture_weeks_is_refused_on_the_form(client, clinics):
    svf = clinics["svf"].plans.get()
    ginza_svf = make_facility(
        name_romaji="Mixed Clinic",
        slug="mixed-clinic",
        plans=[CULTURED_PLAN, {"modality": "svf", "cultured": False}],
    )
    plan = ginza_svf.plans.get(modality="svf")
    response = get(
        client, nationality="US", start=soon().isoformat(), clinic="mixed-clinic", plan=plan.plan_id
    )
    assert response.status_code == 400
    assert "it has no culture weeks and no second visit to plan" in text(response)
    other = get(
        client, nationality="US", start=soon().isoformat(), clinic="mixed-clinic", plan=svf.plan_id
    )
    assert other.status_code == 400
    assert "This clinic has no listed stem cell plan with this number." in text(other)


def test_htmx_refresh_returns_only_the_result(client, clinics):
    response = client.get(
        "/journey/",
        {"nationality": "US", "start": soon().isoformat()},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "Timeline" in html
    # the header's language links and currency `next` follow the URL that htmx pushes
    assert 'id="prefs" hx-swap-oob="true"' in html
    assert 'href="/ja/journey/?nationality=US' in html


def _start(event) -> datetime:
    value = event.decoded("DTSTART")
    assert isinstance(value, datetime)
    return value


def test_calendar_file_parses_back_with_uid_dtstamp_and_time_zones(client, clinics):
    start = soon()
    params = {
        "nationality": "TH",
        "start": start.isoformat(),
        "stay_through": "on",
        "home": "Bangkok",
    }
    response = client.get("/journey/calendar.ics", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="saisei-journey-{start.isoformat()}.ics"'
    )
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    events = calendar.walk("VEVENT")
    assert len(events) >= 12
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for event in events:
        stamp, begin, end = (event.decoded(name) for name in ("DTSTAMP", "DTSTART", "DTEND"))
        assert isinstance(stamp, datetime) and stamp.utcoffset() == timedelta(0)
        assert isinstance(begin, datetime) and begin.tzinfo == ZoneInfo("Asia/Tokyo")
        assert isinstance(end, datetime) and end > begin
        assert str(event["SUMMARY"])
    summaries = {str(e["SUMMARY"]): _start(e).date() for e in events}
    assert summaries["Fly from Bangkok and arrive in Japan (visit 1)"] == start
    assert "Apply for the Visa for Medical Stay by this day" in summaries
    assert "Fly home while the cells are cultured" not in summaries  # staying through
    again = icalendar.Calendar.from_ical(client.get("/journey/calendar.ics", params).content)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids  # same plan, same events


def test_calendar_is_in_the_visitors_language(client, clinics):
    response = client.get(
        "/ja/journey/calendar.ics", {"nationality": "US", "start": soon().isoformat()}
    )
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert any("日本に到着" in s for s in summaries)


def test_print_page_has_the_plan_without_the_form(client, clinics):
    response = client.get("/journey/print/", {"nationality": "US", "start": soon().isoformat()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your treatment journey plan" in html and "Timeline" in html
    assert 'id="journey-form"' not in html


def _query_count(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = get(client, **params)
    assert response.status_code == 200
    return len(queries)


def test_the_planner_runs_a_fixed_number_of_queries(client, clinics):
    start = soon().isoformat()
    _query_count(client, nationality="US", start=start)  # warm the rates cache
    generic = _query_count(client, nationality="US", start=start)
    clinic = _query_count(client, nationality="US", start=start, clinic="ginza-stem-cell-clinic")
    many_plans = dict(CULTURED_PLAN)
    for n in range(8):
        make_facility(name_romaji=f"Extra Clinic {n}", slug=f"extra-{n}", plans=[many_plans] * 4)
    assert _query_count(client, nationality="US", start=start) == generic
    assert _query_count(client, nationality="US", start=start, clinic="extra-3") == clinic
    assert generic <= 3 and clinic <= 6  # clinic choices, price range, visa rule (+ plans)


def test_a_start_too_soon_for_the_visa_says_the_apply_by_day_has_passed(client, clinics):
    soon_html = text(get(client, nationality="CN", start=soon(10).isoformat()))
    assert "That day has passed" in soon_html
    later_html = text(get(client, nationality="CN", start=soon(60).isoformat()))
    assert "Apply by" in later_html and "That day has passed" not in later_html


def test_the_planner_varies_on_hx_request(client, clinics):
    response = get(client, nationality="US", start=soon().isoformat())
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "ja",
            [
                "治療のための渡航を計画する",
                "日程表",
                "ビザの確認",
                "医療滞在ビザ",
                "費用の見積もり",
            ],
        ),
        ("zh-hans", ["规划您的治疗行程", "时间线", "签证检查", "医疗滞在签证", "费用估算"]),
    ],
)
def test_the_plan_speaks_the_visitors_language(client, clinics, language, phrases):
    from tests.test_translations import visible_text

    response = client.get(
        f"/{language}/journey/",
        {"nationality": "TH", "start": soon().isoformat(), "stay_through": "on"},
    )
    assert response.status_code == 200
    page = visible_text(response.content.decode())
    assert all(phrase in page for phrase in phrases)
    english = ["Timeline", "Visa check", "Cost estimate", "Your estimate", "Fly home", "Source:"]
    assert [phrase for phrase in english if phrase in page] == []


def test_a_visa_nationality_on_two_trips_is_told_about_the_multiple_entry_visa(client, clinics):
    html = text(get(client, nationality="CN", start=soon(60).isoformat()))
    assert "Ask for a multiple-entry Visa for Medical Stay" in html
    assert "据编制者所知" not in html  # the English page shows the English note
    assert "China is not in MOFA" in html


def test_staff_see_when_each_visa_rule_is_due_a_review(admin_client, visa_rules):
    VisaRule.objects.filter(nationality="US").update(
        review_due=today_in_japan() - timedelta(days=1)
    )
    VisaRule.objects.exclude(nationality="US").update(
        review_due=today_in_japan() + timedelta(days=9)
    )
    response = admin_client.get("/admin/journeys/visarule/", {"review": "overdue"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Review due" in html and ">DUE<" in html
    assert list(response.context["cl"].result_list.values_list("nationality", flat=True)) == ["US"]
    current = admin_client.get("/admin/journeys/visarule/", {"review": "current"})
    assert "US" not in current.context["cl"].result_list.values_list("nationality", flat=True)
    rule = VisaRule.objects.get(nationality="US")
    assert admin_client.get(f"/admin/journeys/visarule/{rule.pk}/change/").status_code == 200


def test_generic_range_shows_the_median_of_the_published_prices(client, clinics):
    make_facility(
        name_romaji="Third Clinic",
        slug="third-clinic",
        plans=[{**CULTURED_PLAN, "prices": [{"amount_jpy": 2_200_000}]}],
    )
    html = text(get(client, nationality="US", start=soon().isoformat()))
    assert "¥990,000 – ¥2,200,000" in html
    assert "median ¥1,320,000" in html
    assert "of 3 treatment prices" in html
