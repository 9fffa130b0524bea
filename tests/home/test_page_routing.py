"""Pages are found in one query by their URL path, with the same answers as Wagtail's own
walk down the tree; view restrictions, the site's home pages and the language links come
from fewer queries or the cache, and change as soon as an editor publishes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import HomePage
from tests.courses.factories import _publish_translation, course_index, make_module
from tests.home.test_language import switcher_links
from tests.organisation.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


def _both_routes(root: HomePage, path: str):
    """(our route, Wagtail's walk) for `path` below `root`: the page id, or 404."""
    components = [c for c in path.split("/") if c]
    answers = []
    for route in (root.route, lambda request, c: Page.route(root, request, c)):
        try:
            answers.append(route(RequestFactory().get(path), components).page.pk)
        except Http404:
            answers.append(404)
    return answers


def test_the_url_path_route_finds_what_wagtails_walk_finds():
    tree = make_module(lessons=2)
    draft = tree.lessons[1]
    draft.unpublish()
    root = HomePage.objects.get(locale__language_code="fi")
    paths = [
        page.url_path[len(root.url_path) - 1 :]
        for page in Page.objects.descendant_of(root).exclude(pk=root.pk)
    ]
    paths += ["/moduulit/ei-ole/", "/ei-ole/", paths[-1] + "ei-ole/", "/moduulit//"]
    for path in paths:
        ours, wagtails = _both_routes(root, path)
        assert ours == wagtails, path
    assert _both_routes(root, draft.url_path[len(root.url_path) - 1 :]) == [404, 404]


def test_view_restrictions_of_a_page_and_its_ancestors_and_aliases_are_all_found():
    tree = make_module(lessons=1)
    group = Group.objects.create(name="Kallion kirjasto")
    on_module = PageViewRestriction.objects.create(
        page=tree.module, restriction_type=PageViewRestriction.GROUPS
    )
    on_module.groups.add(group)
    on_index = PageViewRestriction.objects.create(
        page=tree.index, restriction_type=PageViewRestriction.LOGIN
    )
    alias = tree.module.create_alias(
        parent=tree.translations["sv"].module.get_parent(), update_slug="alias-moduuli"
    )
    pages = [*Page.objects.descendant_of(tree.index, inclusive=True).specific(), alias.specific]
    for page in pages:
        ours = set(page.get_view_restrictions())
        wagtails = set(Page.get_view_restrictions(page))
        assert ours == wagtails, page
    assert set(tree.lessons[0].get_view_restrictions()) == {on_module, on_index}


def test_a_restricted_module_is_refused_to_a_learner_outside_its_group(client):
    tree = make_module(lessons=1)
    restriction = PageViewRestriction.objects.create(
        page=tree.module, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Vain esihenkilöt"))
    client.force_login(StaffMemberFactory().user)
    response = client.get(tree.lessons[0].url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_newly_published_home_page_translation_is_served_at_once(client):
    fi_home = HomePage.objects.get(locale__language_code="fi")
    assert client.get("/sv/").status_code == 200  # the Finnish home page stands in; cached
    swedish = fi_home.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.title = "Välkommen till Aspa"
    swedish.save_revision().publish()
    response = client.get("/sv/")
    assert response.context["page"].pk == swedish.pk
    swedish.refresh_from_db()
    swedish.unpublish()
    assert client.get("/sv/").context["page"].pk == fi_home.pk


def test_the_language_links_follow_a_translation_published_or_renamed_later(client):
    tree = make_module(lessons=1, translations=())
    client.force_login(StaffMemberFactory().user)
    lesson_url = tree.lessons[0].url
    assert switcher_links(client.get(lesson_url).content.decode())["sv"] == "/sv/"  # cached
    course_index("sv")
    sv_module = _publish_translation(tree.module, "sv")
    sv_lesson = _publish_translation(tree.lessons[0], "sv")
    assert switcher_links(client.get(lesson_url).content.decode())["sv"] == sv_lesson.url
    sv_module.slug = "mote-och-mangfald"
    sv_module.save_revision().publish()  # the lesson's Swedish URL changes with its parent
    links = switcher_links(client.get(lesson_url).content.decode())
    assert links["sv"].endswith(f"/mote-och-mangfald/{sv_lesson.slug}/")
    assert client.get(links["sv"]).status_code == 200


def test_the_header_links_to_the_administration_only_for_those_who_may_enter(client):
    from django.contrib.auth.models import Permission

    learner = StaffMemberFactory()
    editor = StaffMemberFactory()
    editor.user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    make_module(lessons=1)
    client.force_login(learner.user)
    assert "/admin/" not in client.get("/fi/").content.decode()
    client.force_login(editor.user)
    assert 'href="/admin/"' in client.get("/fi/").content.decode()
