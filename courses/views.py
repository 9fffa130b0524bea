"""Learner views of lessons: reading enrols, "Mark as done and continue" records progress.

A learner only ever writes their own progress: the staff member comes from the logged-in
user, never from the request. The POST form carries the CSRF token and `action=done`, nothing
else; anything else is answered with 400 and records nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses import services
from courses.models import CoursePage, LessonPage
from courses.progress import lesson_context, next_after
from organisation.models import staff_for_user

ALLOWED_FIELDS = {"csrfmiddlewaretoken", "action"}


def bad_request(request, message: str) -> TemplateResponse:
    return TemplateResponse(request, "courses/bad_request.html", {"message": message}, status=400)


def lesson_page(request, lesson: LessonPage, *args, **kwargs):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    module = lesson.get_parent().specific
    if not isinstance(module, CoursePage) or not module.live or not lesson.live:
        raise Http404
    staff = staff_for_user(request.user)

    if request.method == "POST":
        if staff is None:
            return bad_request(request, _("Only staff members can record their progress."))
        if set(request.POST) - ALLOWED_FIELDS or request.POST.getlist("action") != ["done"]:
            return bad_request(request, _("The form was not valid. Nothing was recorded."))
        services.mark_lesson_done(staff, lesson)
        messages.success(request, _("Lesson marked as done."))
        return redirect(next_after(staff, lesson, module).get_url(request))
    if request.method not in ("GET", "HEAD"):
        return bad_request(request, _("Unsupported request."))

    context = lesson.get_context(request, *args, **kwargs)
    context.update(lesson_context(staff, lesson, module, enrol=True))
    return TemplateResponse(request, "courses/lesson_page.html", context)


def lesson_preview(request, lesson: LessonPage):
    """Wagtail preview of a (possibly unsaved or unpublished) lesson for editors."""
    try:
        module = lesson.get_parent().specific if lesson.path else None
    except Exception:  # an unsaved page may not have a resolvable parent yet
        module = None
    context = lesson.get_context(request)
    if isinstance(module, CoursePage):
        context.update(lesson_context(None, lesson, module))
    context.update({"staff": None, "preview": True})
    return TemplateResponse(request, "courses/lesson_page.html", context)
