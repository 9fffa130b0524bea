"""Everything the platform holds about one person, for an access request (GDPR Art. 15).

`export_zip(staff)` gives a ZIP with `personal-data.json` (every section, machine-readable)
and `summary.html` (the same, readable, in the person's language). HR downloads it from the
person's staff page; `manage.py export_personal_data EMPLOYEE_ID` writes it to a file. Both
are recorded in the audit trail (`privacy.access_export`).

What it covers: the staff record and user account, what is required of them and by when,
completion cycles with lesson progress, quiz attempts with the answers given and whether
each question was answered right (not the answer key), certificates, notifications,
reminder pauses, invitations, login sessions, and the audit rows by or about them. This
module lives in `reports` because it reads every app (DESIGN.md: reports may read all)."""

from __future__ import annotations

import datetime
import io
import json
import uuid
import zipfile
from decimal import Decimal

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from assessments.models import Attempt
from certificates.models import Certificate
from courses.models import CoursePage, ModuleCycle
from courses.requirements import required_modules
from organisation.models import AuditEvent, Invitation, StaffMember, UserSession
from reminders.models import Notification, ReminderPause

# The readable summary: each section's heading and columns (the JSON keeps every field).
SECTIONS = [
    ("requirements", _("Required training"), [("module", _("module")), ("due_date", _("due"))]),
    (
        "cycles",
        _("Completions"),
        [
            ("module", _("module")),
            ("cycle", _("round")),
            ("started", _("started")),
            ("completed", _("completed")),
            ("valid_until", _("valid until")),
            ("invalidation_reason", _("invalidated because")),
        ],
    ),
    (
        "quiz_attempts",
        _("Quiz attempts"),
        [
            ("module", _("module")),
            ("submitted", _("submitted")),
            ("score", _("score")),
            ("passed", _("passed")),
        ],
    ),
    (
        "certificates",
        _("Certificates"),
        [
            ("module", _("module")),
            ("code", _("code")),
            ("issued_on", _("issued")),
            ("valid_until", _("valid until")),
            ("revoked", _("revoked")),
        ],
    ),
    (
        "notifications",
        _("E-mails sent"),
        [("created", _("created")), ("subject", _("subject")), ("status", _("status"))],
    ),
    ("invitations", _("Invitations"), [("requested", _("requested")), ("sent", _("sent"))]),
    (
        "login_sessions",
        _("Logins"),
        [("started", _("started")), ("single_sign_on", _("with the city account"))],
    ),
    (
        "audit_trail",
        _("Audit trail"),
        [
            ("at", _("when")),
            ("by", _("by")),
            ("action", _("action")),
            ("target", _("target")),
            ("address", _("address")),
        ],
    ),
]
PROFILE = [
    ("employee_id", _("employee id")),
    ("first_name", _("first name")),
    ("last_name", _("last name")),
    ("email", _("e-mail")),
    ("service_point", _("service point")),
    ("division", _("division")),
    ("role", _("role")),
    ("start_date", _("start date")),
    ("language", _("language")),
    ("active", _("active")),
    ("user_name", _("user name")),
    ("last_login", _("last login")),
    ("groups", _("groups")),
]


def _readable(value):
    return ", ".join(value) if isinstance(value, list) else value


def summary_sections(data: dict) -> list[dict]:
    """The sections as rows of cells, for the HTML summary."""
    return [
        {
            "title": title,
            "columns": [label for _key, label in columns],
            "rows": [[row.get(key) for key, _label in columns] for row in data[name]],
        }
        for name, title, columns in SECTIONS
    ]


def _titles(keys: set, language: str) -> dict:
    pages = CoursePage.objects.filter(translation_key__in=keys).select_related("locale")
    titles: dict = {}
    for page in pages:
        if page.translation_key not in titles or page.locale.language_code == language:
            titles[page.translation_key] = page.title
    return titles


