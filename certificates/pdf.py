"""Certificate PDFs: WeasyPrint from an HTML template with print CSS, in the holder's
language, with a QR code of the public verification URL.

Fonts come from the system through fontconfig (DejaVu Sans / Noto Sans cover Finnish,
Swedish and most names from other languages). The font configuration and the parsed
stylesheet are built once per process (a worker renders many certificates) and reused;
with libharfbuzz-subset installed WeasyPrint subsets the embedded fonts with HarfBuzz,
which keeps a certificate close to the cost of a minimal one-page document.
"""

from __future__ import annotations

import functools
import logging
import unicodedata

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

from certificates.models import Certificate, signatory_for

# WeasyPrint logs every rendering step at INFO; a worker renders thousands.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

TEMPLATE = "certificates/certificate_pdf.html"
QR_MASK = 2
STYLESHEET = "certificates/certificate_pdf.css"


@functools.cache
def font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@functools.cache
def stylesheet():
    """The print stylesheet, parsed once per process."""
    from weasyprint import CSS

    path = finders.find(STYLESHEET)
    with open(path, encoding="utf-8") as fh:
        return CSS(string=fh.read(), font_config=font_config())


def qr_png_data_uri(url: str) -> str:
    """A QR code of `url` as a PNG data URI, one pixel per module.

    The stylesheet scales it with `image-rendering: pixelated` (no interpolation), so it
    prints crisp; a PNG costs WeasyPrint a fraction of the time of the equivalent SVG.
    The data mask is fixed: every mask is a valid QR code, and scoring all eight in pure
    Python would cost more than the rest of the page's preparation (about 15 ms)."""
    qr = segno.make(url, error="m", micro=False, mask=QR_MASK)
    return qr.png_data_uri(scale=1, border=4, dark="#000", light="#fff")


def certificate_html(certificate: Certificate) -> str:
    language = certificate.language or "fi"
    url = certificate.verification_url(language)
    with translation.override(language):
        return render_to_string(
            TEMPLATE,
            {
                "certificate": certificate,
                "holder_name": certificate.staff.full_name,
                "programme_name": settings.PROGRAMME_NAME,
                "verification_url": url,
                "qr_data_uri": qr_png_data_uri(url),
                "signatory": signatory_for(language),
                "language": language,
            },
        )


def render_html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url or settings.SITE_BASE_URL).write_pdf(
        stylesheets=[stylesheet()], font_config=font_config()
    )


def render_pdf_bytes(certificate: Certificate) -> bytes:
    return render_html_to_pdf(certificate_html(certificate))


def pdf_filename(certificate: Certificate) -> str:
    """The stored file's name: ASCII only, no personal data beyond the record id."""
    return f"certificate-{certificate.pk}-{certificate.code[:8].lower()}.pdf"


def download_filename(certificate: Certificate) -> str:
    """A human filename for the download (may contain non-ASCII letters)."""
    name = f"{certificate.title} {certificate.staff.full_name} {certificate.issued_on:%Y-%m-%d}"
    cleaned = "".join(ch if (ch.isalnum() or ch in " -_.") else " " for ch in name)
    cleaned = "-".join(cleaned.split())[:120] or "certificate"
    return f"{cleaned}.pdf"


def ascii_filename(name: str) -> str:
    normalised = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    safe = "".join(ch if (ch.isalnum() or ch in "-_.") else "-" for ch in normalised)
    return safe.strip("-.") or "certificate.pdf"


def pdf_exists(certificate: Certificate) -> bool:
    return bool(certificate.pdf) and default_storage.exists(certificate.pdf.name)


def ensure_pdf(certificate: Certificate, force: bool = False) -> Certificate:
    """Render and store the PDF unless it is already in storage."""
    if not force and pdf_exists(certificate):
        return certificate
    data = render_pdf_bytes(certificate)
    old_name = certificate.pdf.name if certificate.pdf else None
    certificate.pdf.save(pdf_filename(certificate), ContentFile(data), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old_name and old_name != certificate.pdf.name and default_storage.exists(old_name):
        default_storage.delete(old_name)
    return certificate
