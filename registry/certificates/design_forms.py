"""The certificate design form: layout, colours, logo, signatories and wording, each checked here."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import CertificateDesign
from ..models.settings import hex_colour
from .design_wording import MAX_BODY, PLACEHOLDERS, check_wording
from .designs import IMAGE_FIELDS, PLAIN_FIELDS, image_bytes

IMAGE_HELP = gettext_lazy("A PNG or JPEG image of at most 1 MB and 3000 × 3000 pixels.")


def _colour_field(label):
    return forms.CharField(
        label=label, max_length=7, validators=[hex_colour], widget=forms.TextInput(attrs={"type": "color"})
    )


def _remove_field(label):
    return forms.BooleanField(label=label, required=False)


class CertificateDesignForm(forms.Form):
    layout = forms.ChoiceField(
        label=gettext_lazy("Layout"), choices=CertificateDesign.Layout.choices, widget=forms.RadioSelect
    )
    primary_colour = _colour_field(gettext_lazy("Main colour"))
    accent_colour = _colour_field(gettext_lazy("Accent colour"))
    logo = forms.FileField(label=gettext_lazy("Logo"), required=False, help_text=IMAGE_HELP)
    remove_logo = _remove_field(gettext_lazy("Remove the logo"))
    title_nl = forms.CharField(label=gettext_lazy("Title (Dutch)"), max_length=80)
    title_en = forms.CharField(label=gettext_lazy("Title (English)"), max_length=80)
    body_nl = forms.CharField(
        label=gettext_lazy("Text (Dutch)"), max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 3})
    )
    body_en = forms.CharField(
        label=gettext_lazy("Text (English)"), max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 3})
    )
    signatory_name = forms.CharField(label=gettext_lazy("Signed by"), max_length=200)
    signatory_role = forms.CharField(label=gettext_lazy("Role"), max_length=200, required=False)
    signature = forms.FileField(label=gettext_lazy("Signature image"), required=False, help_text=IMAGE_HELP)
    remove_signature = _remove_field(gettext_lazy("Remove the signature image"))
    signatory2_name = forms.CharField(label=gettext_lazy("Second signatory (optional)"), max_length=200, required=False)
    signatory2_role = forms.CharField(
        label=gettext_lazy("Role of the second signatory"), max_length=200, required=False
    )
    signature2 = forms.FileField(
        label=gettext_lazy("Signature image of the second signatory"), required=False, help_text=IMAGE_HELP
    )
    remove_signature2 = _remove_field(gettext_lazy("Remove the second signature image"))

    def __init__(self, *args, design: CertificateDesign | None = None, **kwargs):
        if design is not None:
            kwargs.setdefault("initial", {name: getattr(design, name) for name in PLAIN_FIELDS})
        super().__init__(*args, **kwargs)
        self.design = design
        known = ", ".join(f"{{{name}}} ({label})" for name, label in PLACEHOLDERS.items())
        for name in ("body_nl", "body_en"):
            self.fields[name].help_text = _("At most 600 characters and 4 lines. Placeholders: %(known)s.") % {
                "known": known
            }
        for name in IMAGE_FIELDS:
            # "Remove" only where there is something to remove.
            if design is None or not bytes(getattr(design, name) or b""):
                del self.fields[f"remove_{name}"]

    def _clean_image(self, name):
        upload = self.cleaned_data.get(name)
        return image_bytes(upload) if upload else None

    def clean_logo(self):
        return self._clean_image("logo")

    def clean_signature(self):
        return self._clean_image("signature")

    def clean_signature2(self):
        return self._clean_image("signature2")

    def clean_body_nl(self):
        return check_wording(self.cleaned_data["body_nl"])

    def clean_body_en(self):
        return check_wording(self.cleaned_data["body_en"])

    def _clean_title(self, name):
        title = " ".join(self.cleaned_data[name].split())
        if "{" in title or "}" in title:
            raise ValidationError(_("The title cannot hold placeholders."))
        return title

    def clean_title_nl(self):
        return self._clean_title("title_nl")

    def clean_title_en(self):
        return self._clean_title("title_en")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("signatory2_name") and (cleaned.get("signatory2_role") or cleaned.get("signature2")):
            self.add_error(
                "signatory2_name", ValidationError(_("Name the second signatory, or leave their role and image empty."))
            )
        return cleaned

    def unsaved_design(self, school) -> CertificateDesign:
        """The design as the form has it, not saved: for a preview. Images not uploaded again are kept."""
        design = CertificateDesign(school=school)
        for name in PLAIN_FIELDS:
            setattr(design, name, self.cleaned_data[name])
        for name in IMAGE_FIELDS:
            kept = bytes(getattr(self.design, name) or b"") if self.design is not None else b""
            if self.cleaned_data.get(f"remove_{name}"):
                kept = b""
            setattr(design, name, self.cleaned_data.get(name) or kept)
        return design
