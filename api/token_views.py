"""The school's API tokens page (a tab of its people pages): make one, see when each was last used, revoke."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from .models import ApiToken
from .tokens import school_for_token_manager, token_create, token_for_manager, token_revoke, tokens_of


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"), max_length=100, help_text=ApiToken._meta.get_field("name").help_text
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("Access"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        widget=forms.RadioSelect,
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request, school_id):
    org = school_for_token_manager(request.user, school_id)
    form = TokenForm(request.POST or None)
    created = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            token, created = token_create(school=org.obj, by=request.user, **form.cleaned_data)
            messages.success(request, _("The token “%(name)s” has been made. Copy it now: it is not shown again.") % {
                "name": token.name
            })  # fmt: skip
            form = TokenForm()
        else:
            status = 400
    context = {
        "org": org,
        "form": form,
        "tokens": list(tokens_of(org.obj)),
        "created": created,
        "docs_url": reverse("api_docs"),
    }
    response = render(request, "api/tokens.html", context, status=status)
    if created:
        response["Cache-Control"] = "no-store"  # the token's only appearance: keep it out of caches
    return response


@login_required
@require_POST
def token_revoke_view(request, pk):
    token = token_for_manager(request.user, pk)
    if token_revoke(token=token, by=request.user):
        messages.success(
            request, _("The token “%(name)s” has been revoked: it no longer works.") % {"name": token.name}
        )
    return redirect("api_tokens", school_id=token.school_id)
