"""Survey pages: the person's open surveys, answering (signed in or through the e-mailed link), and a school's
distribution rules and settings (coordinators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.models import School
from core.http import signed_link_no_store
from core.ratelimit import rate_limited
from core.signing import TokenError

from ..models import FeedbackSettings
from .answering import answer_submit
from .forms import RuleForm, SchoolChoiceForm, SettingsForm, SurveyForm
from .links import SURVEY_LINK
from .selectors import (
    invitation_of,
    managed_school_ids,
    open_surveys_of,
    questionnaires_for_rules,
    rule_for_user,
    rules_visible_to,
)


@login_required
def my_surveys(request):
    return render(request, "feedback/surveys/mine.html", {"invitations": list(open_surveys_of(request.user))})


def _answer_page(request, invitation, *, done_url):
    if invitation.answered:
        return render(request, "feedback/surveys/thanks.html", {"invitation": invitation})
    form = SurveyForm(request.POST if request.method == "POST" else None, version=invitation.version)
    if request.method == "POST" and form.is_valid():
        try:
            answer_submit(invitation=invitation, answers=form.answers())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you: your answers have been saved anonymously."))
            return redirect(done_url)
    status = 400 if form.errors else 200
    context = {"invitation": invitation, "form": form, "questionnaire": invitation.version.questionnaire}
    return render(request, "feedback/surveys/answer.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def survey_answer(request, pk):
    invitation = invitation_of(request.user, pk)
    return _answer_page(request, invitation, done_url="my_surveys")


@rate_limited("signed_link")
@require_http_methods(["GET", "POST"])
def survey_answer_signed(request, token):
    try:
        invitation = SURVEY_LINK.read(token)
    except TokenError as error:
        context = {"message": error.message}
        return signed_link_no_store(render(request, "includes/_link_refused.html", context, status=error.status))
    response = _answer_page(request, invitation, done_url=request.path)
    return signed_link_no_store(response)


# --- a school's rules and settings (coordinators) ---------------------------------------------------------


def _managed_schools(user):
    schools = managed_school_ids(user)
    if schools is not None and not schools:
        raise Http404("No school to manage.")
    return School.objects.all() if schools is None else School.objects.filter(pk__in=schools)


@login_required
@require_http_methods(["GET", "POST"])
def rule_list(request):
    schools = _managed_schools(request.user)
    form = RuleForm(
        request.POST or None,
        schools=schools,
        questionnaires=questionnaires_for_rules(managed_school_ids(request.user)),
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The rule has been saved."))
        return redirect("feedback_rules")
    status = 400 if form.errors else 200
    context = {"rules": list(rules_visible_to(request.user)), "form": form}
    return render(request, "feedback/rules/list.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def rule_edit(request, pk):
    rule = rule_for_user(request.user, pk)
    form = RuleForm(
        request.POST or None,
        instance=rule,
        schools=_managed_schools(request.user),
        questionnaires=questionnaires_for_rules(managed_school_ids(request.user)),
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The rule has been saved."))
        return redirect("feedback_rules")
    status = 400 if form.errors else 200
    return render(request, "feedback/rules/edit.html", {"rule": rule, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def feedback_settings(request):
    schools = _managed_schools(request.user)
    chooser = SchoolChoiceForm(request.GET or None, schools=schools)
    school = chooser.cleaned_data["school"] if chooser.is_valid() else schools.order_by("name").first()
    if school is None:
        raise Http404("No school.")
    instance = FeedbackSettings.objects.filter(school=school).first() or FeedbackSettings(school=school)
    form = SettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The survey settings have been saved."))
        return redirect(f"{request.path}?school={school.pk}")
    status = 400 if form.errors else 200
    context = {"form": form, "school": school, "chooser": chooser if schools.count() > 1 else None}
    return render(request, "feedback/rules/settings.html", context, status=status)
