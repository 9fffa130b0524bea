import json
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("coverage_report", *args, stdout=out)
    return out.getvalue()


def test_csv_output_is_exact(city):
    assert run("--as-of", "2026-06-15") == (
        "division_code,service_point_code,module,required,covered,in_progress,"
        "not_started,overdue,coverage_percent\n"
        "DA,A1,kohtaaminen,3,1,1,1,1,33.3\n"
        "DA,A1,monikielisyys,2,0,0,2,2,0.0\n"
        "DA,A2,kohtaaminen,1,1,0,0,0,100.0\n"
        "DA,A2,monikielisyys,1,1,0,0,0,100.0\n"
        "DB,B1,kohtaaminen,3,1,0,2,0,33.3\n"
        "DB,B1,monikielisyys,3,0,1,2,2,0.0\n"
    )


def test_filters(city):
    out = run("--as-of", "2026-06-15", "--division", "DB", "--module", "monikielisyys")
    assert out.splitlines()[1:] == ["DB,B1,monikielisyys,3,0,1,2,2,0.0"]
    out = run("--as-of", "2026-06-15", "--service-point", "A2")
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["A2", "A2"]


def test_json_output(city):
    data = json.loads(run("--as-of", "2026-06-15", "--format", "json", "--service-point", "A1"))
    assert data[0] == {
        "division_code": "DA",
        "service_point_code": "A1",
        "module": "kohtaaminen",
        "required": 3,
        "covered": 1,
        "in_progress": 1,
        "not_started": 1,
        "overdue": 1,
        "coverage_percent": 33.3,
    }


def test_no_rows_prints_only_the_header(db):
    assert run().splitlines() == [
        "division_code,service_point_code,module,required,covered,in_progress,"
        "not_started,overdue,coverage_percent"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--division", "NOPE"], "unknown division code: NOPE"),
        (["--service-point", "NOPE"], "unknown service point code: NOPE"),
        (["--module", "nope"], "unknown module slug: nope"),
        (["--as-of", "2026-13-01"], "invalid date (expected YYYY-MM-DD): 2026-13-01"),
        (["--as-of", "9999-12-31"], "date out of range (2000-01-01 to 2099-12-31): 9999-12-31"),
    ],
)
def test_bad_input_exits_with_status_2(db, args, message):
    with pytest.raises(CommandError) as excinfo:
        call_command("coverage_report", *args, stdout=StringIO())
    assert excinfo.value.returncode == 2
    assert str(excinfo.value) == message


@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the subprocess uses the default SQLite database",
)
def test_process_exit_status_and_one_line_message(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "manage.py", "coverage_report", "--as-of", "yesterday"],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "CommandError: invalid date (expected YYYY-MM-DD): yesterday"
    ]
