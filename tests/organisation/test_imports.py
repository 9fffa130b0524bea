import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisation.imports import ImportFailed, import_service_points, import_staff
from organisation.models import Division, ServicePoint, StaffMember

from .csvdata import (
    SERVICE_POINT_HEADER,
    service_point_row,
    service_points_csv,
    staff_csv,
    staff_row,
    to_csv,
)
from .factories import DivisionFactory, ServicePointFactory, StaffMemberFactory, make_hr_user

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def points():
    division = DivisionFactory(code="D1")
    return [ServicePointFactory(code=f"SP{n:03d}", division=division) for n in (1, 2)]


def errors_of(data, importer=import_staff, **kwargs) -> list[str]:
    with pytest.raises(ImportFailed) as info:
        importer(data, **kwargs)
    return info.value.messages


def snapshot():
    return (
        list(StaffMember.objects.order_by("pk").values()),
        list(User.objects.order_by("pk").values()),
    )


# --- staff: the happy path ---------------------------------------------------------------------


def test_fresh_import_creates_staff_with_users_without_passwords(points):
    summary = import_staff(staff_csv(3))
    assert str(summary) == "created 3, updated 0, deactivated 0, unchanged 0"
    member = StaffMember.objects.select_related("user").get(employee_id="E000001")
    assert member.user.username == "e000001"
    assert member.user.email == "e000001@example.fi"
    assert not member.user.has_usable_password()
    assert member.service_point.code == "SP001"
    assert member.role.code == "customer-service"
    assert member.start_date == datetime.date(2026, 1, 15)


def test_reimporting_the_same_file_changes_nothing(points):
    data = staff_csv(5)
    import_staff(data)
    before = snapshot()
    summary = import_staff(data)
    assert str(summary) == "created 0, updated 0, deactivated 0, unchanged 5"
    assert snapshot() == before


def test_changed_rows_are_updated_and_the_user_follows(points):
    import_staff(to_csv([staff_row(1), staff_row(2)]))
    summary = import_staff(
        to_csv([staff_row(1, last_name="Öhman", email="AINO@example.fi"), staff_row(2)])
    )
    assert str(summary) == "created 0, updated 1, deactivated 0, unchanged 1"
    member = StaffMember.objects.select_related("user").get(employee_id="E000001")
    assert member.last_name == "Öhman"
    assert member.user.last_name == "Öhman"
    assert member.user.email == "AINO@example.fi"


def test_names_with_nordic_letters_survive(points):
    import_staff(to_csv([staff_row(1, first_name="Åsa-Märta", last_name="Öström-Ääritalo")]))
    member = StaffMember.objects.get(employee_id="E000001")
    assert (member.first_name, member.last_name) == ("Åsa-Märta", "Öström-Ääritalo")


def test_utf8_bom_and_semicolons_are_accepted(points):
    data = "\ufeff" + to_csv([staff_row(1, first_name="Jörö")], delimiter=";")
    summary = import_staff(data.encode("utf-8"))
    assert summary.created == 1
    assert StaffMember.objects.get().first_name == "Jörö"


def test_bom_with_commas_is_accepted(points):
    data = b"\xef\xbb\xbf" + staff_csv(2).encode()
    assert import_staff(data).created == 2


def test_header_in_any_order_and_case_with_extra_columns(points):
    data = (
        "ACTIVE;Language;Start_Date;Role;Service_Point_Code;Email;Last_Name;First_Name;"
        "Employee_ID;Cost centre\n"
        "yes;SV;2026-02-01;customer-service;SP002;lina@example.fi;Nyström;Lina;E9;1234\n"
    )
    assert import_staff(data.encode()).created == 1
    member = StaffMember.objects.get()
    assert (member.employee_id, member.language, member.service_point.code) == (
        "E9",
        "sv",
        "SP002",
    )


def test_empty_language_means_finnish_and_empty_active_means_active(points):
    import_staff(to_csv([staff_row(1, language="", active="")]))
    member = StaffMember.objects.get()
    assert (member.language, member.active) == ("fi", True)


@pytest.mark.parametrize(
    "value,expected",
    [("true", True), ("FALSE", False), ("1", True), ("0", False), ("Yes", True), ("no", False)],
)
def test_boolean_spellings(points, value, expected):
    import_staff(to_csv([staff_row(1, active=value)]))
    assert StaffMember.objects.get().active is expected


