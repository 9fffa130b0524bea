import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import translation

from certificates.imports import import_completions
from certificates.models import Certificate
from courses.models import ModuleCycle
from organisation.imports import ImportFailed
from organisation.models import AuditEvent
from tests.organisation.factories import DivisionFactory, ServicePointFactory, make_hr_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)):
        yield


def _csv(holder, module, *rows, header="employee_id,module,completed_on,source"):
    lines = [header] + [",".join(r) if isinstance(r, tuple) else r for r in rows]
    return "\n".join(lines) + "\n"


def english_admin(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_completions", str(path), *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_import_completes_the_module_and_issues_the_certificate(tmp_path, holder, module):
    slug = module.module.slug
    path = tmp_path / "c.csv"
    path.write_text(
        _csv(holder, module, (holder.employee_id, slug, "2026-03-10", "workshop 2026-03"))
    )
    code, out, err = run(path)
    assert (code, out.strip(), err) == (0, "issued 1, unchanged 0", "")
    certificate = Certificate.objects.get()
    assert certificate.staff == holder
    assert certificate.issued_on == datetime.date(2026, 3, 10)
    assert certificate.expires_on == datetime.date(2028, 3, 10)  # counted from completed_on
    assert certificate.title == "Möten och mångfald"
    cycle = certificate.cycle
    assert cycle.source == ModuleCycle.Source.IMPORTED
    assert cycle.source_note == "workshop 2026-03"


def test_rerunning_the_same_file_changes_nothing(tmp_path, holder, module):
    path = tmp_path / "c.csv"
    path.write_text(
        _csv(holder, module, (holder.employee_id, module.module.slug, "2026-03-10", "ws"))
    )
    run(path)
    code, out, _ = run(path)
    assert (code, out.strip()) == (0, "issued 0, unchanged 1")
    assert Certificate.objects.count() == 1
    assert ModuleCycle.objects.count() == 1


def test_dry_run_reports_and_changes_nothing(tmp_path, holder, module):
    path = tmp_path / "c.csv"
    path.write_text(
        _csv(holder, module, (holder.employee_id, module.module.slug, "2026-03-10", "ws"))
    )
    code, out, _ = run(path, "--dry-run")
    assert (code, out.strip()) == (0, "dry run: issued 1, unchanged 0")
    assert not Certificate.objects.exists()
    assert not ModuleCycle.objects.exists()


def test_bom_semicolons_and_header_order_and_case(tmp_path, holder, module):
    text = (
        "\ufeffSOURCE;Completed_On;Module;Employee_ID\n"
        f"workshop;2026-03-10;{module.module.slug};{holder.employee_id}\n"
    )
    path = tmp_path / "c.csv"
    path.write_bytes(text.encode("utf-8"))
    code, out, _ = run(path)
    assert (code, out.strip()) == (0, "issued 1, unchanged 0")


def test_any_bad_row_changes_nothing_and_lists_every_problem(tmp_path, holder, module):
    slug = module.module.slug
    path = tmp_path / "c.csv"
    path.write_text(
        _csv(
            holder,
            module,
            (holder.employee_id, slug, "2026-03-10", "ok row"),
            ("NOPE", slug, "2026-03-10", "x"),
            (holder.employee_id, "no-such-module", "2026-03-10", "x"),
            (holder.employee_id, slug, "10.3.2026", "x"),
            (holder.employee_id, slug, "2026-07-01", "x"),
        )
    )
    code, out, err = run(path)
    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    assert lines[:4] == [
        "line 3: employee_id: unknown employee id NOPE",
        "line 4: module: no module has the Finnish slug no-such-module",
        "line 5: completed_on: 10.3.2026 is not a date in the form YYYY-MM-DD",
        "line 6: completed_on: 2026-07-01 is in the future",
    ]
    assert not Certificate.objects.exists()
    assert not ModuleCycle.objects.exists()


def test_missing_column_is_reported(tmp_path, holder, module):
    path = tmp_path / "c.csv"
    path.write_text("employee_id,module,source\nE1,x,y\n")
    code, _, err = run(path)
    assert code == 1
    assert "line 1: completed_on: required column is missing" in err


def test_hr_import_is_limited_to_their_scope(holder, module):
    hr = make_hr_user(DivisionFactory())
    data = _csv(holder, module, (holder.employee_id, module.module.slug, "2026-03-10", "ws"))
    with pytest.raises(ImportFailed) as failed, translation.override("en"):
        import_completions(data, user=hr)
    assert "outside your scope" in failed.value.messages[0]
    own_hr = make_hr_user(holder.service_point.division)
    summary = import_completions(data, user=own_hr)
    assert str(summary) == "issued 1, unchanged 0"
    assert AuditEvent.objects.filter(
        action="certificates.import_completions", actor=own_hr
    ).exists()


def test_admin_upload_previews_then_confirms(client, holder, module):
    hr = make_hr_user(holder.service_point.division)
    client.force_login(hr)
    data = _csv(holder, module, (holder.employee_id, module.module.slug, "2026-03-10", "ws"))
    upload = io.BytesIO(data.encode())
    upload.name = "completions.csv"
    preview = client.post("/admin/certificates-admin/import/", {"file": upload})
    assert preview.status_code == 200
    assert not Certificate.objects.exists()
    payload = preview.context["payload"]
    tampered = client.post(
        "/admin/certificates-admin/import/", {"confirm": "1", "payload": payload + "x"}
    )
    assert tampered.status_code == 400
    done = client.post("/admin/certificates-admin/import/", {"confirm": "1", "payload": payload})
    assert done.status_code == 302
    assert Certificate.objects.filter(staff=holder).count() == 1


def test_admin_upload_shows_errors(client, holder, module):
    hr = make_hr_user(ServicePointFactory().division)
    english_admin(hr)
    client.force_login(hr)
    data = _csv(holder, module, (holder.employee_id, module.module.slug, "2026-03-10", "ws"))
    upload = io.BytesIO(data.encode())
    upload.name = "completions.csv"
    response = client.post("/admin/certificates-admin/import/", {"file": upload})
    assert response.status_code == 200
    assert response.context["errors"] == [
        f"line 2: employee_id: staff member {holder.employee_id} is outside your scope"
    ]
    assert not Certificate.objects.exists()
