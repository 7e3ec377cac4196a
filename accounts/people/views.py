"""The people of a school or company: the list, inviting someone, their roles, and their leaving.

Each view finds the organisation through `org_for_manager` (404 for outsiders, 403 for its other members),
then calls a service; a refused change re-renders the page with the reason (400).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors, require

from ..invitations import services as invitations
from ..invitations.selectors import pending_invitations_of
from ..selectors import roles_of
from ..two_factor.selectors import has_two_factor, last_two_factor_reset, may_reset_two_factor
from .forms import InviteForm, PeopleSearchForm, RolesForm
from .selectors import (
    COMPANY,
    SCHOOL,
    Org,
    editable_companies,
    has_left,
    is_learner_only,
    managed_orgs,
    org_for_inviter,
    org_for_manager,
    people_of,
    person_of,
)
from .services import person_deactivate, person_reactivate, roles_set

PAGE_SIZE = 50

OUTCOME_MESSAGES = {
    invitations.INVITED: gettext_lazy("The invitation has been sent to %(email)s."),
    invitations.RESENT: gettext_lazy(
        "%(email)s had been invited already: the invitation has been sent again with a new link."
    ),
    invitations.GRANTED: gettext_lazy(
        "%(email)s already has an account: the role has been added to it and they have been told."
    ),
    invitations.ALREADY: gettext_lazy("%(email)s already has this role."),
}


@login_required
def people_home(request):
    """Where the People menu leads: the one organisation someone manages, or the choice between them."""
    orgs = managed_orgs(request.user)
    is_staff = roles_of(request.user).is_staff
    if len(orgs) == 1 and not is_staff:
        return redirect("people_list", kind=orgs[0].kind, pk=orgs[0].pk)
    context = {"orgs": orgs, "is_staff": is_staff, "edits_companies": editable_companies(request.user).exists()}
    return render(request, "accounts/people/home.html", context)


def _org_context(org: Org, **extra) -> dict:
    return {"org": org, "is_school": org.kind == SCHOOL, "is_company": org.kind == COMPANY, **extra}


@login_required
def people_list(request, kind, pk):
    org = org_for_manager(request.user, kind, pk)
    search = PeopleSearchForm(request.GET or None, org=org)
    filters = search.cleaned_data if search.is_valid() else {}
    people = people_of(org, query=filters.get("q", ""), role=filters.get("role", ""), status=filters.get("status", ""))
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    for person in page.object_list:
        person.has_left = has_left(person)
        person.learner_only = org.kind == SCHOOL and is_learner_only(person)
    query = request.GET.copy()
    query.pop("page", None)
    context = _org_context(
        org,
        search=search,
        page=page,
        query=query.urlencode(),
        pending_count=pending_invitations_of(**org.invitation_fields()).count(),
    )
    return render(
        request, "accounts/people/list.html", context, status=200 if search.is_valid() or not search.is_bound else 400
    )


@login_required
@require_http_methods(["GET", "POST"])
def people_add(request, kind, pk):
    org, roles = org_for_inviter(request.user, kind, pk)
    form = InviteForm(request.POST or None, org=org, roles=roles, initial={"role": request.GET.get("role", "")})
    # A coordinator inviting a company's first admin does not manage its people: back to the company.
    manages = roles == org.managed_roles
    back = reverse("people_list", args=[org.kind, org.pk]) if manages else reverse("people_company_edit", args=[org.pk])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invitations.invite(
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=data["role"],
                invited_by=request.user,
                language=data["language"],
                **org.invitation_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, OUTCOME_MESSAGES[invitation.outcome] % {"email": invitation.email})
            return redirect(back)
    status = 400 if form.is_bound else 200
    return render(request, "accounts/people/add.html", _org_context(org, form=form, cancel_url=back), status=status)


def _person_page(request, org, person, *, form=None, status=200):
    person.has_left = has_left(person)
    person.learner_only = org.kind == SCHOOL and is_learner_only(person)
    managed = {str(role) for role in org.managed_roles}
    current = [m.role for m in person.org_memberships if m.ended_at is None and m.role in managed]
    form = form or RolesForm(org=org, initial={"roles": current})
    context = _org_context(org, person=person, form=form, is_self=person.pk == request.user.pk)
    if may_reset_two_factor(request.user, person):
        context.update(two_factor_on=has_two_factor(person), last_reset=last_two_factor_reset(person))
    return render(request, "accounts/people/person.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def people_person(request, kind, pk, user_pk):
    org = org_for_manager(request.user, kind, pk)
    person = person_of(org, user_pk)
    if request.method == "GET":
        return _person_page(request, org, person)
    _not_a_learner(person, org)
    form = RolesForm(request.POST, org=org)
    if form.is_valid():
        try:
            roles_set(person=person, org=org, roles=form.cleaned_data["roles"], by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The roles of %(name)s have been saved.") % {"name": person.get_full_name()})
            return redirect("people_person", kind=org.kind, pk=org.pk, user_pk=person.pk)
    return _person_page(request, org, person, form=form, status=400)


def _not_a_learner(person, org) -> None:
    # A learner's leaving also records the day on their learner record: the learners' pages do that.
    learner_only = org.kind == SCHOOL and is_learner_only(person)
    require(not learner_only, _("Learners are managed on the learners' pages, under Placements."))


def _leaving_action(request, kind, pk, user_pk, service, done_message):
    org = org_for_manager(request.user, kind, pk)
    person = person_of(org, user_pk)
    _not_a_learner(person, org)
    try:
        service(person=person, org=org, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _person_page(request, org, person_of(org, user_pk), status=400)
    messages.success(request, done_message % {"name": person.get_full_name()})
    return redirect("people_person", kind=org.kind, pk=org.pk, user_pk=person.pk)


@login_required
@require_POST
def people_deactivate(request, kind, pk, user_pk):
    message = _("%(name)s is now shown as left. Their records stay; they no longer have access here.")
    return _leaving_action(request, kind, pk, user_pk, person_deactivate, message)


@login_required
@require_POST
def people_reactivate(request, kind, pk, user_pk):
    message = _("%(name)s is active again, with the roles they had.")
    return _leaving_action(request, kind, pk, user_pk, person_reactivate, message)
