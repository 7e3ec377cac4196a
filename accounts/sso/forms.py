"""The identity provider form (admin and the coordinator's page): the client secret is never shown back."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import IdentityProvider

FIELDS = [
    "name",
    "enabled",
    "issuer",
    "client_id",
    "client_secret",
    "scopes",
    "match_claim",
    "number_claim",
    "email_trusted",
    "authorization_endpoint",
    "token_endpoint",
    "userinfo_endpoint",
    "jwks_uri",
]


class IdentityProviderForm(forms.ModelForm):
    client_secret = forms.CharField(
        label=_("client secret"),
        required=False,
        strip=True,
        max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = IdentityProvider
        fields = ["school", *FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hint = self.instance.secret_hint if self.instance.pk else ""
        self.fields["client_secret"].help_text = (
            _("A secret is stored (%(hint)s). Leave empty to keep it; type a new one to replace it.") % {"hint": hint}
            if hint
            else _("Leave empty for a public client (PKCE only).")
        )
        self.fields["issuer"].help_text = _(
            "Exactly as the provider names itself in its ID tokens (iss). The endpoints below are read from "
            "its discovery document unless you fill them in."
        )

    def clean_client_secret(self):
        # Empty keeps the stored secret: it is never sent to the browser, so the form cannot hold it.
        return self.cleaned_data["client_secret"] or (self.instance.client_secret if self.instance.pk else "")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("match_claim") == IdentityProvider.MatchClaim.NUMBER and not cleaned.get("number_claim"):
            self.add_error("number_claim", _("Name the claim that holds the number."))
        if "openid" not in (cleaned.get("scopes") or "").split():
            self.add_error("scopes", _("The scopes must include openid."))
        return cleaned
