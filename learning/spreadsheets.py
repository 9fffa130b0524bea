"""The one rule for text written into a spreadsheet cell, used by every CSV and XLSX export
of the project: the report tables (`reports.exports`) and every Wagtail listing export
(`list_export` of the admin viewsets, through :class:`SafeSpreadsheetExportMixin`).

A cell that a spreadsheet program would read as a formula (it begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) gets a leading single quote, so it is shown as
text. Numbers, dates and empty cells stay as they are.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils.encoding import force_str

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """The value to write into a spreadsheet cell: numbers, dates and None unchanged,
    text with a leading quote when it would start a formula."""
    if value is None or isinstance(value, (bool, int, float, Decimal, datetime.date)):
        return value
    text = force_str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeSpreadsheetExportMixin:
    """For a view with Wagtail's `SpreadsheetExportMixin` (every generic `IndexView`): each
    exported value, after Wagtail's own preprocessing, passes through :func:`escape_cell`,
    and every export is written to the audit trail (who, which listing, which filters)."""

    def preprocess_field_value(self, field, value, export_format):
        return escape_cell(super().preprocess_field_value(field, value, export_format))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        from organisation.models import AuditEvent

        response = super().as_spreadsheet(queryset, spreadsheet_format)
        filters = self.request.GET.copy()
        filters.pop("export", None)
        AuditEvent.record_request(
            self.request,
            "admin.export",
            self.model._meta.label_lower,
            format=spreadsheet_format,
            filters=filters.urlencode(),
        )
        return response
