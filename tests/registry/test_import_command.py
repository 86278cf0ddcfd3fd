"""`manage.py import_registry`: progress, warnings, counts, and errors in FILE:LINE form."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from saisei.registry.importer.reader import PLAN_COLUMNS
from saisei.registry.models import Plan

from . import importdata as data


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(*paths: Path, stderr: io.StringIO | None = None) -> tuple[str, str]:
    out, err = io.StringIO(), stderr if stderr is not None else io.StringIO()
    call_command("import_registry", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fail(*paths: Path) -> tuple[str, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        run(*paths, stderr=err)
    progress = ("read ", "saved ")
    lines = [line for line in err.getvalue().splitlines() if not line.startswith(progress)]
    return "".join(line + "\n" for line in lines), str(caught.value)


def test_the_counts_are_printed_in_plain_english(db):
    out, _err = run(data.PLANS_CSV, data.PRICES_CSV)

    lines = out.splitlines()
    assert lines[0] == f"Read {data.PLANS_CSV}: plans, 656 rows (utf-8)."
    assert lines[1] == f"Read {data.PRICES_CSV}: prices, 1,350 rows (utf-8)."
    assert lines[2] == "Plans: 656 new, 0 changed, 0 unchanged, 0 no longer listed."
    assert lines[3] == "Facilities: 475 new, 0 changed, 0 unchanged."
    assert lines[4] == (
        "Prices: 1,350 new, 0 changed, 0 unchanged, 0 no longer listed; "
        "77 repeat an amount already found for the same plan and are counted once."
    )
    assert lines[5] == "No warnings."
    assert lines[6].startswith("Import run ") and " finished in " in lines[6]


def test_progress_is_a_line_every_ten_percent_when_not_on_a_terminal(db):
    _out, err = run(data.PLANS_CSV, data.PRICES_CSV)

    lines = err.splitlines()
    read = [line for line in lines if line.startswith("read ")]
    assert read[-1] == "read 2006 of 2006 rows"
    assert "read 656 of 2006 rows" in read
    assert [line for line in lines if line.startswith("saved ")][-1] == "saved 2006 of 2006 rows"
    assert "\r" not in err


def test_progress_is_a_bar_with_a_percentage_on_a_terminal(db):
    _out, err = run(data.PLANS_CSV, data.PRICES_CSV, stderr=Terminal())

    assert "\rReading [" in err and "\rSaving [" in err
    assert "100% (2,006 of 2,006 rows)\n" in err
    assert " 32% (656 of 2,006 rows)" in err
    assert "read 656" not in err


def test_warnings_are_printed(db, tmp_path):
    rows = data.plans("P00084")
    plans = data.write(tmp_path / "plans.csv", rows, [*PLAN_COLUMNS, "memo", "checked"])

    out, err = run(plans)

    assert f"warning: {plans}:1: unknown column(s) ignored: memo, checked" in err.splitlines()
    assert "Warnings: 1." in out.splitlines()


def test_errors_are_printed_as_file_line_column_and_nothing_is_imported(db, tmp_path):
    prices = data.prices("P00084")
    prices[1]["amount_jpy"] = "BOO,000"
    prices[2]["tax"] = "?"
    prices_file = data.write_prices(tmp_path, prices)

    err, message = fail(data.write_plans(tmp_path, data.plans("P00084")), prices_file)

    assert err.splitlines() == [
        f"{prices_file}:3: column amount_jpy: must be a whole number of yen, like 990000 or "
        f'990,000; got "BOO,000"',
        f'{prices_file}:4: column tax: must be one of 税込, 税別, 税抜, 不明; got "?"',
    ]
    assert message == "2 error(s) in 1 file(s). Nothing was imported."
    assert Plan.objects.count() == 0


def test_a_file_that_is_neither_plans_nor_prices_is_named_with_the_expected_headers(db, tmp_path):
    other = tmp_path / "clinics.csv"
    other.write_text("name,address\nA,B\n", encoding="utf-8")

    err, message = fail(other)

    assert err.startswith(f"{other}:1: neither a plans file nor a prices file by its header; ")
    assert "a plans file has the columns plan_id, document_code" in err
    assert message.endswith("Nothing was imported.")


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    err, message = fail(data.PLANS_CSV, tmp_path / "prices.csv")

    assert err == f"{tmp_path / 'prices.csv'}: no such file\n"
    assert message == "1 error(s) in 1 file(s). Nothing was imported."
    assert Plan.objects.count() == 0


def test_the_command_exits_with_status_1_on_errors(tmp_path):
    env = {**os.environ, "SAISEI_VAR_DIR": str(tmp_path)}
    missing = str(tmp_path / "none.csv")
    result = subprocess.run(  # the file check fails before any database access
        [sys.executable, "manage.py", "import_registry", "--skip-checks", missing],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-2] == f"{tmp_path / 'none.csv'}: no such file"
    assert lines[-1] == "CommandError: 1 error(s) in 1 file(s). Nothing was imported."
