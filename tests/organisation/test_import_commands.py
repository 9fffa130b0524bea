import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from organisation.models import AuditEvent, ServicePoint, StaffMember

from .csvdata import service_points_csv, staff_csv, staff_row, to_csv
from .factories import DivisionFactory, ServicePointFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def point():
    return ServicePointFactory(code="SP001", division=DivisionFactory(code="D1"))


def write(tmp_path: Path, text: str, name="staff.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_staff_prints_the_summary_and_records_an_audit_event(tmp_path, point):
    out, err = run("import_staff", write(tmp_path, staff_csv(3)))
    assert out.strip() == "created 3, updated 0, deactivated 0, unchanged 0"
    assert err == ""
    event = AuditEvent.objects.get(action="import_staff")
    assert event.target == "staff.csv"
    assert event.details["created"] == 3


def test_import_staff_rerun_reports_everything_unchanged(tmp_path, point):
    path = write(tmp_path, staff_csv(3))
    run("import_staff", path)
    out, _err = run("import_staff", path)
    assert out.strip() == "created 0, updated 0, deactivated 0, unchanged 3"


def test_import_staff_dry_run_changes_nothing_and_records_nothing(tmp_path, point):
    out, _err = run("import_staff", write(tmp_path, staff_csv(3)), "--dry-run")
    assert out.strip() == "created 3, updated 0, deactivated 0, unchanged 0"
    assert not StaffMember.objects.exists()
    assert not AuditEvent.objects.exists()


def test_import_staff_deactivate_missing(tmp_path, point):
    run("import_staff", write(tmp_path, staff_csv(3)))
    out, _err = run("import_staff", write(tmp_path, staff_csv(1)), "--deactivate-missing")
    assert out.strip() == "created 0, updated 0, deactivated 2, unchanged 1"


def test_invalid_rows_print_every_problem_and_exit_1(tmp_path, point):
    rows = [staff_row(1, email="nope"), staff_row(2, service_point_code="X")]
    err = StringIO()
    with pytest.raises(CommandError) as info:
        call_command("import_staff", write(tmp_path, to_csv(rows)), stderr=err, stdout=StringIO())
    assert info.value.returncode == 1
    assert err.getvalue().splitlines() == [
        "line 2: email: nope is not a valid e-mail address",
        "line 3: service_point_code: unknown service point code X",
    ]
    assert not StaffMember.objects.exists()


def test_import_service_points_command(tmp_path):
    path = write(tmp_path, service_points_csv(3), "points.csv")
    out, _err = run("import_service_points", path, "--dry-run")
    assert out.strip() == "created 3, updated 0, deactivated 0, unchanged 0"
    assert not ServicePoint.objects.exists()
    out, _err = run("import_service_points", path)
    assert out.strip() == "created 3, updated 0, deactivated 0, unchanged 0"
    assert ServicePoint.objects.count() == 3


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run("import_staff", str(tmp_path / "nothing.csv"))


def test_command_line_exit_status_and_streams(tmp_path):
    """The real command line: problems on stderr, exit status 1 (no database needed)."""
    path = write(tmp_path, "", "empty.csv")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_staff", path],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "learning.settings.test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        },
        timeout=120,
    )
    assert result.returncode == 1
    assert "line 1: file: the file is empty" in result.stderr
    assert result.stdout == ""


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path, point, settings):
    settings.IMPORT_MAX_BYTES = 200
    path = write(tmp_path, staff_csv(10))
    with pytest.raises(CommandError) as refused:
        run("import_staff", path)
    assert refused.value.returncode == 1
    assert "more than IMPORT_MAX_BYTES (200); nothing was changed" in str(refused.value)
    assert not StaffMember.objects.exists()


def test_a_file_over_the_row_cap_is_refused_with_the_line(tmp_path, point, settings):
    settings.IMPORT_MAX_ROWS = 5
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_staff", write(tmp_path, staff_csv(6)), stdout=out, stderr=err)
    assert err.getvalue().strip() == "line 7: file: more than 5 data rows (IMPORT_MAX_ROWS)"
    assert not StaffMember.objects.exists()
    # At the cap the file goes in.
    run("import_staff", write(tmp_path, staff_csv(5)))
    assert StaffMember.objects.count() == 5


@pytest.mark.parametrize("command", ["import_staff", "import_service_points"])
def test_a_nul_byte_in_a_field_is_one_line_of_error_not_a_traceback(tmp_path, point, command):
    text = staff_csv(3) if command == "import_staff" else service_points_csv(2)
    lines = text.splitlines(keepends=True)
    lines[2] = lines[2].replace(",", ",\x00", 1)
    before = (StaffMember.objects.count(), ServicePoint.objects.count())
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as refused:
        call_command(command, write(tmp_path, "".join(lines)), stdout=out, stderr=err)
    assert err.getvalue().strip() == "line 3: file: contains a NUL character: not a CSV text file"
    assert "nothing was changed" in str(refused.value)
    assert (StaffMember.objects.count(), ServicePoint.objects.count()) == before
