from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.attachments import validate_attachment
from core.documents import MAX_IMAGE_BYTES
from core.widgets import DateInput

from ..models import MentorEligibility, RegistrySettings

EVIDENCE_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg"}
IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg"}


def _check_upload(upload, *, extensions: set[str], max_bytes: int | None = None):
    """Only new uploads are checked; the stored file (or False for "clear") passes as it is."""
    if not isinstance(upload, UploadedFile):
        return upload
    if Path(upload.name).suffix.lower() not in extensions:
        raise ValidationError(
            _("“%(name)s” is not accepted: only %(types)s files.")
            % {"name": upload.name, "types": ", ".join(sorted(ext.lstrip(".") for ext in extensions))}
        )
    if max_bytes is not None and upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size)s; it can be at most %(max)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "max": filesizeformat(max_bytes)}
        )
    validate_attachment(upload)  # size limit of attachments, and that the content is what the name says
    return upload


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for revoking"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("Kept with the certificate. The public verification page does not show it."),
    )
    notify_holder = forms.BooleanField(label=gettext_lazy("Tell the holder by e-mail"), required=False)


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for removing the personal data"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("For example a request of the holder under the GDPR. The removal is recorded."),
    )


class EligibilityForm(forms.ModelForm):
    """The participant's own evidence: years of work experience and the certificate of good conduct."""

    class Meta:
        model = MentorEligibility
        fields = ["work_experience_years", "education", "good_conduct_file", "good_conduct_issued_on"]
        # A plain file input: the clearable one would link to the stored file, which is private.
        widgets = {"good_conduct_issued_on": DateInput(), "good_conduct_file": forms.FileInput()}
        help_texts = {
            "work_experience_years": gettext_lazy("Years of work experience in your trade, rounded down."),
            "good_conduct_file": gettext_lazy("A PDF, PNG or JPEG file of at most 10 MB."),
        }

    remove_good_conduct = forms.BooleanField(
        label=gettext_lazy("Remove the uploaded certificate of good conduct"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_experience_years"].widget.attrs.update(min=0, max=60)
        if not self.instance.good_conduct_file:
            del self.fields["remove_good_conduct"]

    def clean_work_experience_years(self):
        years = self.cleaned_data["work_experience_years"]
        if years is not None and years > 60:
            raise ValidationError(_("Enter at most 60 years."))
        return years

    def clean_good_conduct_file(self):
        return _check_upload(self.cleaned_data.get("good_conduct_file"), extensions=EVIDENCE_EXTENSIONS)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("remove_good_conduct") and not isinstance(cleaned.get("good_conduct_file"), UploadedFile):
            cleaned["good_conduct_file"] = False  # what "clear" means to the service
        return cleaned


class RegistrySettingsForm(forms.ModelForm):
    """A school's rules for certificates and the look of the certificate."""

    class Meta:
        model = RegistrySettings
        fields = [
            "validity_years",
            "min_experience_years",
            "requires_good_conduct",
            "renewal_requires_refresher",
            "renewal_development_hours",
            "expiry_reminder_days",
            "publish_public_register",
            "certificate_language",
            "primary_colour",
            "logo",
            "signature",
            "signatory_name",
            "signatory_title",
        ]
        widgets = {"primary_colour": forms.TextInput(attrs={"type": "color"})}
        help_texts = {
            "min_experience_years": gettext_lazy("0 means no minimum."),
            "renewal_development_hours": gettext_lazy(
                "Hours of logged professional development within the validity period; 0 means none are needed."
            ),
            "logo": gettext_lazy("A PNG or JPEG file of at most 2 MB, shown at the top of the certificate."),
            "signature": gettext_lazy("A PNG or JPEG file of at most 2 MB, shown above the signatory's name."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expiry_reminder_days"].widget.attrs.update(min=1, max=365)
        self.fields["min_experience_years"].widget.attrs.update(min=0, max=60)

    def clean_expiry_reminder_days(self):
        days = self.cleaned_data["expiry_reminder_days"]
        if days is not None and not 1 <= days <= 365:
            raise ValidationError(_("Enter a number of days from 1 to 365."))
        return days

    def clean_logo(self):
        return _check_upload(self.cleaned_data.get("logo"), extensions=IMAGE_EXTENSIONS, max_bytes=MAX_IMAGE_BYTES)

    def clean_signature(self):
        return _check_upload(self.cleaned_data.get("signature"), extensions=IMAGE_EXTENSIONS, max_bytes=MAX_IMAGE_BYTES)


class LookupForm(forms.Form):
    number = forms.CharField(
        label=gettext_lazy("Certificate number"),
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "WM-2026-000123", "autocomplete": "off"}),
    )
    last_name = forms.CharField(label=gettext_lazy("Holder's last name"), max_length=100)
