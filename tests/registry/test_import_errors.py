"""Every way an import can fail: the error names file, line and column, nothing is saved."""

from pathlib import Path

import pytest

from saisei.registry.importer import ImportFailed, RowError, import_registry
from saisei.registry.importer.errors import MAX_ERRORS_PER_FILE
from saisei.registry.importer.reader import PLAN_COLUMNS, PRICE_COLUMNS
from saisei.registry.models import Facility, ImportRun, Plan, PricePoint

from . import importdata as data


def failing(paths: list[Path]) -> list[RowError]:
    with pytest.raises(ImportFailed) as caught:
        import_registry(paths)
    return caught.value.errors


def only_error(paths: list[Path]) -> RowError:
    errors = failing(paths)
    assert len(errors) == 1, errors
    return errors[0]


@pytest.fixture
def plans_file(tmp_path: Path) -> Path:
    return data.write_plans(tmp_path, data.plans("P00084", "P00085", "P00086"))


def test_a_bad_amount_names_file_line_and_column(db, tmp_path, plans_file):
    rows = data.prices("P00084")
    rows[1]["amount_jpy"] = "BOO,000"
    prices = data.write_prices(tmp_path, rows)

    error = only_error([plans_file, prices])

    assert (error.file, error.line, error.column) == (str(prices), 3, "amount_jpy")
    assert '"BOO,000"' in error.message
    assert str(error).startswith(f"{prices}:3: column amount_jpy: must be a whole number")


@pytest.mark.parametrize("amount", ["0", "-5", "60000.5", "¥60000", "60,00", "", "3000000000"])
def test_amounts_that_are_not_positive_whole_yen_are_errors(db, tmp_path, plans_file, amount):
    rows = data.prices("P00084")[:1]
    rows[0]["amount_jpy"] = amount

    error = only_error([plans_file, data.write_prices(tmp_path, rows)])

    assert error.column == "amount_jpy"


@pytest.mark.parametrize("amount", ["60,000", "\uff16\uff10\uff10\uff10\uff10", " 60000 "])
def test_amounts_with_thousands_separators_or_full_width_digits_are_read(
    db, tmp_path, plans_file, amount
):
    rows = data.prices("P00084")[:1]
    rows[0]["amount_jpy"] = amount

    import_registry([plans_file, data.write_prices(tmp_path, rows)])

    assert PricePoint.objects.get().amount_jpy == 60000


def test_line_numbers_count_the_lines_of_a_quoted_field_that_spans_several(
    db, tmp_path, plans_file
):
    rows = data.prices("P00084")
    rows[0]["excerpt"] = "first line\nsecond line\nthird line"
    rows[1]["tax"] = "込み"
    prices = data.write_prices(tmp_path, rows)

    error = only_error([plans_file, prices])

    # header line 1, first record lines 2-4, the bad record starts on line 5
    assert (error.line, error.column) == (5, "tax")
    assert "税込, 税別" in error.message and '"込み"' in error.message


def test_a_bad_risk_class_is_an_error(db, tmp_path):
    rows = data.plans("P00084", "P00085")
    rows[1]["risk_class"] = "第四種"

    error = only_error([data.write_plans(tmp_path, rows)])

    assert (error.line, error.column) == (3, "risk_class")
    assert "第一種, 第二種, 第三種" in error.message


def test_a_bad_extraction_and_a_bad_page_are_errors(db, tmp_path, plans_file):
    rows = data.prices("P00084")
    rows[0]["extraction"] = "MANUAL"
    rows[2]["document_page"] = "seven"

    errors = failing([plans_file, data.write_prices(tmp_path, rows)])

    assert [(e.line, e.column) for e in errors] == [(2, "extraction"), (4, "document_page")]


def test_required_values_and_plausible_urls(db, tmp_path):
    rows = data.plans("P00084", "P00085", "P00086", "P00597")
    rows[0]["plan_id"] = " "
    rows[1]["facility_id"] = ""
    rows[2]["document_url"] = "saiseiiryo.mhlw.go.jp/published_plan/download/02C2603008/5/0"
    rows[3]["registry_list_url"] = "https://"

    errors = failing([data.write_plans(tmp_path, rows)])

    assert [(e.line, e.column) for e in errors] == [
        (2, "plan_id"),
        (3, "facility_id"),
        (4, "document_url"),
        (5, "registry_list_url"),
    ]
    assert errors[0].message == "a value is required"


def test_a_missing_required_column_is_named(db, tmp_path, plans_file):
    columns = [c for c in PRICE_COLUMNS if c != "tax"]
    prices = data.write(tmp_path / "prices.csv", data.prices("P00084"), columns)

    error = only_error([plans_file, prices])

    assert (error.file, error.line, error.column) == (str(prices), 1, "tax")
    assert "required column missing" in error.message


def test_an_unknown_column_is_a_warning_naming_it(db, tmp_path):
    rows = data.plans("P00084")
    rows[0]["memo"] = "checked by hand"
    plans = data.write(tmp_path / "plans.csv", rows, [*PLAN_COLUMNS, "memo"])

    report = import_registry([plans])

    assert Plan.objects.count() == 1
    assert [str(w) for w in report.warnings] == [f"{plans}:1: unknown column(s) ignored: memo"]
    assert report.counts["warnings"] == 1


def test_a_duplicate_plan_id_is_an_error_on_the_later_line(db, tmp_path):
    rows = data.plans("P00084", "P00085", "P00084")

    error = only_error([data.write_plans(tmp_path, rows)])

    assert (error.line, error.column) == (4, "plan_id")
    assert error.message == "P00084 already appears on line 2"


