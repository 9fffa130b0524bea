"""Benchmark: a certificate PDF against a minimal one-page WeasyPrint document.

    RUN_BENCH=1 .venv/bin/python -m pytest tests/perf/bench_certificate_pdf.py -s -n 0

Prints the median time of each and their ratio. Both run in the same process after a
warm-up, with the certificate's font configuration and stylesheet cached as in a worker.
"""

import datetime
import os
import statistics
import time

import pytest

pytestmark = pytest.mark.skipif(
    os.environ.get("RUN_BENCH") != "1", reason="benchmark: set RUN_BENCH=1 to run"
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
MINIMAL_HTML = "<!DOCTYPE html><html><body><p>Hello, world.</p></body></html>"


def _medians_ms(a, b, rounds: int = ROUNDS) -> tuple[float, float]:
    """Median wall time of `a` and of `b`, run alternately so that load from other
    processes on the machine affects both alike."""
    for _ in range(3):
        a()  # warm-up: fonts, caches, imports
        b()
    times_a, times_b = [], []
    for _ in range(rounds):
        for fn, times in ((a, times_a), (b, times_b)):
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times_a), statistics.median(times_b)


@pytest.mark.django_db
def test_certificate_pdf_costs_close_to_a_minimal_document():
    from weasyprint import HTML
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    from certificates.models import Certificate, new_code
    from certificates.pdf import render_pdf_bytes
    from organisation.models import StaffMember

    certificate = Certificate(
        pk=1,
        staff=StaffMember(first_name="Åsa", last_name="Mäkelä-Öberg", language="sv"),
        title="Möten och mångfald i kundservicen",
        language="sv",
        issued_on=datetime.date(2026, 3, 2),
        expires_on=datetime.date(2028, 3, 2),
        code=new_code(),
    )
    harfbuzz_subsetting = bool(harfbuzz_subset) and bool(harfbuzz.hb_version_atleast(4, 1, 0))

    minimal_ms, certificate_ms = _medians_ms(
        lambda: HTML(string=MINIMAL_HTML).write_pdf(),
        lambda: render_pdf_bytes(certificate),
    )
    ratio = certificate_ms / minimal_ms
    print(
        f"\nminimal one-page document: {minimal_ms:.1f} ms (median of {ROUNDS})"
        f"\ncertificate PDF:           {certificate_ms:.1f} ms (median of {ROUNDS})"
        f"\nratio:                     {ratio:.2f}"
        f"\nHarfBuzz subsetting:       {'yes' if harfbuzz_subsetting else 'no (fontTools)'}"
        f"\nCPU cores:                 {os.cpu_count()}"
    )