def test_optional_columns_may_be_left_out(points):
    header = "employee_id,first_name,last_name,email,service_point_code,role,start_date"
    assert import_staff(to_csv([staff_row(1)], header=header)).created == 1


# --- staff: every error, with its exact message ------------------------------------------------


def test_empty_file(points):
    assert errors_of(b"") == ["line 1: file: the file is empty"]
    assert errors_of(b"\xef\xbb\xbf\n\n") == ["line 1: file: the file is empty"]


def test_header_only_file(points):
    assert errors_of(staff_csv(0)) == ["line 2: file: the file has no data rows"]


def test_missing_required_columns(points):
    data = "employee_id,first_name,email,service_point_code,role\nE1,Aino,a@example.fi,SP001,x\n"
    assert errors_of(data) == [
        "line 1: last_name: required column is missing",
        "line 1: start_date: required column is missing",
    ]


def test_duplicate_employee_id_in_file(points):
    data = to_csv([staff_row(1), staff_row(2), staff_row(1, email="other@example.fi")])
    assert errors_of(data) == ["line 4: employee_id: duplicate E000001, also on line 2"]


def test_duplicate_email_in_file_is_case_insensitive(points):
    data = to_csv([staff_row(1), staff_row(2, email="E000001@Example.fi")])
    assert errors_of(data) == ["line 3: email: duplicate E000001@Example.fi, also on line 2"]


def test_unknown_service_point_code(points):
    data = to_csv([staff_row(1), staff_row(2, service_point_code="NOPE")])
    assert errors_of(data) == ["line 3: service_point_code: unknown service point code NOPE"]


def test_unknown_role_code(points):
    data = to_csv([staff_row(1, role="astronaut")])
    assert errors_of(data) == ["line 2: role: unknown role code astronaut"]


@pytest.mark.parametrize("value", ["2026-02-30", "15.1.2026", "2026-1-5", "tomorrow"])
def test_bad_dates(points, value):
    data = to_csv([staff_row(1, start_date=value)])
    assert errors_of(data) == [f"line 2: start_date: {value} is not a date in the form YYYY-MM-DD"]


@pytest.mark.parametrize("value", ["aino.example.fi", "aino@", "a b@example.fi"])
def test_bad_emails(points, value):
    data = to_csv([staff_row(1, email=value)])
    assert errors_of(data) == [f"line 2: email: {value} is not a valid e-mail address"]


def test_email_already_used_by_another_staff_member(points):
    StaffMemberFactory(employee_id="X1", email="taken@example.fi")
    data = to_csv([staff_row(1, email="Taken@example.fi")])
    assert errors_of(data) == ["line 2: email: Taken@example.fi is already used by staff member X1"]


def test_bad_boolean(points):
    data = to_csv([staff_row(1, active="maybe")])
    assert errors_of(data) == ["line 2: active: must be true, false, 1, 0, yes or no"]


def test_bad_language(points):
    data = to_csv([staff_row(1, language="de")])
    assert errors_of(data) == ["line 2: language: must be fi, sv or en"]


def test_required_values(points):
    data = to_csv([staff_row(1, employee_id="", first_name="", email="", start_date="", role="")])
    assert errors_of(data) == [
        "line 2: employee_id: is required",
        "line 2: first_name: is required",
        "line 2: email: is required",
        "line 2: role: is required",
        "line 2: start_date: is required",
    ]


def test_not_utf8(points):
    data = staff_csv(1).encode("latin-1")  # the first name is Åsa
    position = data.index("Å".encode("latin-1"))
    assert errors_of(data) == [f"line 1: file: the file is not UTF-8 text (byte {position})"]


def test_every_problem_is_reported_in_line_order(points):
    data = to_csv(
        [
            staff_row(1, active="nah"),
            staff_row(2),
            staff_row(3, start_date="x", language="fr"),
        ]
    )
    assert errors_of(data) == [
        "line 2: active: must be true, false, 1, 0, yes or no",
        "line 4: start_date: x is not a date in the form YYYY-MM-DD",
        "line 4: language: must be fi, sv or en",
    ]


def test_line_numbers_count_blank_lines_like_a_spreadsheet(points):
    data = staff_csv(1) + "\n" + to_csv([staff_row(2, role="x")]).split("\n", 1)[1]
    assert errors_of(data) == ["line 4: role: unknown role code x"]


# --- all or nothing, dry run ----------------------------------------------------------------


