import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from organisation.models import HRGrant
from reports.models import ApiToken, hash_token
from tests.organisation.factories import make_hr_user
from tests.reports.test_views import admin_user, threshold_one  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def make_token(owner, *divisions, city_wide=False, name="BI", expires_on=None):
    secret = ApiToken.new_secret()
    expires_on = expires_on or timezone.localdate() + datetime.timedelta(days=30)
    token = ApiToken(name=name, owner=owner, city_wide=city_wide, expires_on=expires_on)
    token.set_secret(secret)
    token.save()
    token.divisions.set(divisions)
    return token, secret


def get(client, path, secret=None, **params):
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return client.get(f"/api/v1/{path}", params, headers=headers)


@pytest.fixture
def owner(city):
    return make_hr_user(city_wide=True, username="hr-api")


def test_coverage_rows_and_filters(client, city, owner, threshold_one):  # noqa: F811
    _token, secret = make_token(owner, city_wide=True)
    response = get(client, "coverage/", secret, as_of="2026-06-15")
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 6
    assert data["items"][0] == {
        "division_code": "DA",
        "service_point_code": "A1",
        "module": "kohtaaminen",
        "required": 3,
        "covered": 1,
        "in_progress": 1,
        "not_started": 1,
        "overdue": 1,
        "coverage_percent": 33.3,
        "suppressed": False,
    }
    response = get(
        client, "coverage/", secret, as_of="2026-06-15", module="monikielisyys", division="DB"
    )
    assert [i["service_point_code"] for i in response.json()["items"]] == ["B1"]


def test_pagination(client, city, owner, threshold_one):  # noqa: F811
    _token, secret = make_token(owner, city_wide=True)
    data = get(client, "coverage/", secret, as_of="2026-06-15", page_size=4, page=2).json()
    assert data["count"] == 6
    assert len(data["items"]) == 2


def test_small_groups_are_suppressed(client, city, owner):
    _token, secret = make_token(owner, city_wide=True)
    item = get(client, "coverage/", secret, as_of="2026-06-15").json()["items"][0]
    assert item["suppressed"] is True
    assert item["required"] is None and item["coverage_percent"] is None


def test_token_scope_limits_rows_and_filters(client, city, owner, threshold_one):  # noqa: F811
    _token, secret = make_token(owner, city.db)
    data = get(client, "coverage/", secret, as_of="2026-06-15").json()
    assert {i["division_code"] for i in data["items"]} == {"DB"}
    response = get(client, "coverage/", secret, service_point="A1")
    assert response.status_code == 400
    assert response.json() == {"detail": "unknown service point code: A1"}
    assert get(client, "coverage/", secret, division="DA").status_code == 400
    codes = [sp["code"] for sp in get(client, "service-points/", secret).json()["items"]]
    assert codes == ["B1"]


def test_missing_wrong_and_revoked_tokens_get_401(client, city, owner):
    token, secret = make_token(owner, city_wide=True)
    assert get(client, "coverage/").status_code == 401
    assert get(client, "coverage/", secret + "x").status_code == 401
    token.revoked_at = timezone.now()
    token.save()
    assert get(client, "coverage/", secret).status_code == 401
    assert get(client, "modules/", secret).status_code == 401


def test_a_token_stops_working_when_its_creator_leaves(client, city, owner):
    _token, secret = make_token(owner, city_wide=True)
    assert get(client, "modules/", secret).status_code == 200
    owner.is_active = False
    owner.save()
    assert get(client, "modules/", secret).status_code == 401


def test_a_token_stops_working_when_its_creator_loses_hr(client, city, owner):
    _token, secret = make_token(owner, city_wide=True)
    owner.groups.clear()
    assert get(client, "coverage/", secret).status_code == 401


def test_a_division_token_works_while_its_creator_holds_that_division(client, city):
    creator = make_hr_user(city.da, city.db, username="hr-two-divisions")
    _token, secret = make_token(creator, city.da)
    assert get(client, "coverage/", secret).status_code == 200
    grant = HRGrant.objects.get(user=creator)
    grant.divisions.set([city.db])
    assert get(client, "coverage/", secret).status_code == 401


def test_a_city_token_of_a_creator_narrowed_to_a_division_stops(client, city):
    creator = make_hr_user(city_wide=True, username="hr-narrowed")
    _token, secret = make_token(creator, city_wide=True)
    grant = HRGrant.objects.get(user=creator)
    grant.city_wide = False
    grant.save()
    grant.divisions.set([city.da])
    assert get(client, "modules/", secret).status_code == 401


def test_only_the_hash_is_stored_and_last_use_recorded(client, city, owner):
    token, secret = make_token(owner, city_wide=True)
    assert token.token_hash == hash_token(secret) and secret not in token.token_hash
    get(client, "modules/", secret)
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_bad_date_is_a_clear_error(client, city, owner):
    _token, secret = make_token(owner, city_wide=True)
    response = get(client, "coverage/", secret, as_of="2026-13-40")
    assert response.status_code == 422


