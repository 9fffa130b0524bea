"""Learner views (quiz page, submit, result) and the admin reports (question statistics for
editors, a person's attempts for HR and supervisors). Thin: the rules live in services."""

from __future__ import annotations

import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from assessments import grading, services
from assessments.models import Attempt, QuizPage
from certificates.selectors import certificate_of_cycle
from organisation.models import AuditEvent, StaffMember, can_see_reports, is_hr, staff_for_user

# --- helpers ------------------------------------------------------------------------------


def _learner(request) -> StaffMember:
    staff = staff_for_user(request.user)
    if staff is None:
        raise PermissionDenied(_("Quizzes are for staff members."))
    return staff


def localized_quiz(quiz_key) -> QuizPage | None:
    """The live quiz page for `quiz_key` in the active language, else any live one."""
    pages = list(QuizPage.objects.live().filter(translation_key=quiz_key).select_related("locale"))
    language = get_language()
    for page in pages:
        if page.locale.language_code == language:
            return page
    return pages[0] if pages else None


def _texts_in_language_of(page: QuizPage, attempt: Attempt) -> dict:
    """Question and option texts of `page` by id, when the learner now views the quiz in
    another language than the one the attempt was started in; else {}. Only texts: what
    is graded stays the snapshot."""
    if attempt.language == page.locale.language_code:
        return {}
    texts = {}
    for block in page.questions:
        value = block.value
        if block.block_type == "true_false":
            texts[block.id] = (value["statement"], {"true": _("True"), "false": _("False")})
        else:
            options = {child.id: child.value["text"] for child in value["options"].bound_blocks}
            texts[block.id] = (value["question"], options)
    return texts


def _form_response(request, page, attempt, *, answers=None, missing=(), status=200):
    questions = grading.public_questions(attempt.snapshot)
    answers = answers or {}
    missing = set(missing)
    localized = _texts_in_language_of(page, attempt)
    for q in questions:
        if q["id"] in localized:
            q["text"], options = localized[q["id"]]
            for option in q["options"]:
                option["text"] = options.get(option["id"], option["text"])
        q["chosen"] = answers.get(q["id"], [])
        q["error"] = q["id"] in missing
    context = {
        "page": page,
        "self": page,
        "attempt": attempt,
        "questions": questions,
        "missing_questions": [q for q in questions if q["error"]],
    }
    return TemplateResponse(request, "assessments/attempt_form.html", context, status=status)


# --- learner ------------------------------------------------------------------------------


def quiz_page(request, page: QuizPage):
    """GET: the open attempt's form, or the quiz's status with a start button.
    POST: start an attempt (then GET again)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    staff = _learner(request)
    if request.method == "POST":
        try:
            services.start_attempt(staff, page)
        except services.AttemptNotAllowed as exc:
            messages.error(request, exc.message)
        return redirect(page.get_url(request), permanent=False)
    if request.method != "GET":
        return TemplateResponse(request, "assessments/submit_error.html", {}, status=405)
    status = services.quiz_status(staff, page)
    if status.open_attempt is not None:
        attempt = Attempt.objects.get(pk=status.open_attempt.pk)
        return _form_response(request, page, attempt)
    context = {
        "page": page,
        "self": page,
        "status": status,
        "module": page.get_parent(),
    }
    return TemplateResponse(request, "assessments/quiz_page.html", context)


@require_POST
@login_required
def submit(request, pk: int):
    # Only the id is needed here: one light query (the hot path of the quiz).
    staff = (
        StaffMember.objects.filter(user_id=request.user.pk, active=True)
        .values_list("pk", flat=True)
        .first()
    )
    if staff is None:
        raise PermissionDenied(_("Quizzes are for staff members."))
    try:
        outcome = services.submit_attempt(staff, pk, request.POST)
    except Attempt.DoesNotExist:
        raise Http404(_("No such attempt."))
    except services.TamperedSubmission as exc:
        attempt = get_object_or_404(Attempt.objects.defer("snapshot"), pk=pk, staff=staff)
        page = localized_quiz(attempt.quiz_key)
        context = {"message": exc.message, "page": page, "quiz_url": page.url if page else None}
        return TemplateResponse(request, "assessments/submit_error.html", context, status=400)
    except services.IncompleteSubmission as exc:
        page = localized_quiz(exc.attempt.quiz_key)
        if page is None:
            raise Http404(_("This quiz is no longer available."))
        return _form_response(
            request, page, exc.attempt, answers=exc.answers, missing=exc.missing, status=400
        )
    if not outcome.graded_now:
        messages.warning(
            request,
            _(
                "This attempt had already been submitted, perhaps in another tab or window. "
                "The answers you just sent were not graded again; below is the result of the "
                "first submission."
            ),
        )
    elif outcome.timed_out:
        messages.error(
            request,
            _(
                "The time limit had passed when your answers arrived, so they were not "
                "scored and this attempt does not pass."
            ),
        )
    return redirect("assessments:result", pk=pk)


@require_GET
@login_required
def result(request, pk: int):
    staff = _learner(request)
    attempt = get_object_or_404(Attempt.objects.filter(staff=staff).select_related("cycle"), pk=pk)
    page = localized_quiz(attempt.quiz_key)
    if attempt.is_open:
        if page is None:
            raise Http404(_("This quiz is no longer available."))
        return redirect(page.get_url(request))
    status = services.quiz_status(staff, page) if page is not None else None
    context = {
        "page": page,
        "attempt": attempt,
        "rows": grading.result_rows(attempt.snapshot, attempt.answers),
        "status": status,
        "module": page.get_parent() if page is not None else None,
        "now": timezone.now(),
        **_certificate_news(attempt),
    }
    return TemplateResponse(request, "assessments/result.html", context)


def _certificate_news(attempt: Attempt) -> dict:
    """After a pass that completed the module: the certificate, or word that it is on its
    way (it is issued in the background and a broker outage can delay it)."""
    cycle = attempt.cycle
    if not attempt.passed or cycle.completed_at is None or cycle.invalidated_at is not None:
        return {"module_completed": False}
    return {"module_completed": True, "certificate": certificate_of_cycle(cycle.pk)}


def quiz_preview(request, page: QuizPage):
    """Editors' preview: every question of the pool with its key and feedback."""
    snapshot = grading.build_snapshot(_unshuffled(page), random.Random(0))  # noqa: S311
    rows = grading.result_rows(snapshot, {})
    for row, q in zip(rows, snapshot["questions"], strict=True):
        row["options"] = q["options"]
        row["type"] = q["type"]
        row["partial_credit"] = q["partial_credit"]
    context = {"page": page, "self": page, "rows": rows}
    return TemplateResponse(request, "assessments/quiz_preview.html", context)


