"""The module catalogue: search, topic filter, required/optional filter."""

from __future__ import annotations

from django.db.models import Count
from taggit.models import Tag

from courses.models import CoursePage
from courses.progress import valid_completions
from courses.requirements import required_modules
from organisation.models import staff_for_user

KINDS = ("required", "optional")


def catalogue_context(request, index) -> dict:
    """Modules under `index`, filtered by the GET parameters `q` (text search), `topic` (tag
    slug) and `kind` (required / optional). Unknown values are ignored. Constant queries."""
    query = request.GET.get("q", "").strip()[:100]
    topic = request.GET.get("topic", "").strip()[:100]
    kind = request.GET.get("kind", "")
    kind = kind if kind in KINDS else ""

    modules = CoursePage.objects.live().child_of(index)
    topics = list(
        Tag.objects.filter(courses_coursepagetag_items__content_object__in=modules.values("pk"))
        .annotate(modules=Count("courses_coursepagetag_items"))
        .order_by("name")
    )
    if topic not in {t.slug for t in topics}:
        topic = ""
    if query:
        matching = [page.pk for page in modules.search(query, operator="or")]
        modules = modules.filter(pk__in=matching)
    if topic:
        modules = modules.filter(tagged_items__tag__slug=topic)
    staff = staff_for_user(request.user)
    required = {r.module_key: r.due_date for r in required_modules(staff)} if staff else {}
    if kind == "required":
        modules = modules.filter(translation_key__in=list(required))
    elif kind == "optional":
        modules = modules.exclude(translation_key__in=list(required))
    modules = list(
        modules.select_related("image").prefetch_related("tagged_items__tag").order_by("title")
    )
    completed = valid_completions(staff, modules) if staff and modules else {}
    for module in modules:
        module.completed = module.translation_key in completed
        module.valid_until = completed.get(module.translation_key)
        module.required_due = required.get(module.translation_key)
        module.topic_list = [item.tag for item in module.tagged_items.all()]
    return {
        "modules": modules,
        "topics": topics,
        "query": query,
        "topic": topic,
        "kind": kind,
        "has_staff": staff is not None,
    }
