import pytest
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, LessonPage
from home.models import HomePage


class PageTypeRulesTest(WagtailPageTestCase):
    def test_catalogue_lives_under_home_and_holds_modules(self):
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})

    def test_module_lives_in_catalogue_and_holds_lessons_and_quiz(self):
        from assessments.models import QuizPage

        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {LessonPage, QuizPage})

    def test_lesson_lives_in_module_and_holds_nothing(self):
        self.assertCanCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertAllowedParentPageTypes(LessonPage, {CoursePage})
        self.assertAllowedSubpageTypes(LessonPage, set())


@pytest.mark.django_db
def test_module_image_needs_alt_text(tree):
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Kuva", file=get_test_image_file())
    tree.module.image = image
    tree.module.image_alt = ""
    with pytest.raises(ValidationError) as error:
        tree.module.full_clean()
    assert "image_alt" in error.value.message_dict
    tree.module.image_alt = "Kaksi ihmistä palvelutiskillä"
    tree.module.full_clean()


@pytest.mark.django_db
def test_draft_lesson_and_module_can_be_previewed(tree):
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    lesson = LessonPage.objects.get(pk=tree.lessons[0].pk)
    lesson.unpublish()
    lesson.title = "Luonnos"
    editor = get_user_model().objects.create_superuser("editor", "e@example.fi", "pw-123456")
    request = RequestFactory().get("/admin/")
    request.user = editor
    response = lesson.make_preview_request(request)
    assert response.status_code == 200
    assert "Luonnos" in response.render().content.decode()
    module = CoursePage.objects.get(pk=tree.module.pk)
    assert module.make_preview_request(request).status_code == 200
