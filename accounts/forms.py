from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from core.outbox import enqueue

from .models import User
from .sso.policy import password_login_allowed
from .tasks import send_password_reset_email


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

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not password_login_allowed(user):
            raise forms.ValidationError(
                _("Your school signs you in with its own account. Use your school's sign-in button above."),
                code="password_login_off",
            )


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "language", "notification_level"]


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset link from a background task, so a slow mail server does not hold up the page."""

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        domain = domain_override or request.get_host()
        protocol = "https" if use_https else "http"
        for user in self.get_users(self.cleaned_data["email"]):
            enqueue(send_password_reset_email, user.pk, domain, protocol)
