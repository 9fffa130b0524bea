"""Celery tasks of the certificates app. Each takes ids and is idempotent."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError

logger = logging.getLogger(__name__)

SWEEP_BATCH = 500


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def issue_certificate(self, cycle_id: int) -> int | None:
    """Issue the certificate of a completed cycle (once), then queue its PDF."""
    from certificates.services import CertificateError, issue_for_cycle, queue_pdf

    try:
        certificate, created = issue_for_cycle(cycle_id)
    except CertificateError:
        # E.g. the module's pages were deleted; the sweep tries again later.
        logger.exception("cannot issue a certificate for cycle %s", cycle_id)
        return None
    if certificate is None:
        return None
    if created or not certificate.pdf:
        queue_pdf(certificate.pk)
    return certificate.pk


@shared_task(bind=True, acks_late=True)
def render_certificate_pdf(self, certificate_id: int, force: bool = False) -> str | None:
    """Render and store the PDF unless it is already in storage."""
    from certificates.models import Certificate
    from certificates.pdf import ensure_pdf

    certificate = Certificate.objects.select_related("staff").filter(pk=certificate_id).first()
    if certificate is None:
        return None
    try:
        ensure_pdf(certificate, force=force)
    except Exception:
        # Never let a PDF problem undo or block the completion that queued it (tasks run
        # in-process without a broker). The sweep and the download view render it again.
        logger.exception("rendering the PDF of certificate %s failed", certificate_id)
        return None
    return certificate.pdf.name


@shared_task
def sweep_certificates(render_missing_pdfs: bool = True) -> dict:
    """Issue certificates a broker outage left unissued; queue PDFs that are missing.

    Runs from Celery beat; safe to run at any time and any number of times."""
    from certificates.models import Certificate
    from certificates.services import CertificateError, issue_for_cycle, queue_pdf

    issued = 0
    just_issued: list[int] = []
    cycle_ids = list(_missing_cycles().order_by("pk").values_list("pk", flat=True)[:SWEEP_BATCH])
    for cycle_id in cycle_ids:
        try:
            certificate, created = issue_for_cycle(cycle_id)
        except CertificateError:
            logger.exception("cannot issue a certificate for cycle %s", cycle_id)
            continue
        if created:
            issued += 1
            just_issued.append(certificate.pk)
            queue_pdf(certificate.pk)
    queued = 0
    if render_missing_pdfs:
        # Only rows with no file name; files lost from storage are re-rendered on download.
        # Not for anonymised holders: their PDF (which prints the name) was removed on purpose.
        missing = Certificate.objects.filter(pdf="", staff__anonymised_at__isnull=True).exclude(
            pk__in=just_issued
        )
        for pk in missing.values_list("pk", flat=True)[:SWEEP_BATCH]:
            queue_pdf(pk)
            queued += 1
    if issued or queued:
        logger.info("certificate sweep: issued %s, PDFs queued %s", issued, queued)
    return {"issued": issued, "pdfs_queued": queued}


def _missing_cycles():
    from certificates.services import cycles_missing_certificates

    return cycles_missing_certificates()