def test_failure_on_row_3999_of_4000_leaves_the_database_untouched(points):
    import_staff(staff_csv(10))
    before = snapshot()
    rows = [staff_row(n, "SP001") for n in range(1, 4001)]
    rows[3998]["start_date"] = "2026-13-01"  # row 3,999 = line 4,000 (the header is line 1)
    assert errors_of(to_csv(rows)) == [
        "line 4000: start_date: 2026-13-01 is not a date in the form YYYY-MM-DD"
    ]
    assert snapshot() == before


def test_a_database_error_while_writing_rolls_everything_back(points, monkeypatch):
    import organisation.imports as imports

    def boom(rows, step):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "_update_staff", boom)
    before = snapshot()
    with pytest.raises(RuntimeError):
        import_staff(staff_csv(5))
    assert snapshot() == before


def test_dry_run_reports_the_same_summary_and_changes_nothing(points):
    import_staff(staff_csv(3))
    StaffMemberFactory(employee_id="GONE", service_point=points[0])
    data = to_csv([staff_row(1, last_name="Uusi"), staff_row(2), staff_row(4)])
    before = snapshot()
    dry = import_staff(data, dry_run=True, deactivate_missing=True)
    assert snapshot() == before
    real = import_staff(data, deactivate_missing=True)
    assert str(dry) == str(real) == "created 1, updated 1, deactivated 2, unchanged 1"


