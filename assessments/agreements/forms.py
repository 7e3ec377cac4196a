from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import AgreementSettings


class GuardianForm(forms.Form):
    """The parent or guardian who signs for a minor learner, by e-mailed link."""

    name = forms.CharField(label=_("Name of the parent or guardian"), max_length=200)
    email = forms.EmailField(label=_("E-mail address of the parent or guardian"), max_length=254)


class AgreementSignForm(forms.Form):
    agree = forms.BooleanField(
        label=_("I have read this agreement and agree to it"),
        error_messages={"required": _("Tick the box to sign that you agree.")},
    )


class AgreementSettingsForm(forms.ModelForm):
    class Meta:
        model = AgreementSettings
        fields = ["required_before_start"]
