"""An HR user of one division opens coverage, filters a service point, exports XLSX, and
cannot open another division's service point."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from home.demo.organisation import _hr_group
from tests.courses.factories import RequirementFactory, make_module
from tests.e2e import data
from tests.e2e.helpers import check_page, follow
from tests.organisation.factories import (
    DivisionFactory,
    ServicePointFactory,
    StaffMemberFactory,
    make_hr_user,
)

pytestmark = pytest.mark.e2e


def test_hr_user_filters_exports_and_stays_in_their_division(browser, site_url):
    own = DivisionFactory(code="KUVA", name_en="Culture and leisure division")
    other = DivisionFactory(code="SOTE", name_en="Social services division")
    library = ServicePointFactory(code="KUVA-LIB", name_en="Kallio library", division=own)
    pool = ServicePointFactory(code="KUVA-POOL", name_en="Swimming hall", division=own)
    clinic = ServicePointFactory(code="SOTE-CLIN", name_en="Health station", division=other)
    for point, count in ((library, 6), (pool, 5), (clinic, 5)):
        for _ in range(count):
            StaffMemberFactory(service_point=point)
    tree = make_module(lessons=1, translations=(), title="Kohtaaminen")
    RequirementFactory(module=tree.module, due_days=30)  # the whole city
    hr = make_hr_user(own, username="hanna.hr")
    hr.groups.add(_hr_group())  # HR may open the admin

    context = browser.new_context(
        base_url=site_url,
        locale="en-GB",
        viewport={"width": 1280, "height": 1000},
        accept_downloads=True,
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill("hanna.hr")
    page.locator("#id_password").fill(data.PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")

    # Reports > Coverage in the admin menu.
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Coverage").click()
    page.wait_for_url("**/admin/reports/coverage/")
    check_page(page, "hr-01-coverage")
    options = page.locator("#id_service_point option").evaluate_all(
        "options => options.map(o => o.value)"
    )
    assert "KUVA-LIB" in options and "KUVA-POOL" in options
    assert "SOTE-CLIN" not in options
    assert "SOTE" not in page.locator("main").inner_text()

    # Filter one service point.
    page.locator("#id_service_point").select_option(value="KUVA-LIB")
    with page.expect_navigation():
        page.locator("form.reports-filters button[type=submit]").click()
    assert "service_point=KUVA-LIB" in page.url
    main = page.locator("main").inner_text()
    assert "KUVA-LIB" in main and "KUVA-POOL" not in main
    check_page(page, "hr-02-coverage-filtered")

    # Export the filtered table as XLSX.
    with page.expect_download() as download_info:
        page.locator(".reports-exports").get_by_role("link", name="XLSX").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as fh:
        sheet = load_workbook(io.BytesIO(fh.read())).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert "KUVA-LIB" in cells
    assert "KUVA-POOL" not in cells and "SOTE-CLIN" not in cells

    # Open the service point's own report.
    follow(page, page.locator(f"main a[href$='/coverage/service-point/{library.pk}/']").first)
    assert page.url.endswith(f"/admin/reports/coverage/service-point/{library.pk}/")
    check_page(page, "hr-03-service-point")

    # Another division's service point cannot be opened, even by its address.
    response = page.goto(f"/admin/reports/coverage/service-point/{clinic.pk}/")
    assert response.status == 404
    assert "Health station" not in page.content()
    context.close()