def test_queries_grow_by_batch_not_by_row(points):
    def count(data):
        with CaptureQueriesContext(connection) as ctx:
            import_staff(data)
        return len(ctx.captured_queries)

    small = count(staff_csv(20, start=1))
    large = count(staff_csv(400, start=1001))
    # Bulk inserts are split into batches (about 80 rows on SQLite, 1,000 on PostgreSQL).
    assert large <= small + 2 * (400 // 80 + 1)
    assert large < 400 / 20


# --- deactivation -------------------------------------------------------------------------------


def test_deactivate_missing_deactivates_staff_and_their_users_and_ends_sessions(points, client):
    import_staff(staff_csv(3))
    leaver = StaffMember.objects.select_related("user").get(employee_id="E000003")
    client.force_login(leaver.user)
    assert Session.objects.count() == 1
    summary = import_staff(staff_csv(2), deactivate_missing=True)
    assert str(summary) == "created 0, updated 0, deactivated 1, unchanged 2"
    leaver.refresh_from_db()
    leaver.user.refresh_from_db()
    assert not leaver.active
    assert not leaver.user.is_active
    assert Session.objects.count() == 0
    assert StaffMember.objects.filter(active=True).count() == 2


def test_without_the_flag_missing_staff_stay_active(points):
    import_staff(staff_csv(3))
    summary = import_staff(staff_csv(2))
    assert str(summary) == "created 0, updated 0, deactivated 0, unchanged 2"
    assert StaffMember.objects.filter(active=True).count() == 3


def test_a_row_marked_inactive_counts_as_deactivated_and_ends_sessions(points, client):
    import_staff(staff_csv(2))
    member = StaffMember.objects.get(employee_id="E000002")
    client.force_login(member.user)
    summary = import_staff(to_csv([staff_row(1), staff_row(2, active="no")]))
    assert str(summary) == "created 0, updated 0, deactivated 1, unchanged 1"
    assert Session.objects.count() == 0
    member.user.refresh_from_db()
    assert not member.user.is_active


def test_reactivating_counts_as_an_update(points):
    import_staff(to_csv([staff_row(1, active="0")]))
    summary = import_staff(to_csv([staff_row(1)]))
    assert str(summary) == "created 0, updated 1, deactivated 0, unchanged 0"
    assert StaffMember.objects.get().user.is_active


# --- scope of an HR user ------------------------------------------------------------------------


def test_rows_outside_the_hr_users_scope_are_errors(points):
    other = ServicePointFactory(code="OUT1", division=DivisionFactory(code="D9"))
    hr = make_hr_user(points[0].division)
    data = to_csv([staff_row(1), staff_row(2, service_point_code=other.code)])
    assert errors_of(data, user=hr) == [
        "line 3: service_point_code: service point OUT1 is outside your scope"
    ]


def test_deactivate_missing_only_touches_the_hr_users_scope(points):
    other = ServicePointFactory(code="OUT1", division=DivisionFactory(code="D9"))
    outsider = StaffMemberFactory(service_point=other)
    hr = make_hr_user(points[0].division)
    summary = import_staff(staff_csv(1), deactivate_missing=True, user=hr)
    assert summary.deactivated == 0
    outsider.refresh_from_db()
    assert outsider.active


def test_staff_member_in_another_division_cannot_be_moved_in(points):
    other = ServicePointFactory(code="OUT1", division=DivisionFactory(code="D9"))
    StaffMemberFactory(employee_id="E000001", email="e000001@example.fi", service_point=other)
    hr = make_hr_user(points[0].division)
    assert errors_of(staff_csv(1), user=hr) == [
        "line 2: employee_id: staff member E000001 is outside your scope"
    ]


# --- service points -----------------------------------------------------------------------------


def test_service_point_import_creates_divisions_and_points():
    summary = import_service_points(service_points_csv(4, divisions=2))
    assert str(summary) == "created 4, updated 0, deactivated 0, unchanged 0"
    assert Division.objects.count() == 2
    point = ServicePoint.objects.select_related("division").get(code="SP002")
    assert point.division.code == "D1"
    assert point.name_sv == "Serviceställe 2"
    assert point.division.name_sv == "Sektor D1"


def test_service_point_reimport_is_idempotent():
    data = service_points_csv(4, divisions=2)
    import_service_points(data)
    summary = import_service_points(data)
    assert str(summary) == "created 0, updated 0, deactivated 0, unchanged 4"


def test_service_point_update_deactivation_bom_and_semicolons():
    import_service_points(service_points_csv(3))
    rows = [
        service_point_row(1, name_fi="Kirjasto Töölö", division_name_fi=""),
        service_point_row(2, active="false"),
        service_point_row(3),
    ]
    data = "\ufeff" + to_csv(rows, delimiter=";", header=SERVICE_POINT_HEADER)
    summary = import_service_points(data.encode())
    assert str(summary) == "created 0, updated 1, deactivated 1, unchanged 1"
    assert ServicePoint.objects.get(code="SP001").name_fi == "Kirjasto Töölö"
    assert not ServicePoint.objects.get(code="SP002").active
    # An empty division name keeps the division's name.
    assert Division.objects.get(code="D1").name_fi == "Toimiala D1"


def test_service_point_errors():
    DivisionFactory(code="OLD")
    rows = [
        service_point_row(1),
        service_point_row(1),
        service_point_row(2, name_fi="", active="kyllä"),
        service_point_row(3, division_code="NEW", division_name_fi=""),
        service_point_row(4, division_code="D1", division_name_fi="Toinen nimi"),
        service_point_row(5, division_code=""),
    ]
    data = to_csv(rows, header=SERVICE_POINT_HEADER)
    assert errors_of(data, import_service_points) == [
        "line 3: code: duplicate SP001, also on line 2",
        "line 4: name_fi: is required",
        "line 4: active: must be true, false, 1, 0, yes or no",
        "line 5: division_name_fi: is required for the new division NEW",
        "line 6: division_name_fi: differs from line 2 for division D1",
        "line 7: division_code: is required",
    ]
    assert not ServicePoint.objects.exists()


def test_service_point_missing_columns_and_empty_file():
    assert errors_of(b"", import_service_points) == ["line 1: file: the file is empty"]
    assert errors_of("code,name_sv\nX,Y\n", import_service_points) == [
        "line 1: name_fi: required column is missing",
        "line 1: division_code: required column is missing",
    ]


def test_division_hr_cannot_create_divisions_or_touch_others():
    mine = DivisionFactory(code="D1")
    DivisionFactory(code="D2")
    hr = make_hr_user(mine)
    rows = [service_point_row(1, "D1"), service_point_row(2, "D2"), service_point_row(3, "D3")]
    data = to_csv(rows, header=SERVICE_POINT_HEADER)
    assert errors_of(data, import_service_points, user=hr) == [
        "line 3: division_code: division D2 is outside your scope",
        "line 4: division_code: only city-wide HR can create division D3",
    ]


def test_service_point_dry_run_changes_nothing():
    summary = import_service_points(service_points_csv(3), dry_run=True)
    assert str(summary) == "created 3, updated 0, deactivated 0, unchanged 0"
    assert not Division.objects.exists()
    assert not ServicePoint.objects.exists()


def test_windows_line_endings_and_quoted_fields(points):
    data = staff_csv(2).replace("\n", "\r\n").replace("Åsa", '"Åsa, Maria"')
    assert import_staff(data.encode("utf-8")).created == 2
    assert StaffMember.objects.filter(first_name="Åsa, Maria").exists()
