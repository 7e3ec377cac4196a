from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import User


class EmailLoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        "invalid_login": _("That e-mail address and password do not match. Check both and try again."),
        "inactive": _("This account has been deactivated. Ask your school or company to reactivate it."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "language"]
