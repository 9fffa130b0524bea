import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from organisation.models import HR_GROUP_NAME, AuditEvent, ImportJob, StaffMember

from .csvdata import staff_csv, staff_row, to_csv
from .factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    UserFactory,
    make_hr_user,
)

pytestmark = pytest.mark.django_db

STAFF_INDEX = "organisation_staff:index"
IMPORT_UPLOAD = "organisation_imports:upload"


@pytest.fixture
def world():
    north, south = DivisionFactory(code="N"), DivisionFactory(code="S")
    north_point = ServicePointFactory(code="SP001", division=north)
    south_point = ServicePointFactory(code="SP002", division=south)
    return {
        "north": north,
        "south": south,
        "north_point": north_point,
        "south_point": south_point,
        "north_staff": StaffMemberFactory(service_point=north_point, last_name="Pohjola"),
        "south_staff": StaffMemberFactory(service_point=south_point, last_name="Etelä"),
        "north_hr": english_admin(make_hr_user(north)),
        "city_hr": english_admin(make_hr_user(city_wide=True)),
    }


def english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def upload(client, text, kind="staff", deactivate_missing=False):
    data = {"kind": kind, "file": SimpleUploadedFile("staff.csv", text.encode("utf-8"))}
    if deactivate_missing:
        data["deactivate_missing"] = "on"
    return client.post(reverse(IMPORT_UPLOAD), data)


# --- who may come in ----------------------------------------------------------------------------


def test_hr_group_has_admin_access_and_organisation_permissions():
    make_hr_user(city_wide=True)
    group = Group.objects.get(name=HR_GROUP_NAME)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "view_staffmember",
        "change_staffmember",
        "view_auditevent",
    } <= codenames


@pytest.mark.parametrize(
    "url_name", [STAFF_INDEX, IMPORT_UPLOAD, "organisation_service-points:index"]
)
def test_a_learner_gets_403(client, world, url_name):
    client.force_login(world["north_staff"].user)
    assert client.get(reverse(url_name)).status_code == 403


@pytest.mark.parametrize("url_name", [STAFF_INDEX, IMPORT_UPLOAD])
def test_an_editor_with_admin_access_but_not_hr_gets_403(client, world, url_name):
    editor = UserFactory()
    editors, _ = Group.objects.get_or_create(name="Editors")
    editor.groups.add(editors)
    editor.is_staff = True
    editor.save()
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse(url_name)).status_code == 403


def test_anonymous_users_are_sent_to_the_login(client, world):
    response = client.get(reverse(STAFF_INDEX))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_learner_cannot_post_an_import(client, world):
    client.force_login(world["north_staff"].user)
    assert upload(client, staff_csv(1)).status_code == 403
    assert not ImportJob.objects.exists()


# --- scope --------------------------------------------------------------------------------------


def test_hr_of_one_division_lists_only_their_staff(client, world):
    client.force_login(world["north_hr"])
    response = client.get(reverse(STAFF_INDEX))
    assert response.status_code == 200
    assert b"Pohjola" in response.content
    assert b"Etel\xc3\xa4" not in response.content


def test_hr_of_one_division_cannot_open_another_divisions_staff_member(client, world):
    client.force_login(world["north_hr"])
    for view in ("edit", "delete", "history"):
        url = reverse(f"organisation_staff:{view}", args=[world["south_staff"].pk])
        # (LocaleMiddleware first redirects a 404 to the /fi/ prefixed path, which 404s too.)
        assert client.get(url, follow=True).status_code == 404, view
    url = reverse("organisation_staff:edit", args=[world["north_staff"].pk])
    assert client.get(url).status_code == 200


def test_hr_of_one_division_cannot_edit_another_divisions_staff_by_post(client, world):
    client.force_login(world["north_hr"])
    url = reverse("organisation_staff:edit", args=[world["south_staff"].pk])
    assert client.post(url, {"first_name": "Hacked"}, follow=True).status_code == 404
    world["south_staff"].refresh_from_db()
    assert world["south_staff"].first_name != "Hacked"


