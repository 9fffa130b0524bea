"""Forms of the organisation admin screens: scoped choices and the import upload."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .imports import end_sessions, username_for
from .models import HR_GROUP_NAME, Division, HRGrant, ImportJob, ServicePoint, StaffMember


class ServicePointForm(WagtailAdminModelForm):
    class Meta:
        model = ServicePoint
        fields = ["code", "name_fi", "name_sv", "name_en", "division", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division"].queryset = Division.objects.for_user(self.for_user)


class StaffMemberForm(WagtailAdminModelForm):
    """HR edits staff within scope; a new staff member gets an account without a password."""

    class Meta:
        model = StaffMember
        fields = [
            "employee_id",
            "first_name",
            "last_name",
            "email",
            "service_point",
            "role",
            "start_date",
            "language",
            "active",
            "supervises",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        points = ServicePoint.objects.for_user(self.for_user).select_related("division")
        self.fields["service_point"].queryset = points
        self.fields["supervises"].queryset = points

    def clean_employee_id(self):
        employee_id = self.cleaned_data["employee_id"].strip()
        if not self.instance.pk:
            User = get_user_model()
            if User.objects.filter(username=username_for(employee_id)).exists():
                raise forms.ValidationError(
                    _("An account with the user name %(name)s already exists."),
                    params={"name": username_for(employee_id)},
                )
        return employee_id

    def save(self, commit=True):
        member = super().save(commit=False)
        User = get_user_model()
        if not member.user_id:
            member.user = User.objects.create(
                username=username_for(member.employee_id),
                password=make_password(None),
            )
        user = member.user
        user.first_name, user.last_name = member.first_name, member.last_name
        user.email, user.is_active = member.email, member.active
        user.save(update_fields=["first_name", "last_name", "email", "is_active"])
        if not member.active:
            end_sessions([user.pk])
        if commit:
            member.save()
            self.save_m2m()
        return member


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What does the file contain?"),
        choices=ImportJob.Kind.choices,
        widget=forms.RadioSelect,
        initial=ImportJob.Kind.STAFF,
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8 (with or without BOM), comma or semicolon separated, the header on line 1."
        ),
    )
    deactivate_missing = forms.BooleanField(
        label=_("Deactivate staff who are missing from the file"),
        help_text=_(
            "Only for staff files: active staff within your scope who are not in the file "
            "are deactivated and logged out."
        ),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too large (at most %(mb)d MB)."),
                params={"mb": settings.IMPORT_MAX_BYTES // (1024 * 1024)},
            )
        data = upload.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
            )
        if "\x00" in text:
            raise forms.ValidationError(_("The file is not a CSV text file."))
        return upload.name, text

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") != ImportJob.Kind.STAFF:
            cleaned["deactivate_missing"] = False
        return cleaned


def async_threshold() -> int:
    return settings.IMPORT_ASYNC_THRESHOLD_ROWS


class HRGrantForm(WagtailAdminModelForm):
    """Scopes are granted to members of the HR group only (not to every account)."""

    class Meta:
        model = HRGrant
        fields = ["user", "city_wide", "divisions"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        User = get_user_model()
        self.fields["user"].queryset = User.objects.filter(groups__name=HR_GROUP_NAME).order_by(
            "username"
        )
