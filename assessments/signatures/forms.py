from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Signature


class SignForm(forms.Form):
    """Signing as one signer: the person assessed may disagree (with a reason) and respond; an assessor agrees."""

    verdict = forms.ChoiceField(label=_("Your signature"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Why you disagree"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you sign that you have seen the assessment but disagree."),
    )
    response = forms.CharField(
        label=_("Your response"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: what you want to add to the assessment. Everyone who reads it will see this."),
    )

    def __init__(self, *args, signature: Signature, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_subject = signature.role == Signature.Role.SUBJECT
        if self.is_subject:
            self.fields["verdict"].choices = [
                (Signature.Verdict.AGREE, _("I agree with this assessment")),
                (Signature.Verdict.DISAGREE, _("I have seen this assessment, but I disagree")),
            ]
        else:
            self.fields["verdict"].choices = [(Signature.Verdict.AGREE, _("I agree with this assessment"))]
            self.fields["verdict"].initial = Signature.Verdict.AGREE
            del self.fields["reason"], self.fields["response"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("verdict") == Signature.Verdict.DISAGREE and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why you disagree."))
        return cleaned
