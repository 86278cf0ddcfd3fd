"""`manage.py import_rates`: the ECB's daily and historical layouts, errors, idempotence."""

from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from saisei.audit.models import AuditEntry
from saisei.lib.currency import clear_rates_cache, convert_jpy, load_rates
from saisei.lib.models import ExchangeRate
from saisei.lib.rates_import import ECB_SOURCE, ECB_SOURCE_URL, parse_date

pytestmark = pytest.mark.django_db

SAMPLE_SOURCE = "Approximate sample rates bundled with Saisei (not an official publication)"

# The daily file's exact layout: a space after every comma and a trailing ", " on each line.
DAILY = (
    "Date, USD, JPY, BGN, CZK, GBP, AUD, KRW, \n"
    "20 November 2026, 1.1600, 178.00, 1.9558, 24.300, 0.8700, 1.7800, 1650.00, \n"
)

# The historical file: ISO dates, no spaces, N/A, a trailing comma, newest first.
HIST = (
    "Date,USD,JPY,BGN,CYP,GBP,KRW,\n"
    "2026-11-20,1.1600,178.00,1.9558,N/A,0.8700,1650.00,\n"
    "2026-11-19,1.1580,177.50,1.9558,N/A,0.8690,N/A,\n"
    "2026-11-18,1.1550,177.10,1.9558,N/A,0.8710,1645.10,\n"
)


@pytest.fixture(autouse=True)
def fresh_rates_cache():
    clear_rates_cache()
    yield
    clear_rates_cache()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_rates", *args, stdout=out)
    return out.getvalue()


def stored() -> dict[tuple[str, date], Decimal]:
    return {(r.currency, r.as_of): r.per_eur for r in ExchangeRate.objects.all()}


def test_daily_file_is_imported_with_the_ecb_as_default_source(tmp_path):
    output = run(str(write(tmp_path, "eurofxref.csv", DAILY)))
    day = date(2026, 11, 20)
    assert stored() == {
        ("USD", day): Decimal("1.16"),
        ("JPY", day): Decimal("178"),
        ("GBP", day): Decimal("0.87"),
        ("AUD", day): Decimal("1.78"),
        ("KRW", day): Decimal("1650"),
        ("EUR", day): Decimal("1"),  # added: the euro is 1 per euro
    }
    row = ExchangeRate.objects.get(currency="USD")
    assert row.source == ECB_SOURCE
    assert row.source_url == ECB_SOURCE_URL
    assert "6 created, 0 updated, 0 unchanged" in output


def test_unsupported_columns_are_ignored_and_listed_when_verbose(tmp_path):
    out = StringIO()
    call_command("import_rates", str(write(tmp_path, "d.csv", DAILY)), verbosity=2, stdout=out)
    assert "Ignored columns (not supported currencies): BGN, CZK" in out.getvalue()
    assert not ExchangeRate.objects.filter(currency__in=["BGN", "CZK"]).exists()


def test_historical_file_stores_every_row_and_skips_n_a(tmp_path):
    run(str(write(tmp_path, "eurofxref-hist.csv", HIST)))
    rates = stored()
    assert rates[("USD", date(2026, 11, 18))] == Decimal("1.155")
    assert rates[("JPY", date(2026, 11, 19))] == Decimal("177.5")
    assert ("KRW", date(2026, 11, 19)) not in rates  # N/A
    assert rates[("KRW", date(2026, 11, 18))] == Decimal("1645.1")
    assert ExchangeRate.objects.filter(currency="EUR").count() == 3
    assert ExchangeRate.objects.count() == 3 * 4 + 2  # USD, JPY, GBP, EUR x 3 days; KRW x 2
    newest = load_rates().get("USD")
    assert newest is not None and newest.as_of == date(2026, 11, 20)


