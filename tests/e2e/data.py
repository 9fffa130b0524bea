"""Data for the browser tests, built per test with the apps' own test factories."""

from __future__ import annotations

from dataclasses import dataclass

from courses.models import CoursePage, LessonPage
from tests.courses.factories import RequirementFactory, make_module
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    UserFactory,
)

PASSWORD = "salasana-123"  # UserFactory's password

MODULE_TITLES = {
    "fi": "Kohtaaminen asiakaspalvelussa",
    "sv": "Möten i kundtjänsten",
    "en": "Encounters in customer service",
}
LESSON_TITLES = {
    "fi": ["Kun yhteistä kieltä ei ole", "Selkeä kieli"],
    "sv": ["När det inte finns ett gemensamt språk", "Klarspråk"],
    "en": ["When there is no common language", "Plain language"],
}
SCENARIO = {
    "situation": "Asiakas tulee tiskille ja kertoo englanniksi, ettei puhu suomea.",
    "question": "Mitä teet?",
    "responses": [
        {
            "response": "Jatkan suomeksi mutta hitaammin.",
            "works": False,
            "feedback": "Asiakas ei ymmärrä, vaikka puhuisit hitaasti.",
        },
        {
            "response": "Kysyn, sopiiko englanti vai tilataanko tulkki.",
            "works": True,
            "feedback": "Asiakas saa valita kielen, ja asia hoituu.",
        },
    ],
}
# The quiz: the right answer first, so a test can choose the wrong one by position too.
QUESTION_1 = "Mitä teet ensin, kun asiakas ei puhu suomea?"
RIGHT_1, WRONG_1 = "Kysyn, mikä kieli sopii asiakkaalle", "Puhun kovempaa"
QUESTION_2 = "Tulkin tilaaminen on asiakkaan vastuulla."


@dataclass
class Learner:
    username: str
    staff: object
    module: CoursePage
    lessons: list[LessonPage]
    translations: dict
    quiz: object | None


def learner_with_required_module(*, quiz: bool = True, language: str = "fi") -> Learner:
    """A staff member whose division must take a two-lesson module (fi, sv, en) that has a
    quiz; the first lesson holds an encounter scenario."""
    from tests.assessments.factories import make_quiz, single, true_false

    division = DivisionFactory(code="KYMP-E2E", name_fi="Kaupunkiympäristö")
    point = ServicePointFactory(code="E2E-001", name_fi="Kirjasto Kallio", division=division)
    user = UserFactory(username="aino.e2e")
    staff = StaffMemberFactory(
        user=user,
        first_name="Aino",
        last_name="Korhonen",
        service_point=point,
        language=language,
    )
    tree = make_module(lessons=2, title=MODULE_TITLES["fi"], validity_months=24)
    _retitle(tree.module, MODULE_TITLES["fi"])
    for language_code, translation in tree.translations.items():
        _retitle(translation.module, MODULE_TITLES[language_code])
        for lesson, title in zip(translation.lessons, LESSON_TITLES[language_code], strict=True):
            _retitle(lesson, title)
    first, second = (LessonPage.objects.get(pk=lesson.pk) for lesson in tree.lessons)
    first.title = LESSON_TITLES["fi"][0]
    first.body = [
        {"type": "text", "value": "<p>Asiakkaan kieli ratkaisee, miten asia hoituu.</p>"},
        {"type": "encounter_scenario", "value": SCENARIO},
    ]
    first.save_revision().publish()
    second.title = LESSON_TITLES["fi"][1]
    second.body = [
        {"type": "text", "value": "<p>Kirjoita lyhyesti ja kerro ensin tärkein asia.</p>"},
        {"type": "key_takeaways", "value": {"title": "", "items": ["Tärkein asia ensin."]}},
    ]
    second.save_revision().publish()
    RequirementFactory(module=tree.module, due_days=60, divisions=[division])
    # Fresh copies: add_child works from the parent's in-memory child count.
    tree.module = CoursePage.objects.get(pk=tree.module.pk)
    quiz_tree = None
    if quiz:
        quiz_tree = make_quiz(
            tree,
            [
                single(QUESTION_1, [(RIGHT_1, True), (WRONG_1, False)]),
                true_false(QUESTION_2, False),
            ],
            translations=("sv", "en"),
            pass_mark=100,
        )
    return Learner(
        username=user.username,
        staff=staff,
        module=CoursePage.objects.get(pk=tree.module.pk),
        lessons=[LessonPage.objects.get(pk=first.pk), LessonPage.objects.get(pk=second.pk)],
        translations=tree.translations,
        quiz=quiz_tree,
    )


def _retitle(page, title: str) -> None:
    # A fresh copy: publishing writes the in-memory tree fields (child count) back.
    page = type(page).objects.get(pk=page.pk)
    page.title = title
    page.save_revision().publish()
