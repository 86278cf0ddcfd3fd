"""`import_visa_rules PATH`: the bundled table loads, re-imports change nothing, and a bad file
changes nothing and says which lines are wrong."""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from saisei.audit.models import AuditEntry
from saisei.journeys.models import VisaRule
from saisei.journeys.visa import VISA_EXEMPTIONS_FILE
from saisei.journeys.visa_import import COLUMNS

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS) + "\n"
URL = "https://www.mofa.go.jp/j_info/visit/visa/short/novisa.html"


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "visa.csv"
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def run(path: Path) -> str:
    out = StringIO()
    call_command("import_visa_rules", str(path), stdout=out)
    return out.getvalue()


def test_bundled_table_covers_the_currency_countries_and_visa_exempt_europe():
    run(VISA_EXEMPTIONS_FILE)
    days = {(r.nationality, r.passport_type): r.visa_free_days for r in VisaRule.objects.all()}
    for code in ["US", "GB", "AU", "CA", "HK", "TW", "SG", "KR", "DE", "FR", "IT", "ES", "NL"]:
        assert days[(code, "ordinary")] == 90, code
    euro_area = [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PT",
        "SK",
        "SI",
        "ES",
    ]
    assert all(days[(code, "ordinary")] == 90 for code in euro_area)
    for code in ["CH", "NO", "IS", "LI", "PL", "CZ", "DK", "SE", "HU", "RO"]:
        assert days[(code, "ordinary")] == 90, code
    assert days[("TH", "ordinary")] == 15
    assert days[("TH", "non_ic")] == 0
    assert days[("CN", "ordinary")] == 0
    china = VisaRule.objects.get(nationality="CN")
    assert "not sure" in china.note.lower() or "unsure" in china.note.lower()
    assert china.note_ja and china.note_zh_hans
    assert all(r.source_url.startswith("https://www.mofa.go.jp/") for r in VisaRule.objects.all())


def test_importing_the_same_file_again_changes_nothing():
    first = run(VISA_EXEMPTIONS_FILE)
    entries = AuditEntry.objects.count()
    second = run(VISA_EXEMPTIONS_FILE)
    assert " 0 created" not in first
    assert "0 created, 0 updated" in second and "0 deleted" in second
    assert AuditEntry.objects.count() == entries


def test_import_updates_changed_rows_deletes_missing_ones_and_is_audited(tmp_path):
    run(
        write(
            tmp_path,
            f"US,,90,,,{URL},2025-05-01,2026-12-15,,,",
            f"TH,,15,,,{URL},2025-05-01,2026-12-15,,,",
        )
    )
    output = run(write(tmp_path, f"US,,90,,,{URL},2026-11-01,2027-05-01,,,"))
    assert "0 created, 1 updated, 0 unchanged, 1 deleted" in output
    assert list(VisaRule.objects.values_list("nationality", "as_of")) == [("US", date(2026, 11, 1))]
    entry = AuditEntry.objects.filter(action="journeys.visa_rules.imported").first()
    assert entry is not None and entry.data["deleted"] == 1
    assert entry.actor_label == "manage.py import_visa_rules"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (f"XX,,90,,,{URL},2025-05-01,2026-12-15,,,", "visa.csv:3: nationality 'XX' is not an ISO"),
        (f"FR,,ninety,,,{URL},2025-05-01,2026-12-15,,,", "visa.csv:3: visa_free_days 'ninety'"),
        (
            f"FR,,-5,,,{URL},2025-05-01,2026-12-15,,,",
            "visa.csv:3: visa_free_days -5 is not between",
        ),
        (f"FR,,90,60,,{URL},2025-05-01,2026-12-15,,,", "extendable_to_days must be more"),
        ("FR,,90,,,not-a-url,2025-05-01,2026-12-15,,,", "visa.csv:3: source_url 'not-a-url'"),
        (f"FR,,90,,,{URL},May 2025,2026-12-15,,,", "visa.csv:3: as_of 'May 2025' is not a date"),
        (f"FR,,90,,,{URL},2025-05-01,2024-01-01,,,", "visa.csv:3: review_due is before as_of"),
        (f"FR,,90,,visa_on_arrival,{URL},2025-05-01,2026-12-15,,,", "unknown condition"),
        (f"FR,biometric,90,,,{URL},2025-05-01,2026-12-15,,,", "passport_type 'biometric'"),
        (f"FR,,90,,,{URL},2025-05-01,2026-12-15,,,", "visa.csv:3: FR ordinary repeats line 2"),
        (f",,90,,,{URL},2025-05-01,2026-12-15,,,", "visa.csv:3: nationality is empty"),
    ],
)
def test_a_bad_row_imports_nothing_and_names_its_line(tmp_path, row, message):
    run(write(tmp_path, f"US,,90,,,{URL},2025-05-01,2026-12-15,,,"))
    good = f"FR,,90,,,{URL},2025-05-01,2026-12-15,,,"
    before = list(VisaRule.objects.values_list("nationality", "source_hash"))
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, good, row))
    assert "Nothing was imported" in str(error.value)
    assert message in str(error.value)
    assert list(VisaRule.objects.values_list("nationality", "source_hash")) == before


def test_every_problem_of_the_file_is_reported_at_once(tmp_path):
    path = write(
        tmp_path,
        f"XX,,90,,,{URL},2025-05-01,2026-12-15,,,",
        f"FR,,90,,,{URL},2025-05-01,2026-12-15,,,",
        f"DE,,abc,,,{URL},2025-05-01,2026-12-15,,,",
    )
    with pytest.raises(CommandError) as error:
        run(path)
    assert "visa.csv:2:" in str(error.value) and "visa.csv:4:" in str(error.value)
    assert VisaRule.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("country,days\nUS,90\n", "missing column(s) nationality, visa_free_days"),
        (HEADER, "no rows"),
    ],
)
def test_a_file_of_the_wrong_shape_is_refused(tmp_path, content, message):
    path = tmp_path / "visa.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(path)


def test_a_missing_or_binary_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        run(tmp_path / "nope.csv")
    binary = tmp_path / "visa.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(CommandError, match="not UTF-8"):
        run(binary)
