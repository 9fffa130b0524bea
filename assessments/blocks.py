"""Question blocks of a quiz.

Every question is one StreamField block and every option one ListBlock item. Wagtail gives
both a UUID that stays the same across edits, and wagtail-localize keeps it in every
translation, so an attempt refers to questions and options by these ids: an answer given on
the Swedish page is graded against the same question as on the Finnish one.

Only text is translatable (question, option text, feedback, explanation); the correct
flags are booleans, which wagtail-localize copies from the source page unchanged.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer option"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_("Shown after submitting, to learners who chose this option."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")
        form_classname = "quiz-option"


class _ChoiceQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"), max_length=600, rows=2)
    options = blocks.ListBlock(
        OptionBlock(), label=_("answer options"), min_num=2, max_num=8, collapsed=False
    )
    explanation = blocks.TextBlock(
        label=_("explanation"),
        required=False,
        help_text=_("Shown to every learner after submitting: why the right answer is right."),
    )

    def _check_correct_count(self, value, *, exactly_one: bool):
        correct = sum(1 for option in value["options"] if option["is_correct"])
        if exactly_one and correct != 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark exactly one option as correct."))}
            )
        if not exactly_one and correct < 1:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one option as correct."))}
            )


class SingleChoiceQuestionBlock(_ChoiceQuestionBlock):
    """One correct option; the learner picks one."""

    def clean(self, value):
        value = super().clean(value)
        self._check_correct_count(value, exactly_one=True)
        return value

    class Meta:
        icon = "radio-full"
        label = _("Single choice question")
        description = _("The learner picks one option; exactly one is correct.")
        preview_value = {
            "question": "Asiakas ei puhu suomea. Mitä teet ensin?",
            "options": [
                {"text": "Selvitän, millä kielellä asiakas haluaa asioida.", "is_correct": True},
                {"text": "Puhun kovempaa ja hitaammin.", "is_correct": False},
            ],
            "explanation": "Kielen selvittäminen on ensimmäinen askel.",
        }


class MultipleChoiceQuestionBlock(_ChoiceQuestionBlock):
    """One or more correct options; correct = exactly the correct ones chosen."""

    partial_credit = blocks.BooleanBlock(
        label=_("partial credit"),
        required=False,
        help_text=_(
            "Give part of the point: (correct options chosen - wrong options chosen) / "
            "correct options, at least 0. Without it only exactly the correct set scores."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        self._check_correct_count(value, exactly_one=False)
        return value

    class Meta:
        icon = "tasks"
        label = _("Multiple choice question")
        description = _("The learner picks every option that applies.")
        preview_value = {
            "question": "Mitkä auttavat selkokielisessä viestinnässä?",
            "options": [
                {"text": "Lyhyet virkkeet", "is_correct": True},
                {"text": "Tutut sanat", "is_correct": True},
                {"text": "Lyhenteet", "is_correct": False},
            ],
        }


class TrueFalseQuestionBlock(blocks.StructBlock):
    """A statement that is true or false. Its two options have the fixed ids "true" and
    "false" (the same in every language)."""

    statement = blocks.TextBlock(label=_("statement"), max_length=600, rows=2)
    correct_answer = blocks.ChoiceBlock(
        label=_("the statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        default="true",
    )
    feedback_true = blocks.TextBlock(label=_("feedback for the answer true"), required=False)
    feedback_false = blocks.TextBlock(label=_("feedback for the answer false"), required=False)
    explanation = blocks.TextBlock(label=_("explanation"), required=False)

    class Meta:
        icon = "help"
        label = _("True or false")
        description = _("A statement the learner marks true or false.")
        preview_value = {
            "statement": "Tulkin käyttö on asiakkaalle maksutonta.",
            "correct_answer": "true",
        }


class QuizStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        min_num = 1
        block_counts = {}