@pytest.mark.parametrize("as_of", ["9999-12-31", "0001-01-01", "1999-12-31"])
def test_a_date_outside_the_report_range_is_a_clear_error(client, city, owner, as_of):
    _token, secret = make_token(owner, city_wide=True)
    response = get(client, "coverage/", secret, as_of=as_of)
    assert response.status_code == 422
    assert "as_of" in response.content.decode()


def test_a_nul_character_in_a_filter_is_a_400(client, city, owner):
    _token, secret = make_token(owner, city_wide=True)
    response = get(client, "coverage/", secret, division="A\x00B")
    assert response.status_code == 400
    assert response.json() == {"detail": "NUL characters are not allowed."}


def test_modules_and_service_points(client, city, owner):
    _token, secret = make_token(owner, city_wide=True)
    modules = get(client, "modules/", secret).json()["items"]
    assert [m["slug"] for m in modules] == ["kohtaaminen", "monikielisyys"]
    assert modules[0]["key"] == str(city.m1.translation_key)
    points = get(client, "service-points/", secret).json()["items"]
    assert [p["code"] for p in points] == ["A1", "A2", "B1"]
    assert set(points[0]) == {"code", "name_fi", "name_sv", "name_en", "division_code", "active"}


def test_no_personal_data_in_responses(client, city, owner, threshold_one):  # noqa: F811
    _token, secret = make_token(owner, city_wide=True)
    for path in ("coverage/", "service-points/", "modules/"):
        body = get(client, path, secret, as_of="2026-06-15").content.decode()
        for person in (city.a_1, city.b_1, city.c_1):
            assert person.last_name not in body and person.email not in body


def test_openapi_schema(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert {"/api/v1/coverage/", "/api/v1/service-points/", "/api/v1/modules/"} <= set(
        schema["paths"]
    )
    assert "bearer" in str(schema["components"]["securitySchemes"]).lower()


def test_hr_creates_token_shown_once_and_revokes_it(client, city):
    hr = make_hr_user(city.db, username="hr-b2")
    client.force_login(hr)
    page = client.get(reverse("reports_api_token_new")).content.decode()
    a_year = (timezone.localdate() + datetime.timedelta(days=365)).isoformat()
    assert f'value="{a_year}"' in page  # offered by default: the longest validity
    response = client.post(
        reverse("reports_api_token_new"),
        {"name": "Power BI", "divisions": [city.db.pk], "expires_on": a_year},
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    token = ApiToken.objects.get(name="Power BI")
    assert token.token_hash == hash_token(secret)
    assert list(token.divisions.all()) == [city.db]
    listing = client.get(reverse("reports_api_tokens")).content.decode()
    assert secret not in listing and token.prefix in listing
    response = client.post(reverse("reports_api_token_revoke", args=[token.pk]))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert get(client, "coverage/", secret).status_code == 401


def test_hr_cannot_grant_a_token_beyond_their_scope(client, city):
    hr = make_hr_user(city.db, username="hr-b3")
    client.force_login(hr)
    response = client.post(
        reverse("reports_api_token_new"),
        {
            "name": "X",
            "divisions": [city.da.pk],
            "city_wide": "on",
            "expires_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_token_screens_are_for_hr_only(client, city):
    supervisor = city.a_1
    supervisor.supervises.add(city.a1)
    client.force_login(admin_user(supervisor.user))
    assert client.get(reverse("reports_api_tokens")).status_code == 403
    assert client.post(reverse("reports_api_token_new"), {"name": "x"}).status_code == 403


def test_a_token_stops_working_after_its_expiry_day(client, city, owner, threshold_one):  # noqa: F811
    today = timezone.localdate()
    _last_day, works = make_token(owner, city_wide=True, name="last day", expires_on=today)
    _expired, expired = make_token(
        owner, city_wide=True, name="expired", expires_on=today - datetime.timedelta(days=1)
    )
    assert get(client, "modules/", works).status_code == 200
    assert get(client, "modules/", expired).status_code == 401
    client.force_login(owner)
    listing = client.get(reverse("reports_api_tokens")).content.decode()
    assert "Vanhentunut" in listing  # "expired", in the admin's Finnish


@pytest.mark.parametrize("days", [-1, 366])
def test_hr_cannot_create_a_token_valid_too_long_or_already_expired(client, city, days):
    client.force_login(make_hr_user(city.db, username="hr-b4"))
    response = client.post(
        reverse("reports_api_token_new"),
        {
            "name": "BI",
            "divisions": [city.db.pk],
            "expires_on": (timezone.localdate() + datetime.timedelta(days=days)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_the_token_form_states_the_longest_validity_from_the_setting(client, city, settings):
    settings.API_TOKEN_MAX_DAYS = 90
    client.force_login(make_hr_user(city.db, username="hr-b5"))
    html = client.get(reverse("reports_api_token_new")).content.decode()
    assert "enintään 90 päivää tästä päivästä" in html  # the admin speaks Finnish here
