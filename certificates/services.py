"""Issuing and revoking certificates: the few functions that change certificate state.

`issue_for_cycle` is idempotent: the one-to-one constraint on `Certificate.cycle` makes
a second certificate for the same completion cycle impossible, so a task delivered
twice, a retry, a sweep and a racing completion all end with the same single row.
"""

from __future__ import annotations

import datetime
import logging

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Locale

from certificates.models import Certificate
from courses.models import CoursePage, ModuleCycle
from learning.queueing import publish_on_commit
from organisation.models import AuditEvent

logger = logging.getLogger(__name__)


class CertificateError(Exception):
    """A certificate cannot be issued or changed as asked."""


def module_pages(module_key) -> dict[str, CoursePage]:
    """The module's pages by language code (every translation, live or not)."""
    pages = CoursePage.objects.filter(translation_key=module_key).select_related("locale")
    return {p.locale.language_code: p for p in pages}


def module_page_in(module_key, language: str) -> CoursePage | None:
    """The module's page in `language`, else Finnish, else any translation."""
    pages = module_pages(module_key)
    if not pages:
        return None
    default = Locale.get_default().language_code if Locale.objects.exists() else "fi"
    return (
        pages.get(language) or pages.get(default) or pages.get("fi") or next(iter(pages.values()))
    )


def expiry_for(issued_on: datetime.date, validity_months: int | None) -> datetime.date | None:
    """Issue date + the module's validity in months; None when it never expires."""
    if not validity_months:
        return None
    return issued_on + relativedelta(months=validity_months)


def certificate_fields_for(cycle: ModuleCycle) -> dict:
    """What a new certificate for `cycle` says: title in the holder's language, dates."""
    staff = cycle.staff
    language = staff.language or "fi"
    page = module_page_in(cycle.module_key, language)
    if page is None:
        raise CertificateError(f"module {cycle.module_key} has no page")
    source_page = module_page_in(cycle.module_key, "fi") or page
    issued_on = timezone.localdate(cycle.completed_at)
    # The cycle's own validity date wins (courses sets it when the cycle completes);
    # otherwise the module's validity counted from the completion date.
    expires_on = cycle.expires_on or expiry_for(issued_on, source_page.validity_months)
    if expires_on is not None and expires_on <= issued_on:
        expires_on = None
    if page.locale.language_code != language:
        language = page.locale.language_code
    return {
        "staff": staff,
        "module_key": cycle.module_key,
        "title": page.title[:255],
        "language": language,
        "issued_on": issued_on,
        "expires_on": expires_on,
    }


def issue_for_cycle(cycle_or_id: ModuleCycle | int) -> tuple[Certificate | None, bool]:
    """Issue the certificate of a completed cycle; (certificate, created).

    Returns (None, False) when the cycle is not (or no longer) completed. Safe to call
    any number of times, concurrently: the unique constraint decides the single winner.
    """
    cycle_id = cycle_or_id.pk if isinstance(cycle_or_id, ModuleCycle) else cycle_or_id
    existing = Certificate.objects.filter(cycle_id=cycle_id).first()
    if existing is not None:
        return existing, False
    cycle = ModuleCycle.objects.select_related("staff").filter(pk=cycle_id).first()
    if cycle is None or cycle.completed_at is None or cycle.invalidated_at is not None:
        return None, False
    fields = certificate_fields_for(cycle)
    try:
        with transaction.atomic():
            certificate = _create_audited(cycle, fields)
    except IntegrityError:
        # Someone else issued it between our check and our insert (or, vanishingly
        # unlikely, the random code collided: then the retry below makes a new one).
        certificate = Certificate.objects.filter(cycle_id=cycle_id).first()
        if certificate is not None:
            return certificate, False
        with transaction.atomic():
            certificate = _create_audited(cycle, fields)
    logger.debug("issued certificate %s for cycle %s", certificate.pk, cycle_id)
    return certificate, True


def _create_audited(cycle: ModuleCycle, fields: dict) -> Certificate:
    """The certificate row and its audit record, in the caller's transaction."""
    certificate = Certificate.objects.create(cycle=cycle, **fields)
    AuditEvent.record(
        None,
        "certificate.issue",
        f"certificate:{certificate.pk}",
        code=certificate.code,
        staff=cycle.staff.employee_id,
        module_key=str(certificate.module_key),
    )
    return certificate


def queue_issue(cycle_id: int) -> None:
    """Queue the issuing task once the current transaction commits (best-effort: the
    completed cycle without a certificate is the outbox row the sweep picks up)."""
    publish_on_commit("certificates.tasks.issue_certificate", cycle_id)


def queue_pdf(certificate_id: int) -> None:
    publish_on_commit("certificates.tasks.render_certificate_pdf", certificate_id)


def cycles_missing_certificates():
    """Completed, not invalidated cycles without a certificate."""
    return ModuleCycle.objects.filter(
        completed_at__isnull=False, invalidated_at__isnull=True, certificate__isnull=True
    )


def revoke(certificate: Certificate, actor, reason: str) -> Certificate:
    """Revoke `certificate` with a reason; audit it; the module becomes required again.

    The caller has checked that `actor` may revoke it (HR with the holder in scope)."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError("a reason is required")
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is not None:
            raise CertificateError("already revoked")
        locked.revoked_at = timezone.now()
        locked.revoked_by = actor if getattr(actor, "is_authenticated", False) else None
        locked.revocation_reason = reason
        locked.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        AuditEvent.record(
            actor,
            "certificate.revoke",
            f"certificate:{locked.pk}",
            code=locked.code,
            staff=locked.staff.employee_id,
            module_key=str(locked.module_key),
            reason=reason,
        )
        _invalidate_cycle(locked, reason)
    return locked


def _invalidate_cycle(certificate: Certificate, reason: str) -> None:
    try:
        from courses.services import invalidate_cycle
    except ImportError:  # pragma: no cover - courses.services is part of the platform
        logger.warning("courses.services.invalidate_cycle is not available")
        return
    invalidate_cycle(certificate.cycle, reason)
