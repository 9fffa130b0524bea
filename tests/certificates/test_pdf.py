import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.pdf import ensure_pdf, pdf_exists, render_pdf_bytes
from certificates.services import issue_for_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(cycle):
    certificate, _ = issue_for_cycle(cycle)
    return Certificate.objects.select_related("staff").get(pk=certificate.pk)


@pytest.fixture
def pdf_bytes(certificate):
    return render_pdf_bytes(certificate)


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def test_pdf_holds_name_with_diacritics_title_in_holders_language_and_code(certificate, pdf_bytes):
    text = _text(pdf_bytes)
    assert "Åsa Mäkelä-Öberg" in text
    assert "Möten och mångfald" in text
    assert certificate.grouped_code in text
    assert "Intyg" in text  # Swedish, the holder's language
    assert "KUNDTJÄNSTPROGRAMMET" in text.upper()
    assert "2.3.2028" in text or "2 mars 2028" in text  # expiry is printed


def test_pdf_embeds_subset_fonts_only(pdf_bytes):
    # Subsetting keeps the file small: the full DejaVu/Noto fonts are hundreds of kB.
    assert len(pdf_bytes) < 120_000


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_qr_code_in_the_pdf_decodes_to_the_verification_url(certificate, pdf_bytes):
    import zxingcpp
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "c.pdf"
        source.write_bytes(pdf_bytes)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "150", "-singlefile", str(source), str(Path(tmp) / "page")],
            check=True,
        )
        image = Image.open(Path(tmp) / "page.png")
        results = zxingcpp.read_barcodes(image)
    texts = [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert texts == [f"https://oppiminen.example.fi/sv/verify/{certificate.code}/"]


def test_missing_pdf_is_regenerated(certificate):
    ensure_pdf(certificate)
    assert pdf_exists(certificate)
    from django.core.files.storage import default_storage

    default_storage.delete(certificate.pdf.name)
    assert not pdf_exists(certificate)
    ensure_pdf(certificate)
    assert pdf_exists(certificate)
