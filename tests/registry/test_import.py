"""Importing plans and prices: what is stored, and what a second or newer import changes."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from saisei.audit.models import AuditEntry
from saisei.lib.text import normalise
from saisei.registry.importer import COUNT_KEYS, import_registry
from saisei.registry.importer.reader import PLAN_COLUMNS, PRICE_COLUMNS
from saisei.registry.models import Facility, ImportRun, Modality, Plan, PricePoint

from . import importdata as data

LISTED = Plan.Status.LISTED
GONE = Plan.Status.NO_LONGER_LISTED


def dump(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    return folder


@pytest.fixture
def small(tmp_path: Path) -> list[Path]:
    """Three plans of two facilities, with their real prices."""
    ids = ("P00084", "P00085", "P00086")
    return [
        data.write_plans(tmp_path, data.plans(*ids)),
        data.write_prices(tmp_path, data.prices(*ids)),
    ]


def test_plans_facilities_and_prices_are_stored(db, small):
    report = import_registry(small)

    assert report.counts == {
        **dict.fromkeys(COUNT_KEYS, 0),
        "plans_new": 3,
        "facilities_new": 2,
        "prices_new": 11,
        "prices_repeats": 3,
    }
    plan = Plan.objects.get(plan_id="P00085")
    assert plan.facility.external_id == "F0398"
    assert plan.risk_class == 2
    assert plan.title_ja == "自家滑膜幹細胞注射による変形性膝関節症治療"
    assert plan.modality == Modality.SYNOVIAL_MSC
    assert plan.targets_joint is True
    assert plan.status == LISTED
    assert plan.document_code == "03C2510007"
    assert plan.extracted_on == "2026-09"
    assert plan.first_import_id == plan.last_import_id == report.run_id
    assert len(plan.source_hash) == 64
    price = plan.prices.get(amount_jpy=2750000)
    assert (price.tax, price.extraction, price.kind) == ("included", "auto", "treatment")


def test_the_import_run_and_one_audit_entry_record_the_files_and_counts(db, small):
    report = import_registry(small)

    run = ImportRun.objects.get()
    assert run.pk == report.run_id and run.finished is not None
    assert run.counts == report.counts
    assert [(f["name"], f["kind"], f["rows"]) for f in run.files] == [
        (str(small[0]), "plans", 3),
        (str(small[1]), "prices", 11),
    ]
    entry = AuditEntry.objects.get()
    assert entry.action == "registry.import"
    assert entry.target_id == str(run.pk)
    assert entry.data["plans_new"] == 3 and entry.data["prices_new"] == 11


def test_the_facility_summary_is_computed(db, small):
    import_registry(small)

    facility = Facility.objects.get(external_id="F0398")  # synovial MSC + PRP
    assert facility.listed is True
    assert facility.plan_count == 2
    assert facility.has_stem_cells and facility.has_blood and facility.has_joint
    assert facility.has_cultured is False  # neither title says the cells are cultured
    # cancellation fees (100,000 and 500,000 yen) are not treatment prices
    assert (facility.min_price_jpy, facility.max_price_jpy) == (44000, 2750000)
    # the lowest price by kind of product: synovial MSC from 2,000,000, PRP from 44,000
    assert (facility.stem_min_price_jpy, facility.blood_min_price_jpy) == (2000000, 44000)
    assert facility.min_price_confirmed and facility.stem_min_price_confirmed  # AUTO extractions
    assert facility.prefecture_ja == "茨城県" and facility.region_ja == "関東"
    text = facility.search_text
    assert "医療法人健佑会 いちはら病院" in text
    assert "stem cell" in text and "stem cells" in text
    assert "prp platelet" in text and "knee joint" in text
    assert "synovial stem cells" in text
    assert text == text.lower() and "  " not in text


def test_a_cancellation_fee_is_stored_with_its_kind(db, small):
    import_registry(small)

    fees = PricePoint.objects.filter(plan__plan_id="P00085", kind=PricePoint.Kind.CANCELLATION)
    assert sorted(fees.values_list("amount_jpy", flat=True)) == [100000, 500000]


def test_a_repeated_amount_within_a_plan_is_flagged(db, small):
    import_registry(small)

    flags = list(
        PricePoint.objects.filter(plan__plan_id="P00084").order_by("id").values_list("is_repeat")
    )
    assert flags == [(False,), (True,), (True,)]  # 60,000 yen found three times


def test_a_qc_extraction_is_stored_as_unconfirmed(db, tmp_path):
    import_registry(
        [
            data.write_plans(tmp_path, data.plans("P00087")),
            data.write_prices(tmp_path, data.prices("P00087")),
        ]
    )

    price = PricePoint.objects.get()
    assert price.extraction == PricePoint.Extraction.REVIEW
    assert price.confirmed is False


def test_an_exact_duplicate_row_is_stored_once_with_a_warning(db, tmp_path):
    rows = data.prices("P00084")
    prices = data.write_prices(tmp_path, [*rows, rows[1]])

    report = import_registry([data.write_plans(tmp_path, data.plans("P00084")), prices])

    assert PricePoint.objects.count() == 3
    assert report.counts["prices_merged"] == 1
    assert [str(w) for w in report.warnings] == [f"{prices}:5: repeats line 3 exactly; stored once"]


def test_plans_sharing_a_document_code_and_a_plan_without_one_are_imported(db, tmp_path):
    import_registry([data.write_plans(tmp_path, data.plans("P00411", "P00857", "P00597"))])

    assert Plan.objects.filter(document_code="02E2509002").count() == 2
    assert Plan.objects.get(plan_id="P00597").document_code == ""
    assert Facility.objects.get(external_id="F0122").plan_count == 2


def test_a_facility_with_name_variants_is_one_facility(db, tmp_path):
    import_registry([data.write_plans(tmp_path, data.plans_of("F0450"))])

    facility = Facility.objects.get()
    assert facility.name_ja == "医療法人財団檜扇会 クリニック 名古屋ちくさヒルズ"  # on 3 of 4 rows
    assert facility.name_variants == ["医療法人財団 檜扇会 クリニック 名古屋ちくさヒルズ"]
    assert facility.plan_count == 4
    assert "医療法人財団 檜扇会 クリニック 名古屋ちくさヒルズ" in facility.search_text


def test_on_a_tie_the_longest_name_wins(db, tmp_path):
    import_registry([data.write_plans(tmp_path, data.plans_of("F0368"))])

    facility = Facility.objects.get()
    assert facility.name_ja == "医療法人 博俊会 春江病院"
    assert facility.name_variants == ["春江病院"]


def test_a_renamed_facility_keeps_its_slug_and_its_old_name_as_a_variant(db, tmp_path):
    rows = data.plans("P00084")
    import_registry([data.write_plans(tmp_path, rows)])
    before = Facility.objects.get()
    rows[0]["facility_name"] = "医療法人すずらん すずらん整形外科クリニック"

    report = import_registry([data.write_plans(dump(tmp_path, "newer"), rows)])

    after = Facility.objects.get()
    assert report.counts["facilities_changed"] == 1
    assert report.counts["plans_unchanged"] == 1  # the plan's own fields did not change
    assert after.slug == before.slug
    assert after.name_ja == "医療法人すずらん すずらん整形外科クリニック"
    old_name = data.plans("P00084")[0]["facility_name"]
    assert after.name_variants == [old_name]
    assert after.name_romaji != before.name_romaji
    assert normalise(old_name) in after.search_text


def test_a_second_import_of_the_same_files_changes_nothing(db, small):
    import_registry(small)
    before = data.snapshot()

    with CaptureQueriesContext(connection) as queries:
        report = import_registry(small)

    assert report.counts == {
        **dict.fromkeys(COUNT_KEYS, 0),
        "plans_unchanged": 3,
        "facilities_unchanged": 2,
        "prices_unchanged": 11,
        "prices_repeats": 3,
    }
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))
        and "registry_importrun" not in q["sql"]
    ]
    assert all("audit_auditentry" in sql for sql in writes), writes
    facilities, plans, prices, runs, audits = data.snapshot()
    assert (facilities, plans, prices) == before[:3]  # `updated` times included
    assert (len(runs), audits) == (2, 2)


def test_a_newer_extract_updates_unlists_and_relists(db, tmp_path):
    first = data.plans("P00084", "P00085", "P00086")
    import_registry([data.write_plans(tmp_path, first)])
    hash_before = Plan.objects.get(plan_id="P00086").source_hash
    newer = data.plans("P00084", "P00086")  # P00085 left out
    newer[1]["treatment_title"] = "自己脂肪組織由来幹細胞(培養)を用いた変形性膝関節症治療"

    report = import_registry([data.write_plans(dump(tmp_path, "newer"), newer)])

    counts = report.counts
    assert (counts["plans_new"], counts["plans_changed"], counts["plans_unchanged"]) == (0, 1, 1)
    assert counts["plans_no_longer_listed"] == 1
    changed = Plan.objects.get(plan_id="P00086")
    assert changed.modality == Modality.ADIPOSE_MSC and changed.cultured is True
    assert changed.source_hash != hash_before
    assert changed.last_import_id == report.run_id != changed.first_import_id
    gone = Plan.objects.get(plan_id="P00085")
    assert gone.status == GONE
    facility = Facility.objects.get(external_id="F0398")
    assert facility.plan_count == 1 and facility.has_cultured and facility.has_stem_cells

    again = import_registry([data.write_plans(dump(tmp_path, "again"), first)])

    assert again.counts["plans_changed"] == 2  # P00086's title back, P00085 listed again
    assert again.counts["plans_relisted"] == 1
    assert Plan.objects.get(plan_id="P00085").status == LISTED
    assert Facility.objects.get(external_id="F0398").plan_count == 2


def test_a_facility_whose_plans_are_all_gone_is_no_longer_listed(db, tmp_path, small):
    import_registry(small)

    import_registry([data.write_plans(dump(tmp_path, "newer"), data.plans("P00084"))])

    facility = Facility.objects.get(external_id="F0398")
    assert facility.listed is False and facility.plan_count == 0
    assert facility.min_price_jpy is None and facility.has_stem_cells is False
    assert Plan.objects.filter(facility=facility).count() == 2  # never deleted


def test_a_prices_only_import_touches_only_the_plans_it_names(db, tmp_path):
    plans = data.write_plans(tmp_path, data.plans("P00084", "P00085"))
    import_registry([plans, data.write_prices(tmp_path, data.prices("P00084", "P00085"))])
    rows = data.prices("P00085")[1:]  # the 100,000 yen cancellation fee is gone
    rows[-1]["amount_jpy"] = "2860000"  # a new price

    report = import_registry([data.write_prices(dump(tmp_path, "newer"), rows)])

    counts = report.counts
    assert (counts["plans_unchanged"], counts["plans_no_longer_listed"]) == (0, 0)
    assert (counts["prices_new"], counts["prices_unchanged"]) == (1, 2)
    assert counts["prices_no_longer_listed"] == 2
    assert counts["facilities_changed"] == 1
    listed = PricePoint.objects.filter(listed=True)
    assert listed.filter(plan__plan_id="P00084").count() == 3  # untouched
    assert sorted(listed.filter(plan__plan_id="P00085").values_list("amount_jpy", flat=True)) == [
        500000,
        2000000,
        2860000,
    ]
    assert PricePoint.objects.filter(listed=False).count() == 2
    assert Facility.objects.get(external_id="F0398").max_price_jpy == 2860000


def test_a_price_that_reappears_is_listed_again(db, tmp_path, small):
    import_registry(small)
    import_registry([data.write_prices(dump(tmp_path, "fewer"), data.prices("P00085")[:1])])

    report = import_registry([small[1]])

    assert report.counts["prices_changed"] == 3
    assert PricePoint.objects.filter(listed=False).count() == 0


def test_when_an_earlier_equal_amount_goes_the_repeat_flag_moves(db, tmp_path, small):
    import_registry(small)

    import_registry([data.write_prices(dump(tmp_path, "newer"), data.prices("P00084")[1:])])

    rows = PricePoint.objects.filter(plan__plan_id="P00084").order_by("id")
    assert [(p.listed, p.is_repeat) for p in rows] == [(False, False), (True, False), (True, True)]


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8-sig", "\n"), ("utf-8", "\r\n"), ("cp932", "\r\n"), ("cp932", "\n")],
)
def test_encodings_and_line_ends_give_the_same_rows(db, tmp_path, encoding, newline):
    ids = ("P00084", "P00085", "P00086", "P00450")
    plan_rows, price_rows = data.plans(*ids), data.prices(*ids)
    other = dump(tmp_path, "other")
    report = import_registry(
        [
            data.write_plans(other, plan_rows, encoding=encoding, newline=newline),
            data.write_prices(other, price_rows, encoding=encoding, newline=newline),
        ]
    )
    assert report.files[0]["encoding"] == encoding
    assert Plan.objects.get(plan_id="P00085").title_ja == plan_rows[1]["treatment_title"]
    assert not PricePoint.objects.filter(excerpt__contains="\r").exists()

    again = import_registry(
        [data.write_plans(tmp_path, plan_rows), data.write_prices(tmp_path, price_rows)]
    )

    assert again.counts["plans_unchanged"] == len(plan_rows)
    assert again.counts["prices_unchanged"] == len(price_rows)
    assert again.counts["plans_changed"] == again.counts["prices_new"] == 0


def test_columns_in_another_order_give_the_same_rows(db, tmp_path, small):
    import_registry(small)
    other = dump(tmp_path, "reordered")
    ids = ("P00084", "P00085", "P00086")
    plans = data.write(other / "a.csv", data.plans(*ids), list(reversed(PLAN_COLUMNS)))
    prices = data.write(other / "b.csv", data.prices(*ids), sorted(PRICE_COLUMNS))

    report = import_registry([prices, plans])

    assert report.counts["plans_unchanged"] == 3 and report.counts["prices_unchanged"] == 11


def test_rows_that_disagree_on_a_facility_s_prefecture_give_a_warning(db, tmp_path):
    rows = data.plans_of("F0450")
    rows[3]["prefecture"] = "岐阜県"
    plans = data.write_plans(tmp_path, rows)

    report = import_registry([plans])

    assert Facility.objects.get().prefecture_ja == "愛知県"  # the most frequent
    assert [str(w) for w in report.warnings] == [
        f"{plans}:5: column prefecture: facility F0450 has 2 different values for prefecture; "
        "using the most frequent, 愛知県"
    ]


def test_a_full_extract_leaves_demo_facilities_plans_alone(db, tmp_path, small):
    import_registry(small)
    Facility.objects.filter(external_id="F0398").update(is_demo=True)

    report = import_registry([data.write_plans(dump(tmp_path, "newer"), data.plans("P00084"))])

    assert report.counts["plans_no_longer_listed"] == 0
    assert not Plan.objects.filter(status=GONE).exists()


def test_a_lowest_price_left_for_review_is_marked_unconfirmed(db, tmp_path):
    rows = data.plans_of("F0207")  # all four of its treatment prices need review (QC)
    ids = [row["plan_id"] for row in rows]
    import_registry(
        [data.write_plans(tmp_path, rows), data.write_prices(tmp_path, data.prices(*ids))]
    )
    facility = Facility.objects.get(external_id="F0207")
    assert facility.min_price_jpy == 35000
    assert facility.min_price_confirmed is False
