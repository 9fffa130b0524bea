import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource
from wagtail_localize.operations import translate_object

from courses.models import CoursePage
from courses.translation_status import outdated_pages, translation_out_of_date
from tests.courses.factories import make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def localized():
    """A Finnish module translated into Swedish with wagtail-localize (synced)."""
    tree = make_module(lessons=1, translations=())
    sv = Locale.objects.get(language_code="sv")
    translate_object(tree.module, [sv])
    sv_module = CoursePage.objects.get(translation_key=tree.module_key, locale=sv)
    return tree.module, sv_module


def test_fresh_translation_is_up_to_date(localized):
    fi, sv = localized
    assert not translation_out_of_date(sv)
    assert not translation_out_of_date(fi)


def test_changed_source_flags_translation_out_of_date(localized):
    fi, sv = localized
    fi = CoursePage.objects.get(pk=fi.pk)
    fi.summary = "Muutettu kuvaus."
    fi.save_revision().publish()
    assert translation_out_of_date(sv)
    assert not translation_out_of_date(fi)
    assert [page.pk for page, _t in outdated_pages()] == [sv.pk]


def test_syncing_clears_the_flag(localized):
    fi, sv = localized
    fi = CoursePage.objects.get(pk=fi.pk)
    fi.summary = "Muutettu kuvaus."
    fi.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(fi)
    assert not translation_out_of_date(sv)


def test_admin_report_lists_out_of_date_translations(client, localized):
    fi, sv = localized
    fi = CoursePage.objects.get(pk=fi.pk)
    fi.save_revision().publish()
    admin = get_user_model().objects.create_superuser("editor", "e@example.fi", "pw-123456")
    client.force_login(admin)
    response = client.get(reverse("courses_outdated_translations"))
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[sv.pk]) in response.content.decode()
