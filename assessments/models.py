"""Quizzes (Wagtail pages under a module) and the learners' attempts.

DESIGN.md rule 3: answer keys never leave the server. An `Attempt` stores a snapshot of the
questions it showed, with their grading key, so it is graded against exactly what the
learner saw even if editors change the quiz afterwards. The learner's pages are rendered from
`grading.public_questions(snapshot)`, which carries ids and texts only.

Attempts are keyed by the quiz's and the module's `translation_key` (rule 1): an attempt
passed on the Swedish page counts for the Finnish module.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from assessments.blocks import QuizStreamBlock
from courses.models import ModuleCycle
from learning.pages import ServedPageMixin
from organisation.models import StaffMember


class QuizPage(ServedPageMixin, Page):
    """The quiz of a module: a pool of questions and the rules of an attempt.

    At most one per module (per language); translated together with the module.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown before the learner starts: what the quiz covers."),
    )
    questions = StreamField(QuizStreamBlock(), verbose_name=_("question pool"))
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Drawn at random from the pool for each attempt. Empty: every question."),
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=True)
    shuffle_options = models.BooleanField(
        _("shuffle answer options"),
        default=True,
        help_text=_("Without shuffling, options are shown in the order written here."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"),
        default=0,
        help_text=_("Per completion cycle. 0: unlimited."),
    )
    wait_minutes = models.PositiveIntegerField(
        _("waiting time between attempts (minutes)"), default=0
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Empty: no limit. Answers sent after the limit (plus one minute for the network) "
            "are not scored: the attempt counts as failed."
        ),
    )
    # The module's translation key, copied from the parent page on save so the completion
    # gate can find a module's quiz with one indexed query.
    module_key = models.UUIDField(null=True, editable=False, db_index=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("questions_per_attempt"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("max_attempts"),
                FieldPanel("wait_minutes"),
                FieldPanel("time_limit_minutes"),
            ],
            heading=_("quiz rules"),
        ),
    ] + Page.settings_panels

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    # search_fields stay Page's (title only): the question blocks hold the answer key.

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    @property
    def quiz_key(self) -> uuid.UUID:
        return self.translation_key

    def clean(self):
        super().clean()
        if self.questions_per_attempt and self.questions is not None:
            if self.questions_per_attempt > len(self.questions):
                raise ValidationError(
                    {
                        "questions_per_attempt": _("The pool has only %(count)d questions.")
                        % {"count": len(self.questions)}
                    }
                )

    def save(self, *args, **kwargs):
        if self.path:
            parent = self.get_parent()
            if parent is not None:
                self.module_key = parent.translation_key
        return super().save(*args, **kwargs)

    def get_module(self):
        return self.get_parent().specific

    # Learners are served by assessments.views (kept out of the model, STYLE.md).
    def serve(self, request, *args, **kwargs):
        from assessments import views

        return views.quiz_page(request, self)

    def serve_preview(self, request, mode_name):
        from assessments import views

        if not request.user.has_perm("wagtailadmin.access_admin"):
            return HttpResponseForbidden()
        return views.quiz_preview(request, self)


class AttemptQuerySet(models.QuerySet):
    def open(self) -> AttemptQuerySet:
        return self.filter(submitted_at__isnull=True)

    def submitted(self) -> AttemptQuerySet:
        return self.filter(submitted_at__isnull=False)

    def for_learner(self, staff: StaffMember) -> AttemptQuerySet:
        return self.filter(staff=staff)


class AttemptIsFinal(Exception):
    """Raised on saving a change to an attempt that has been submitted (append-only)."""


class Attempt(models.Model):
    """One try at a quiz. Append-only once submitted."""

    staff = models.ForeignKey(
        StaffMember,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        verbose_name=_("staff member"),
    )
    quiz_key = models.UUIDField(_("quiz"), db_index=True)
    module_key = models.UUIDField(_("module"), db_index=True)
    cycle = models.ForeignKey(
        ModuleCycle,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        verbose_name=_("cycle"),
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    snapshot = models.JSONField(_("questions shown"), default=dict, editable=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True, editable=False)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), default=False)
    timed_out = models.BooleanField(
        _("after the time limit"),
        default=False,
        help_text=_("Submitted after the time limit, or never submitted: not scored."),
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["staff", "quiz_key"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt_per_quiz",
            ),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True, score__isnull=True, passed=False)
                | Q(submitted_at__isnull=False, score__isnull=False),
                name="attempt_scored_when_submitted",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="attempt_score_is_percent",
            ),
        ]
        indexes = [
            models.Index(fields=["staff", "quiz_key", "submitted_at"]),
            models.Index(fields=["cycle", "passed"]),
        ]

    def __str__(self) -> str:
        return f"{self.staff} / {self.quiz_key} ({self.started_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if getattr(self, "_stored_submitted", False):
            raise AttemptIsFinal(f"Attempt {self.pk} has been submitted and cannot change.")
        super().save(*args, **kwargs)
        self._stored_submitted = self.submitted_at is not None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_submitted = instance.submitted_at is not None
        return instance

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None

    @property
    def question_count(self) -> int:
        return len(self.snapshot.get("questions", []))

    @property
    def pass_mark(self) -> int:
        return int(self.snapshot.get("pass_mark", 100))


class QuestionResponse(models.Model):
    """One chosen option of one graded question: the rows editors' statistics count.

    Written once when an attempt is graded (one bulk insert), never changed.
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    quiz_key = models.UUIDField()
    question_id = models.CharField(max_length=64)
    option_id = models.CharField(max_length=64)
    option_correct = models.BooleanField()
    question_correct = models.BooleanField()

    class Meta:
        verbose_name = _("question response")
        verbose_name_plural = _("question responses")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_id", "option_id"], name="one_response_per_option"
            )
        ]
        indexes = [models.Index(fields=["quiz_key", "question_id"])]

    def __str__(self) -> str:
        return f"{self.attempt_id} {self.question_id} {self.option_id}"