def test_export_is_scoped(client, world):
    client.force_login(world["north_hr"])
    response = client.get(reverse(STAFF_INDEX) + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert world["north_staff"].employee_id in body
    assert world["south_staff"].employee_id not in body


def test_filter_choices_are_scoped(client, world):
    client.force_login(world["north_hr"])
    response = client.get(reverse(STAFF_INDEX))
    content = response.content.decode()
    assert f">{world['north_point'].name_en}</option>" in content
    assert world["south_point"].name_en not in content


def test_city_wide_hr_sees_everyone(client, world):
    client.force_login(world["city_hr"])
    response = client.get(reverse(STAFF_INDEX))
    assert b"Pohjola" in response.content and b"Etel\xc3\xa4" in response.content


def test_staff_listing_query_count_is_fixed(client, world, django_assert_max_num_queries):
    for _n in range(30):
        StaffMemberFactory(service_point=world["north_point"])
    client.force_login(world["city_hr"])
    client.get(reverse(STAFF_INDEX))  # warm caches (content types, site)
    with django_assert_max_num_queries(25):
        assert client.get(reverse(STAFF_INDEX)).status_code == 200


def test_division_hr_cannot_see_hr_scopes(client, world):
    client.force_login(world["north_hr"])
    response = client.get(reverse("organisation_hr-scopes:index"))
    assert response.status_code in (302, 403)


def test_hr_adds_a_staff_member_within_scope(client, world):
    client.force_login(world["north_hr"])
    data = {
        "employee_id": "N100",
        "first_name": "Öllö",
        "last_name": "Åberg",
        "email": "ollo@example.fi",
        "service_point": world["north_point"].pk,
        "role": world["north_staff"].role.pk,
        "start_date": "2026-03-01",
        "language": "sv",
        "active": "on",
    }
    response = client.post(reverse("organisation_staff:add"), data)
    assert response.status_code == 302, response.content[:2000]
    member = StaffMember.objects.get(employee_id="N100")
    assert member.user.username == "n100"
    assert not member.user.has_usable_password()
    data.update(employee_id="N101", email="x@example.fi", service_point=world["south_point"].pk)
    response = client.post(reverse("organisation_staff:add"), data)
    assert response.status_code == 200  # the form shows an error: not a valid choice
    assert not StaffMember.objects.filter(employee_id="N101").exists()


# --- the import screens -------------------------------------------------------------------------


def test_upload_shows_the_dry_run_and_changes_nothing(client, world):
    client.force_login(world["north_hr"])
    response = upload(client, staff_csv(3, points=["SP001"], start=100))
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("organisation_imports:job", args=[job.pk])
    page = client.get(response["Location"])
    assert b"created 3, updated 0, deactivated 0, unchanged 0" in page.content
    assert StaffMember.objects.count() == 2


def test_upload_lists_every_error_and_offers_no_confirm(client, world):
    client.force_login(world["north_hr"])
    text = to_csv([staff_row(1, email="bad", service_point_code="SP001"), staff_row(2, "SP002")])
    response = client.get(upload(client, text)["Location"])
    content = response.content.decode()
    assert "line 2: email: bad is not a valid e-mail address" in content
    assert "line 3: service_point_code: service point SP002 is outside your scope" in content
    job = ImportJob.objects.get()
    assert reverse("organisation_imports:confirm", args=[job.pk]) not in content
    assert client.post(reverse("organisation_imports:confirm", args=[job.pk])).status_code == 400


def test_confirm_applies_the_import_and_records_it(client, world):
    client.force_login(world["north_hr"])
    upload(client, staff_csv(3, points=["SP001"], start=100))
    job = ImportJob.objects.get()
    response = client.post(reverse("organisation_imports:confirm", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "done"
    assert job.result["created"] == 3
    assert StaffMember.objects.count() == 5
    event = AuditEvent.objects.get(action="import_staff")
    assert event.actor == world["north_hr"]
    # A second confirm (double click) changes nothing.
    client.post(reverse("organisation_imports:confirm", args=[job.pk]))
    assert AuditEvent.objects.filter(action="import_staff").count() == 1


def test_deactivate_missing_from_the_admin_stays_in_scope(client, world):
    client.force_login(world["north_hr"])
    upload(client, staff_csv(1, points=["SP001"], start=100), deactivate_missing=True)
    job = ImportJob.objects.get()
    assert job.preview["deactivated"] == 1
    client.post(reverse("organisation_imports:confirm", args=[job.pk]))
    world["north_staff"].refresh_from_db()
    world["south_staff"].refresh_from_db()
    assert not world["north_staff"].active
    assert world["south_staff"].active


def test_another_users_job_is_a_404(client, world):
    client.force_login(world["north_hr"])
    upload(client, staff_csv(1, points=["SP001"], start=100))
    job = ImportJob.objects.get()
    client.force_login(world["city_hr"])
    job_url = reverse("organisation_imports:job", args=[job.pk])
    confirm_url = reverse("organisation_imports:confirm", args=[job.pk])
    assert client.get(job_url, follow=True).status_code == 404
    assert client.post(confirm_url, follow=True).status_code == 404
    assert client.post("/admin/organisation/imports/abc/confirm/", follow=True).status_code == 404
    job.refresh_from_db()
    assert job.status == "previewed"


def test_tampered_upload_posts_are_not_500(client, world):
    client.force_login(world["north_hr"])
    assert client.post(reverse(IMPORT_UPLOAD), {"kind": "nonsense"}).status_code == 200
    bad = SimpleUploadedFile("x.csv", "Åsa".encode("latin-1"))
    response = client.post(reverse(IMPORT_UPLOAD), {"kind": "staff", "file": bad})
    assert response.status_code == 200
    assert "UTF-8" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_confirm_needs_csrf(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world["north_hr"])
    upload(client, staff_csv(1, points=["SP001"], start=100))
    assert not ImportJob.objects.exists()


def test_large_files_run_in_the_background_with_a_progress_page(client, world, settings):
    settings.IMPORT_ASYNC_THRESHOLD_ROWS = 5
    client.force_login(world["city_hr"])
    upload(client, staff_csv(20, points=["SP001", "SP002"], start=100))
    job = ImportJob.objects.get()
    page = client.get(reverse("organisation_imports:job", args=[job.pk]))
    assert b"background" in page.content
    with pytest.MonkeyPatch.context() as mp:
        queued = []
        mp.setattr(
            "organisation.tasks.apply_import_job.apply_async",
            lambda args, kwargs=None, **options: queued.append(args[0]),
        )
        client.post(reverse("organisation_imports:confirm", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "queued"
    page = client.get(reverse("organisation_imports:job", args=[job.pk]))
    assert b'http-equiv="refresh"' in page.content
    assert b"<progress" in page.content


def test_city_wide_hr_grants_scopes_to_hr_members_only(client, world):
    client.force_login(world["city_hr"])
    response = client.get(reverse("organisation_hr-scopes:add"))
    assert response.status_code == 200
    choices = response.context["form"].fields["user"].queryset
    assert world["north_hr"] in choices
    assert world["north_staff"].user not in choices


@pytest.mark.parametrize(
    "url_name",
    [
        "organisation_service-points:index",
        "organisation_divisions:index",
        "organisation_roles:index",
        "organisation_audit:index",
    ],
)
def test_other_organisation_listings_render_for_division_hr(client, world, url_name):
    client.force_login(world["north_hr"])
    assert client.get(reverse(url_name)).status_code == 200


def test_service_point_listing_is_scoped(client, world):
    client.force_login(world["north_hr"])
    content = client.get(reverse("organisation_service-points:index")).content.decode()
    assert world["north_point"].code in content
    assert world["south_point"].code not in content


def test_the_menu_shows_organisation_to_hr_only(client, world):
    client.force_login(world["north_hr"])
    assert b"HR imports" in client.get(reverse("wagtailadmin_home")).content


def test_the_import_screen_speaks_finnish_and_swedish(client, world):
    hr = world["north_hr"]
    client.force_login(hr)
    profile = UserProfile.get_for_user(hr)
    for language, text in (("fi", "Tarkista tiedosto"), ("sv", "Kontrollera filen")):
        profile.preferred_language = language
        profile.save()
        assert text in client.get(reverse(IMPORT_UPLOAD)).content.decode()


def test_staff_search_by_name_stays_in_scope(client, world):
    client.force_login(world["north_hr"])
    found = client.get(reverse(STAFF_INDEX), {"q": "Pohjola"}).content.decode()
    assert world["north_staff"].employee_id in found
    hidden = client.get(reverse(STAFF_INDEX), {"q": "Etelä"}).content.decode()
    assert world["south_staff"].employee_id not in hidden


def test_an_upload_over_the_size_cap_is_refused_with_a_message(client, world, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    client.force_login(world["city_hr"])
    response = upload(client, staff_csv(1) + "x" * (1024 * 1024))
    assert response.status_code == 200
    assert "The file is too large (at most 1 MB)." in response.content.decode()
    assert not ImportJob.objects.exists()
