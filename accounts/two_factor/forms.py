"""Codes typed by a person: six digits from the app, or a recovery code (spaces, dashes and capitals allowed)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import School
from .services import is_authenticator_code, verify_code

CODE = re.compile(r"[0-9a-z]{6,16}")


def normalised(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


class CodeForm(forms.Form):
    """Log-in step: a code from the app or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The 6-digit code your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def clean_code(self):
        code = normalised(self.cleaned_data["code"])
        if not CODE.fullmatch(code):
            raise ValidationError(_("Enter the 6-digit code from your app, or one of your recovery codes."))
        return code


class SetupForm(forms.Form):
    """Setting up: the app's first code proves it holds the secret."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=20,
        help_text=_("The 6-digit code the app shows for Werkmentor."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = normalised(self.cleaned_data["code"])
        if not is_authenticator_code(code):
            raise ValidationError(_("Enter the 6 digits the app shows."))
        return code


class DisableForm(forms.Form):
    """Switching two-factor off: proof that it is still the account's owner, a current code or the password."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        required=False,
        help_text=_("A code from your app or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Or your password"),
        required=False,
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        code, password = normalised(cleaned.get("code") or ""), cleaned.get("password") or ""
        if password:
            if not self.user.check_password(password):
                raise ValidationError(_("That password is not right."))
            return cleaned
        if not code:
            raise ValidationError(_("Enter a code from your app, a recovery code or your password."))
        if not CODE.fullmatch(code):
            raise ValidationError(_("Enter the 6-digit code from your app, or one of your recovery codes."))
        verify_code(self.user, code)  # ValidationError when wrong; a recovery code is used up
        return cleaned


class SchoolSecurityForm(forms.ModelForm):
    class Meta:
        model = School
        fields = ["require_two_factor_for_staff"]