def _unshuffled(page: QuizPage) -> QuizPage:
    page.shuffle_questions = page.shuffle_options = False
    page.questions_per_attempt = None
    return page


# --- admin: statistics for editors ---------------------------------------------------------


def can_view_statistics(user) -> bool:
    """Editors and moderators (anyone who may edit or publish pages) and HR."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or is_hr(user):
        return True
    return PagePermissionPolicy().user_has_any_permission(user, {"change", "publish"})


def _require_statistics(request):
    if not can_view_statistics(request.user):
        raise PermissionDenied


def statistics_index(request):
    _require_statistics(request)
    quizzes = list(QuizPage.objects.select_related("locale").order_by("path"))
    parents = {
        p.path: p for p in Page.objects.filter(path__in={q.path[: -Page.steplen] for q in quizzes})
    }
    counts = {
        row["quiz_key"]: row
        for row in Attempt.objects.submitted()
        .values("quiz_key")
        .annotate(total=Count("id"), passed=Count("id", filter=Q(passed=True)))
    }
    rows = [
        {
            "quiz": q,
            "module": parents.get(q.path[: -Page.steplen]),
            "total": counts.get(q.translation_key, {}).get("total", 0),
            "passed": counts.get(q.translation_key, {}).get("passed", 0),
        }
        for q in quizzes
    ]
    return TemplateResponse(request, "assessments/admin/statistics_index.html", {"rows": rows})


def statistics_detail(request, page_id: int):
    _require_statistics(request)
    quiz = get_object_or_404(QuizPage, pk=page_id)
    stats = services.question_statistics(quiz)
    context = {"quiz": quiz, "stats": stats, "module": quiz.get_parent()}
    return TemplateResponse(request, "assessments/admin/statistics_detail.html", context)


# --- admin: a person's attempts for HR and supervisors --------------------------------------


def _require_reports(request):
    if not can_see_reports(request.user):
        raise PermissionDenied


def people_index(request):
    _require_reports(request)
    query = request.GET.get("q", "").strip()[:100]
    people = StaffMember.objects.for_user(request.user).select_related("service_point")
    if query:
        people = people.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(employee_id__iexact=query)
        )
    page = Paginator(people.order_by("last_name", "first_name", "pk"), 50).get_page(
        request.GET.get("p")
    )
    context = {"people": page, "query": query}
    return TemplateResponse(request, "assessments/admin/people_index.html", context)


def staff_attempts(request, staff_id: int):
    _require_reports(request)
    person = get_object_or_404(
        StaffMember.objects.for_user(request.user).select_related("service_point"), pk=staff_id
    )
    attempts = list(services.attempts_for_staff(person))
    titles = _quiz_titles({a.quiz_key for a in attempts})
    for a in attempts:
        a.quiz_title = titles.get(a.quiz_key, "")
    AuditEvent.record_request(
        request, "assessments.attempts_viewed", f"staff:{person.pk}", count=len(attempts)
    )
    context = {"person": person, "attempts": attempts}
    return TemplateResponse(request, "assessments/admin/staff_attempts.html", context)


def _quiz_titles(keys) -> dict:
    """Quiz titles in the active language (else any), one query."""
    titles: dict = {}
    language = get_language()
    for quiz_key, title, code in QuizPage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale__language_code"
    ):
        if quiz_key not in titles or code == language:
            titles[quiz_key] = title
    return titles