def test_a_byte_order_mark_and_crlf_line_ends_are_accepted(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(("\ufeff" + DAILY.replace("\n", "\r\n")).encode())
    run(str(path))
    assert ExchangeRate.objects.filter(currency="USD").exists()


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    path = str(write(tmp_path, "eurofxref-hist.csv", HIST))
    run(path)
    before = {(r.currency, r.as_of): (r.per_eur, r.imported) for r in ExchangeRate.objects.all()}
    output = run(path)
    after = {(r.currency, r.as_of): (r.per_eur, r.imported) for r in ExchangeRate.objects.all()}
    assert after == before
    assert "0 created, 0 updated, 14 unchanged" in output


def test_a_corrected_rate_or_a_new_source_updates_the_row(tmp_path):
    run(str(write(tmp_path, "a.csv", DAILY)))
    output = run(str(write(tmp_path, "b.csv", DAILY.replace("1.1600", "1.1700"))))
    assert "0 created, 1 updated, 5 unchanged" in output
    assert ExchangeRate.objects.get(currency="USD").per_eur == Decimal("1.17")
    output = run(str(tmp_path / "b.csv"), "--source", "Someone else")
    assert "0 created, 6 updated, 0 unchanged" in output


def test_own_source_has_no_link_unless_given(tmp_path):
    path = str(write(tmp_path, "eurofxref.csv", DAILY))
    run(path, "--source", SAMPLE_SOURCE)
    row = ExchangeRate.objects.get(currency="USD")
    assert (row.source, row.source_url) == (SAMPLE_SOURCE, "")
    run(path, "--source", "Bank", "--source-url", "https://bank.example/rates")
    row.refresh_from_db()
    assert (row.source, row.source_url) == ("Bank", "https://bank.example/rates")


def test_a_source_url_must_be_a_web_address(tmp_path):
    path = str(write(tmp_path, "eurofxref.csv", DAILY))
    with pytest.raises(CommandError, match="not a web address"):
        run(path, "--source-url", "javascript:alert(1)")


def test_an_audit_entry_records_the_import(tmp_path):
    path = str(write(tmp_path, "eurofxref.csv", DAILY))
    run(path)
    entry = AuditEntry.objects.get(action="rates.import")
    assert entry.actor is None
    assert entry.actor_label == "import_rates"
    assert entry.data["files"] == [path]
    assert entry.data["created"] == 6
    assert entry.data["source"] == ECB_SOURCE
    assert entry.data["first_date"] == entry.data["last_date"] == "2026-11-20"


def test_import_clears_the_process_rate_cache(tmp_path):
    assert "USD" not in load_rates()  # an empty table is now cached
    run(str(write(tmp_path, "eurofxref.csv", DAILY)))
    assert "USD" in load_rates()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (DAILY.replace("20 November 2026", "20 Novembre 2026"), "line 2: bad date '20 Novembre"),
        (DAILY.replace("20 November 2026", "2026-02-30"), "line 2: bad date '2026-02-30'"),
        (DAILY.replace("1.1600", "1,16"), "line 2: more values than columns"),
        (DAILY.replace("1.1600", "abc"), "line 2: USD value 'abc' is not a number"),
        (DAILY.replace("1.1600", "-1.16"), "line 2: USD value '-1.16' is not a positive number"),
        (DAILY.replace("1.1600", "0"), "line 2: USD value '0' is not a positive number"),
        (DAILY.replace("1.1600", "1e20"), "line 2: USD value '1e20' is too large"),
        (DAILY.replace("Date,", "Day,"), "line 1: the first column must be 'Date'"),
        (DAILY.replace("BGN", "B-N"), "line 1: column 'B-N' is not a currency code"),
        (DAILY.replace("BGN", "USD"), "line 1: column USD appears twice"),
        (DAILY.replace(", 1650.00, \n", "\n"), "line 2: 6 values for 7 currency columns"),
        (HIST + "2026-11-20,1,1,1,1,1,1,\n", "line 5: 2026-11-20 already given on line 2"),
        ("", "is empty (no header line)"),
        ("Date, USD, JPY, \n", "has a header but no rows"),
    ],
)
def test_bad_files_are_reported_with_file_and_line_and_nothing_is_stored(tmp_path, text, problem):
    good = write(tmp_path, "good.csv", DAILY)
    bad = write(tmp_path, "bad.csv", text)
    with pytest.raises(CommandError) as excinfo:
        run(str(good), str(bad))
    message = str(excinfo.value)
    assert "Nothing was imported" in message
    assert f"{bad}" in message
    assert problem in message
    assert not ExchangeRate.objects.exists()
    assert not AuditEntry.objects.filter(action="rates.import").exists()


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = HIST.replace("2026-11-19", "yesterday").replace("1.1550", "x")
    with pytest.raises(CommandError) as excinfo:
        run(str(write(tmp_path, "h.csv", text)))
    assert "line 3: bad date 'yesterday'" in str(excinfo.value)
    assert "line 4: USD value 'x' is not a number" in str(excinfo.value)


def test_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="cannot be read"):
        run(str(tmp_path / "nope.csv"))


def test_without_a_jpy_column_and_no_stored_yen_nothing_can_be_converted(tmp_path):
    path = write(tmp_path, "twd.csv", "Date, TWD, \n20 November 2026, 37.000, \n")
    with pytest.raises(CommandError, match="no JPY column, and no yen rate is stored"):
        run(str(path), "--source", "Taiwan source")
    assert not ExchangeRate.objects.exists()


def test_a_supplementary_file_without_yen_is_fine_once_the_yen_is_known(tmp_path):
    twd = write(tmp_path, "twd.csv", "Date, TWD, \n20 November 2026, 37.000, \n")
    run(str(write(tmp_path, "eurofxref.csv", DAILY)))
    run(str(twd), "--source", "Taiwan source", "--source-url", "https://tw.example/")
    row = ExchangeRate.objects.get(currency="TWD")
    assert (row.per_eur, row.source, row.source_url) == (
        Decimal("37"),
        "Taiwan source",
        "https://tw.example/",
    )
    # No euro row comes with a file that has no yen: the euro keeps the ECB's attribution.
    assert ExchangeRate.objects.get(currency="EUR").source == ECB_SOURCE


def test_dates_in_both_ecb_formats():
    assert parse_date("20 November 2026") == date(2026, 11, 20)
    assert parse_date("5 january 2026") == date(2026, 1, 5)
    assert parse_date("2026-11-20") == date(2026, 11, 20)
    assert parse_date("20/11/2026") is None
    assert parse_date("31 February 2026") is None


def test_the_bundled_sample_files_import_with_the_makefile_command():
    base = Path(settings.BASE_DIR) / "data" / "rates"
    run(str(base / "eurofxref.csv"), str(base / "supplementary.csv"), "--source", SAMPLE_SOURCE)
    table = load_rates()
    assert set(table.rates) == {
        *("USD", "EUR", "GBP", "AUD", "CAD", "CNY", "HKD", "TWD", "SGD", "KRW", "THB", "JPY")
    }
    assert {rate.source for rate in table.rates.values()} == {SAMPLE_SOURCE}
    assert {rate.source_url for rate in table.rates.values()} == {""}
    assert convert_jpy(990_000, "USD", table) == Decimal("6451.69")


def test_a_file_whose_only_row_is_bad_reports_that_row_not_an_empty_file(tmp_path):
    path = write(tmp_path, "d.csv", DAILY.replace("20 November 2026", "21 Nov 2026"))
    with pytest.raises(CommandError) as excinfo:
        run(str(path))
    assert "line 2: bad date '21 Nov 2026'" in str(excinfo.value)
    assert "no rows" not in str(excinfo.value)