def test_a_plan_in_two_plans_files_of_one_import_is_an_error(db, tmp_path):
    first = data.write_plans(tmp_path, data.plans("P00084"), name="class2.csv")
    second = data.write_plans(tmp_path, data.plans("P00085", "P00084"), name="class3.csv")

    error = only_error([first, second])

    assert (error.file, error.line, error.column) == (str(second), 3, "plan_id")
    assert f"also in {first} on line 2" in error.message


def test_a_price_for_an_unknown_plan_is_an_error(db, tmp_path, plans_file):
    prices = data.write_prices(tmp_path, data.prices("P00084", "P00087"))

    errors = failing([plans_file, prices])

    assert {(e.column, e.message) for e in errors} == {
        ("plan_id", "no plan P00087 in the database or in the plans files of this import")
    }
    assert [e.line for e in errors] == [5]  # after P00084's three rows
    assert Plan.objects.count() == 0


def test_a_price_for_a_plan_of_the_same_import_is_accepted(db, tmp_path, plans_file):
    import_registry([data.write_prices(tmp_path, data.prices("P00084")), plans_file])

    assert PricePoint.objects.filter(plan__plan_id="P00084").count() == 3


def test_a_price_for_a_plan_already_in_the_database_is_accepted(db, tmp_path, plans_file):
    import_registry([plans_file])

    report = import_registry([data.write_prices(tmp_path, data.prices("P00085"))])

    assert report.counts["prices_new"] == PricePoint.objects.count() == 4


def test_a_file_with_an_unknown_header_names_the_expected_headers(db, tmp_path):
    other = tmp_path / "rates.csv"
    other.write_text("currency,per_eur,as_of\nJPY,160.1,2026-09-01\n")

    error = only_error([other])

    assert (error.file, error.line) == (str(other), 1)
    assert "neither a plans file nor a prices file" in error.message
    assert "plan_id, document_code, facility_id" in error.message
    assert "plan_id, amount_jpy, tax" in error.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV text file"),
        (b"", "the file is empty"),
        ("plan_id,amount_jpy\n".encode("utf-16"), "not a CSV text file"),
        (b"plan_id,amount\xff\xfe\xfd\n", "neither UTF-8 nor Shift_JIS"),
    ],
)
def test_a_file_that_is_not_a_csv_text_file_is_an_error(db, tmp_path, content, message):
    path = tmp_path / "upload.csv"
    path.write_bytes(content)

    error = only_error([path])

    assert message in error.message


def test_a_missing_file_is_an_error(db, tmp_path):
    error = only_error([tmp_path / "nowhere.csv"])

    assert str(error) == f"{tmp_path / 'nowhere.csv'}: no such file"


def test_a_line_with_too_many_or_too_few_fields_is_an_error(db, tmp_path):
    path = tmp_path / "plans.csv"
    good = data.csv_bytes(data.plans("P00084"), PLAN_COLUMNS).decode()
    path.write_text(good + "P00999,only,three\n")

    error = only_error([path])

    assert (error.line, error.column) == (3, None)
    assert error.message == "the line has 3 fields but the header has 12"


def test_all_errors_of_a_file_are_collected_up_to_a_limit(db, tmp_path, plans_file):
    rows = [dict(row) for row in data.prices("P00084") * 30]  # 90 rows
    for row in rows:
        row["tax"] = "?"
    rows[0]["amount_jpy"] = "x"

    errors = failing([plans_file, data.write_prices(tmp_path, rows)])

    assert len(errors) == MAX_ERRORS_PER_FILE + 1
    assert [(e.line, e.column) for e in errors[:3]] == [(2, "amount_jpy"), (2, "tax"), (3, "tax")]
    assert str(errors[-1]).endswith("prices.csv: 41 more error(s) in this file not shown")


def test_errors_of_every_file_are_reported_together(db, tmp_path):
    plans = data.plans("P00084")
    plans[0]["risk_class"] = "x"
    prices = data.prices("P00084")
    prices[0]["tax"] = "x"

    errors = failing([data.write_plans(tmp_path, plans), data.write_prices(tmp_path, prices)])

    assert [e.column for e in errors] == ["risk_class", "tax"]


def test_a_bad_row_in_the_second_file_rolls_back_the_first(db, tmp_path, plans_file):
    rows = data.prices("P00084", "P00085")
    rows[-1]["plan_id"] = "P09999"  # only found when checked against the database

    failing([plans_file, data.write_prices(tmp_path, rows)])

    assert Facility.objects.count() == Plan.objects.count() == PricePoint.objects.count() == 0
    assert ImportRun.objects.count() == 0


def test_the_database_is_unchanged_after_a_failed_newer_extract(db, tmp_path, plans_file):
    import_registry([plans_file, data.write_prices(tmp_path, data.prices("P00084", "P00085"))])
    before = data.snapshot()
    newer = data.plans("P00084", "P00086", "P00087")  # P00085 gone, P00087 new
    newer[0]["treatment_title"] = "自己脂肪組織由来幹細胞を用いた変形性膝関節症治療"
    prices = data.prices("P00084", "P00086")
    prices[-1]["tax"] = "maybe"
    newer_dir = tmp_path / "newer"
    newer_dir.mkdir()

    failing([data.write_plans(newer_dir, newer), data.write_prices(newer_dir, prices)])

    assert data.snapshot() == before
