"""The pending invitations of a school or company, re-sending and revoking them (for the people's managers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..invitations.models import Invitation
from ..invitations.selectors import pending_invitations_of
from ..invitations.services import resend, revoke
from .selectors import COMPANY, SCHOOL, org_for_manager


@login_required
def invitation_list(request, kind, pk):
    org = org_for_manager(request.user, kind, pk)
    invitations = list(pending_invitations_of(**org.invitation_fields()))
    context = {"org": org, "invitations": invitations, "is_school": org.kind == SCHOOL}
    return render(request, "accounts/invitations/list.html", context)


def _invitation_for_manager(user, pk):
    """A pending invitation of an organisation whose people `user` manages; 403/404 as for its people."""
    invitation = Invitation.objects.select_related("school", "company").filter(pk=pk).first()
    if invitation is None:
        raise Http404
    kind = SCHOOL if invitation.school_id else COMPANY
    org = org_for_manager(user, kind, invitation.organisation.pk)
    return invitation, org


def _act(request, pk, action, done):
    invitation, org = _invitation_for_manager(request.user, pk)
    try:
        action(invitation, request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done % {"email": invitation.email})
    return redirect("people_invitations", kind=org.kind, pk=org.pk)


@login_required
@require_POST
def invitation_resend(request, pk):
    return _act(
        request, pk, resend, _("The invitation to %(email)s has been sent again; the old link no longer works.")
    )


@login_required
@require_POST
def invitation_revoke(request, pk):
    return _act(request, pk, revoke, _("The invitation to %(email)s has been revoked; its link no longer works."))
