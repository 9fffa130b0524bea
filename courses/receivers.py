"""Reactions of courses to Wagtail events (connected in CoursesConfig.ready)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.signals import page_published

from courses.models import CoursePage


def mark_retraining(sender, instance, revision=None, **kwargs):
    """Publishing a module with "requires retraining" ticked: every translation of it gets
    `retraining_since = now` and the box is unticked again (also in the published revision,
    so the editor's next draft does not start ticked). Completions before this moment no
    longer count (see `ModuleCycle.is_valid`)."""
    if not getattr(instance, "requires_retraining", False):
        return
    now = timezone.now()
    with transaction.atomic():
        CoursePage.objects.filter(translation_key=instance.translation_key).update(
            retraining_since=now, requires_retraining=False
        )
        if revision is not None and isinstance(revision.content, dict):
            revision.content["requires_retraining"] = False
            revision.save(update_fields=["content"])
    instance.retraining_since, instance.requires_retraining = now, False


def connect() -> None:
    page_published.connect(mark_retraining, sender=CoursePage, dispatch_uid="courses-retraining")
