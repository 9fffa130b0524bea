"""CSV and XLSX exports of report tables, safe against formula injection.

Every exported text cell passes through :func:`learning.spreadsheets.escape_cell`, the one
escaping rule of the project (a cell that would start a formula is written as text).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils.encoding import force_str

from learning.spreadsheets import escape_cell

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)


def _plain(value):
    value = escape_cell(value)
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_plain(h) for h in headers])
    for row in rows:
        writer.writerow([_plain(v) for v in row])
    # A byte order mark lets spreadsheet programs read the UTF-8 (ä, ö, å) right.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence], title: str = "Report") -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=force_str(title)[:31] or "Report")

    def cells(values):
        for value in values:
            value = escape_cell(value)
            if isinstance(value, Decimal):
                value = float(value)
            cell = WriteOnlyCell(sheet, value)
            if cell.data_type == "f":  # never let openpyxl write a formula
                cell.data_type = "s"
            yield cell

    sheet.append(list(cells(force_str(h) for h in headers)))
    for row in rows:
        sheet.append(list(cells(row)))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def spreadsheet_response(
    fmt: str, filename: str, headers: Sequence[str], rows: Iterable[Sequence]
) -> HttpResponse:
    """An attachment response in `fmt` (csv or xlsx) with a safe ASCII filename."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in filename)[:80] or "report"
    if fmt == XLSX:
        response = HttpResponse(
            xlsx_bytes(headers, rows, title=safe),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(csv_bytes(headers, rows), content_type="text/csv; charset=utf-8")
        fmt = CSV
    response["Content-Disposition"] = f'attachment; filename="{safe}.{fmt}"'
    return response
