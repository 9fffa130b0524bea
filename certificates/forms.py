from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from certificates.models import normalise_code


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=64,
        help_text=_(
            "The code printed on the certificate, e.g. ABCD-EFGH-… (case and dashes do not matter)."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("A verification code has 32 letters A–Z and digits 2–7. Check what you typed.")
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Recorded in the audit trail. The verification page shows that the certificate "
            "was revoked, not the reason."
        ),
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Give a reason."))
        return reason


class ImportCompletionsForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns employee_id, module, completed_on, source (comma or semicolon, UTF-8)."
        ),
    )
