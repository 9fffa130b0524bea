from django import forms
from django.utils.translation import gettext_lazy as _

TOPIC_CHOICES = [
    ("problem", _("I found an accessibility problem")),
    ("request", _("I need content in an accessible format")),
    ("other", _("Other feedback on accessibility")),
]

# Error codes that a person using the rendered form cannot produce: the radio buttons only
# offer the listed topics and every text field carries a maxlength. Seeing one means the post
# was built by hand, which is answered with 400 instead of a form error.
TAMPER_CODES = {"invalid_choice", "max_length"}


class FeedbackForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("What is your feedback about?"),
        choices=TOPIC_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what your feedback is about.")},
    )
    page = forms.CharField(
        label=_("Page or content concerned (optional)"),
        help_text=_("For example the address of the page or the name of the module or lesson."),
        max_length=500,
        required=False,
    )
    message = forms.CharField(
        label=_("Your feedback"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": _("Write your feedback.")},
    )
    name = forms.CharField(
        label=_("Your name (optional)"), max_length=200, required=False, strip=True
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Give it if you want a reply. We reply within 14 days."),
        max_length=254,
        required=False,
        error_messages={
            "invalid": _("Enter an e-mail address in the form name@example.fi, or leave it empty.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def is_tampered(self) -> bool:
        """True when the post holds a value the rendered form cannot send."""
        return any(
            error.code in TAMPER_CODES
            for errors in self.errors.as_data().values()
            for error in errors
        )
