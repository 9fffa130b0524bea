"""Filter forms of the coverage reports; every choice comes from the user's scope."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from courses.models import CoursePage
from organisation.models import Division, Role, ServicePoint, hr_scope
from reports.coverage import Scope

#: the dates a report may be asked for: before the platform existed there is nothing to
#: show, and far-future dates only overflow date arithmetic (`date.max + 1 day`)
EARLIEST_REPORT_DATE = datetime.date(2000, 1, 1)
LATEST_REPORT_DATE = datetime.date(2099, 12, 31)
REPORT_DATE_VALIDATORS = [
    MinValueValidator(EARLIEST_REPORT_DATE),
    MaxValueValidator(LATEST_REPORT_DATE),
]


class ModuleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class CoverageFilterForm(forms.Form):
    """Division, service point, module, role and "as of" date. Choices are limited to what
    the user may see, so a value outside the scope is a form error, never data."""

    division = forms.ModelChoiceField(
        label=_("Division"), queryset=Division.objects.none(), required=False, to_field_name="code"
    )
    service_point = forms.ModelChoiceField(
        label=_("Service point"),
        queryset=ServicePoint.objects.none(),
        required=False,
        to_field_name="code",
    )
    module = ModuleChoiceField(
        label=_("Module"), queryset=CoursePage.objects.none(), required=False, to_field_name="slug"
    )
    role = forms.ModelChoiceField(
        label=_("Role"), queryset=Role.objects.all(), required=False, to_field_name="code"
    )
    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=REPORT_DATE_VALIDATORS,
        help_text=_("Coverage on this date (default: today)."),
    )
    since = forms.DateField(
        label=_("Change since"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=REPORT_DATE_VALIDATORS,
        help_text=_("Compare with the snapshot of this date (default: 30 days earlier)."),
    )

    def __init__(
        self, data=None, *, user, service_points=None, with_points=True, drop=(), **kwargs
    ):
        super().__init__(data, **kwargs)
        self.user = user
        # The whole city needs no filter on service points (cheaper statements).
        self.whole_city = service_points is None and hr_scope(user)[0]
        self.service_points = (
            service_points if service_points is not None else ServicePoint.objects.for_user(user)
        )
        self.fields["division"].queryset = Division.objects.filter(
            pk__in=self.service_points.values("division_id")
        )
        self.fields["service_point"].queryset = self.service_points.select_related("division")
        self.fields["module"].queryset = CoursePage.objects.filter(
            locale__language_code="fi"
        ).order_by("title")
        if not with_points:
            drop = (*drop, "division", "service_point")
        for name in drop:  # filters that mean nothing on the page at hand
            del self.fields[name]

    def clean_as_of(self):
        return self.cleaned_data.get("as_of") or timezone.localdate()

    def clean(self):
        data = super().clean()
        if "since" in self.fields and data.get("since") is None and data.get("as_of"):
            data["since"] = data["as_of"] - datetime.timedelta(days=30)
        return data

    def scope(self) -> Scope:
        data = self.cleaned_data
        module = data.get("module")
        role = data.get("role")
        return Scope(
            service_points=None if self.whole_city else self.service_points,
            division=data.get("division"),
            service_point=data.get("service_point"),
            role_id=role.pk if role else None,
            module_keys=[module.translation_key] if module else None,
        )

    def described(self) -> dict:
        """The filter as plain values, for the audit trail."""
        data = getattr(self, "cleaned_data", {})
        out = {}
        for name, value in data.items():
            if value in (None, ""):
                continue
            out[name] = (
                value.isoformat()
                if hasattr(value, "isoformat")
                else str(getattr(value, "code", None) or getattr(value, "slug", None) or value)
            )
        return out


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("Which tool uses it."))
    city_wide = forms.BooleanField(label=_("Whole city"), required=False)
    divisions = forms.ModelMultipleChoiceField(
        label=_("Divisions"),
        queryset=Division.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    expires_on = forms.DateField(
        label=_("Valid until"),
        help_text="",  # set in __init__: the longest validity is a setting
        widget=forms.DateInput(
            attrs={"type": "date", "aria-describedby": "id_expires_on-help"}, format="%Y-%m-%d"
        ),
        input_formats=["%Y-%m-%d"],
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["expires_on"].initial = self.latest_expiry()
        self.fields["expires_on"].help_text = ngettext(
            "The token stops working after this day (at most %(days)d day from today).",
            "The token stops working after this day (at most %(days)d days from today).",
            settings.API_TOKEN_MAX_DAYS,
        ) % {"days": settings.API_TOKEN_MAX_DAYS}
        self.user_city_wide, _ids = hr_scope(user)
        self.fields["divisions"].queryset = Division.objects.for_user(user)
        if not self.user_city_wide:
            del self.fields["city_wide"]

    @staticmethod
    def latest_expiry() -> datetime.date:
        return timezone.localdate() + datetime.timedelta(days=settings.API_TOKEN_MAX_DAYS)

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Choose today or a later day."))
        if value > self.latest_expiry():
            raise forms.ValidationError(
                _("At most %(days)s days from today."), params={"days": settings.API_TOKEN_MAX_DAYS}
            )
        return value

    def clean(self):
        data = super().clean()
        if not data.get("city_wide") and not data.get("divisions"):
            raise forms.ValidationError(_("Choose the whole city or at least one division."))
        return data