def collect(staff: StaffMember) -> dict:
    """The sections of the export, as plain data."""
    user = staff.user
    required = required_modules(staff)
    cycles = list(
        ModuleCycle.objects.filter(staff=staff).prefetch_related("lessons_done").order_by("pk")
    )
    attempts = list(
        Attempt.objects.filter(staff=staff).prefetch_related("responses").order_by("pk")
    )
    certificates = list(Certificate.objects.filter(staff=staff).order_by("pk"))
    keys = (
        {r.module_key for r in required}
        | {c.module_key for c in cycles}
        | {a.module_key for a in attempts}
        | {c.module_key for c in certificates}
    )
    titles = _titles(keys, staff.language)
    targets = [user.get_username(), staff.employee_id] + [
        f"certificate:{c.pk}" for c in certificates
    ]
    audit = AuditEvent.objects.filter(Q(actor=user) | Q(target__in=targets)).order_by("at")
    return {
        "exported_at": timezone.now(),
        "profile": {
            "employee_id": staff.employee_id,
            "first_name": staff.first_name,
            "last_name": staff.last_name,
            "email": staff.email,
            "service_point": str(staff.service_point),
            "division": str(staff.service_point.division),
            "role": str(staff.role),
            "start_date": staff.start_date,
            "language": staff.language,
            "active": staff.active,
            "supervises": [str(p) for p in staff.supervises.all()],
            "user_name": user.get_username(),
            "account_active": user.is_active,
            "joined": user.date_joined,
            "last_login": user.last_login,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "requirements": [
            {"module": titles.get(r.module_key, str(r.module_key)), "due_date": r.due_date}
            for r in required
        ],
        "cycles": [
            {
                "module": titles.get(c.module_key, str(c.module_key)),
                "cycle": c.number,
                "started": c.started_at,
                "completed": c.completed_at,
                "valid_until": c.expires_on,
                "source": c.source,
                "source_note": c.source_note,
                "invalidated": c.invalidated_at,
                "invalidation_reason": c.invalidation_reason,
                "lessons_done": [
                    {"lesson": str(p.lesson_key), "completed": p.completed_at}
                    for p in c.lessons_done.all()
                ],
            }
            for c in cycles
        ],
        "quiz_attempts": [
            {
                "module": titles.get(a.module_key, str(a.module_key)),
                "language": a.language,
                "started": a.started_at,
                "submitted": a.submitted_at,
                "score": a.score,
                "passed": a.passed,
                "answers": a.answers,
                "questions_answered_right": {
                    r.question_id: r.question_correct for r in a.responses.all()
                },
            }
            for a in attempts
        ],
        "certificates": [
            {
                "module": titles.get(c.module_key, str(c.module_key)),
                "code": c.code,
                "issued_on": c.issued_on,
                "valid_until": c.expires_on,
                "revoked": c.revoked_at,
                "revocation_reason": c.revocation_reason,
            }
            for c in certificates
        ],
        "notifications": [
            {
                "kind": n.kind,
                "subject": n.subject,
                "email": n.email,
                "status": n.status,
                "created": n.created_at,
                "sent": n.sent_at,
            }
            for n in Notification.objects.filter(staff=staff).order_by("pk")
        ],
        "reminder_pauses": [
            {"until": p.until, "reason": p.reason}
            for p in ReminderPause.objects.filter(staff=staff).order_by("pk")
        ],
        "invitations": [
            {"requested": i.created_at, "sent": i.sent_at}
            for i in Invitation.objects.filter(staff=staff).order_by("pk")
        ],
        "login_sessions": [
            {"started": s.created_at, "single_sign_on": bool(s.sso_subject)}
            for s in UserSession.objects.filter(user=user).order_by("pk")
        ],
        "audit_trail": [
            {
                "at": e.at,
                "by": e.actor_name,
                "action": e.action,
                "target": e.target,
                "address": e.address,
                "details": e.details,
            }
            for e in audit
        ],
    }


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    raise TypeError(f"not exportable: {type(value).__name__}")


def export_zip(staff: StaffMember, *, by=None, request=None) -> bytes:
    """The ZIP of one person's data; the export itself is audited."""
    data = collect(staff)
    with translation.override(staff.language):
        summary = render_to_string(
            "reports/personal_data_summary.html",
            {
                "staff": staff,
                "language": staff.language,
                "exported_at": data["exported_at"],
                "profile": [(label, _readable(data["profile"][key])) for key, label in PROFILE],
                "sections": summary_sections(data),
            },
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "personal-data.json",
            json.dumps(data, default=_plain, ensure_ascii=False, indent=2),
        )
        archive.writestr("summary.html", summary)
    AuditEvent.record(by, "privacy.access_export", staff.employee_id, request=request)
    return out.getvalue()
