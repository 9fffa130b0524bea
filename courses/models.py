"""Modules (Wagtail pages), required training and learning records.

A module is one thing in every language (DESIGN.md rule 1): every learning record is keyed
by the CoursePage's `translation_key`, so progress made in Swedish counts in Finnish.

Learning records follow Kolibri's shape:
- `Requirement`: module x audience x due rule (the assignment row);
- `ModuleCycle`: one summary row per person x module x completion cycle;
- `LessonProgress`: lessons done within a cycle (append-only rows).
"""

from __future__ import annotations

import uuid

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from courses.blocks import LessonStreamBlock
from learning.pages import ServedPageMixin
from organisation.models import Division, Role, ServicePoint, StaffMember, hr_scope


class CourseIndexPage(ServedPageMixin, Page):
    """The catalogue of modules."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("module catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.catalogue import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class CoursePageTag(TaggedItemBase):
    """Topic tags of a module (used by the catalogue's topic filter)."""

    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CoursePage(ServedPageMixin, Page):
    """A module: a few lessons and (optionally) a quiz."""

    summary = models.TextField(_("summary"), max_length=600)
    tags = ClusterTaggableManager(
        through=CoursePageTag, blank=True, verbose_name=_("topics"), help_text=_("Topic tags.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Required with an image."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=30)
    validity_months = models.PositiveSmallIntegerField(
        _("certificate validity (months)"),
        null=True,
        blank=True,
        help_text=_("Empty: the certificate never expires."),
    )
    requires_retraining = models.BooleanField(
        _("requires retraining"),
        default=False,
        help_text=_(
            "Tick when publishing a material change: staff certified on the older version "
            "must take the module again."
        ),
    )
    retraining_since = models.DateTimeField(
        _("retraining required since"), null=True, blank=True, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("tags"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("image")),
        InlinePanel("objectives", label=_("learning objectives")),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("validity_months"),
                FieldPanel("requires_retraining"),
            ],
            heading=_("completion"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "assessments.QuizPage"]
    served_related = ("image",)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def module_key(self) -> uuid.UUID:
        return self.translation_key

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Give the image an alt text.")})

    def lessons(self):
        return LessonPage.objects.live().child_of(self).order_by("path")

    def with_content_json(self, content):
        # `retraining_since` is set by the publish hook on every translation; a revision
        # saved before that must not turn it back.
        obj = super().with_content_json(content)
        obj.retraining_since = self.retraining_since
        return obj

    def get_context(self, request, *args, **kwargs):
        from courses.progress import module_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(module_page_context(request, self))
        return context


class CourseObjective(TranslatableMixin, Orderable):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=255)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("learning objective")


class LessonPage(ServedPageMixin, Page):
    """One lesson of a module, in the module's order."""

    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    # Learners are served by courses.views (login, enrolment, "mark as done").
    def serve(self, request, *args, **kwargs):
        from courses import views

        return views.lesson_page(request, self, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        # Editors preview drafts: no login redirect, no enrolment, no live checks.
        from courses import views

        return views.lesson_preview(request, self)


# --- required training --------------------------------------------------------------------


class RequirementQuerySet(models.QuerySet):
    def for_user(self, user) -> RequirementQuerySet:
        """Requirements an HR user may see and edit: city-wide HR all of them; other HR
        those whose audience lies inside their divisions (at least one division or
        service point, and none outside). Everyone else: none."""
        city_wide, division_ids = hr_scope(user)
        if city_wide:
            return self
        if not division_ids:
            return self.none()
        by_division = Requirement.divisions.through.objects
        by_point = Requirement.service_points.through.objects
        return (
            self.filter(
                Q(pk__in=by_division.values("requirement_id"))
                | Q(pk__in=by_point.values("requirement_id"))
            )
            .exclude(
                pk__in=by_division.exclude(division_id__in=division_ids).values("requirement_id")
            )
            .exclude(
                pk__in=by_point.exclude(servicepoint__division_id__in=division_ids).values(
                    "requirement_id"
                )
            )
        )


class Requirement(models.Model):
    """Who must complete which module, by when.

    The audience is a combination of divisions, service points and roles: within each
    dimension any listed value matches; every non-empty dimension must match; an empty
    audience is the whole city.
    """

    module = models.ForeignKey(
        CoursePage,
        on_delete=models.CASCADE,
        related_name="requirements",
        verbose_name=_("module"),
    )
    module_key = models.UUIDField(editable=False, db_index=True)
    divisions = models.ManyToManyField(Division, blank=True, verbose_name=_("divisions"))
    service_points = models.ManyToManyField(
        ServicePoint, blank=True, verbose_name=_("service points")
    )
    roles = models.ManyToManyField(Role, blank=True, verbose_name=_("roles"))
    due_days = models.PositiveIntegerField(_("due days after start date"), null=True, blank=True)
    due_date = models.DateField(_("fixed due date"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = RequirementQuerySet.as_manager()

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_days__isnull=False, due_date__isnull=True)
                | Q(due_days__isnull=True, due_date__isnull=False),
                name="requirement_one_due_rule",
            )
        ]

    def __str__(self) -> str:
        return str(self.module)

    def save(self, *args, **kwargs):
        self.module_key = self.module.translation_key
        super().save(*args, **kwargs)

    @admin.display(description=_("audience"))
    def audience_display(self) -> str:
        """Audience in words (uses prefetched divisions / service points / roles)."""
        parts = [d.name for d in self.divisions.all()]
        parts += [p.name for p in self.service_points.all()]
        parts += [r.name for r in self.roles.all()]
        return ", ".join(parts) or str(_("Whole city"))

    @admin.display(description=_("due"))
    def due_rule_display(self) -> str:
        if self.due_date:
            return self.due_date.isoformat()
        return str(_("%(days)s days after the start date") % {"days": self.due_days})

    def clean(self):
        if (self.due_days is None) == (self.due_date is None):
            raise ValidationError(
                _("Give either the days after the start date or a fixed due date, not both.")
            )


# --- learning records --------------------------------------------------------------------


class ModuleCycle(models.Model):
    """One person's pass through one module (summary row). A new cycle starts when the
    previous certificate expires or the module requires retraining."""

    class Source(models.TextChoices):
        PLATFORM = "platform", _("on the platform")
        IMPORTED = "imported", _("recorded by HR")

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="cycles", verbose_name=_("staff member")
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    number = models.PositiveIntegerField(_("cycle"), default=1)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=16, choices=Source.choices, default=Source.PLATFORM
    )
    source_note = models.CharField(_("source note"), max_length=255, blank=True)
    invalidated_at = models.DateTimeField(_("invalidated"), null=True, blank=True)
    invalidation_reason = models.CharField(_("invalidation reason"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("module cycle")
        verbose_name_plural = _("module cycles")
        constraints = [
            models.UniqueConstraint(
                fields=["staff", "module_key", "number"], name="one_cycle_per_number"
            ),
        ]
        indexes = [models.Index(fields=["module_key", "completed_at"])]

    def __str__(self) -> str:
        return f"{self.staff} / {self.module_key} #{self.number}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    def is_valid(self, *, retraining_since=None, today=None) -> bool:
        """Completed, not invalidated, not expired on `today`, and not older than the
        module's `retraining_since` (pass it in; this method does no queries)."""
        if self.completed_at is None or self.invalidated_at is not None:
            return False
        today = today or timezone.localdate()
        if self.expires_on is not None and self.expires_on < today:
            return False
        if retraining_since is not None and self.completed_at < retraining_since:
            return False
        return True


class LessonProgress(models.Model):
    cycle = models.ForeignKey(ModuleCycle, on_delete=models.CASCADE, related_name="lessons_done")
    lesson_key = models.UUIDField(_("lesson"))
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "lesson_key"], name="one_progress_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.cycle} / {self.lesson_key}"
