"""Questionnaire pages: the list, one questionnaire with its versions, copying, drafting and publishing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors, require

from ..models import Question
from . import services
from .forms import CopyForm, QuestionForm
from .selectors import (
    can_edit_questionnaire,
    can_read_questionnaires,
    questionnaire_for_user,
    questionnaires_visible_to,
    schools_to_copy_into,
    version_for_user,
    versions_of,
)


def _require_reader(user):
    if not can_read_questionnaires(user):
        raise Http404("No questionnaires for this user.")


@login_required
def questionnaire_list(request):
    _require_reader(request.user)
    questionnaires = questionnaires_visible_to(request.user).select_related("school").order_by("school", "purpose")
    return render(
        request,
        "feedback/questionnaires/list.html",
        {
            "shipped": [q for q in questionnaires if q.school_id is None],
            "own": [q for q in questionnaires if q.school_id is not None],
        },
    )


@login_required
def questionnaire_detail(request, pk):
    questionnaire = questionnaire_for_user(request.user, pk)
    schools = schools_to_copy_into(request.user)
    return render(
        request,
        "feedback/questionnaires/detail.html",
        {
            "questionnaire": questionnaire,
            "versions": versions_of(questionnaire),
            "can_edit": can_edit_questionnaire(request.user, questionnaire),
            "copy_form": CopyForm(schools=schools) if schools.exists() else None,
        },
    )


@login_required
@require_POST
def questionnaire_copy(request, pk):
    questionnaire = questionnaire_for_user(request.user, pk)
    form = CopyForm(request.POST, schools=schools_to_copy_into(request.user))
    require(form.is_valid(), _("Choose a school you coordinate."))
    copy = services.questionnaire_copy(questionnaire=questionnaire, school=form.cleaned_data["school"], by=request.user)
    messages.success(request, _("The questionnaire has been copied. Adapt the draft, then publish it."))
    return redirect("feedback_questionnaire", copy.pk)


@login_required
@require_POST
def version_new(request, pk):
    questionnaire = questionnaire_for_user(request.user, pk)
    require(can_edit_questionnaire(request.user, questionnaire), _("Only the school's coordinators change it."))
    services.version_new_draft(questionnaire=questionnaire)
    return redirect("feedback_questionnaire", questionnaire.pk)


def _editable_version(request, version_pk):
    version = version_for_user(request.user, version_pk)
    require(can_edit_questionnaire(request.user, version.questionnaire), _("Only the school's coordinators change it."))
    return version


@login_required
@require_POST
def version_publish(request, version_pk):
    version = _editable_version(request, version_pk)
    try:
        services.version_publish(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Version %(number)s has been published.") % {"number": version.number})
    return redirect("feedback_questionnaire", version.questionnaire_id)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, version_pk, item_pk=None):
    version = _editable_version(request, version_pk)
    question = get_object_or_404(Question, pk=item_pk, version=version) if item_pk is not None else None
    if version.is_locked:
        messages.error(request, _("This version is published and can no longer change. Start a new version."))
        return redirect("feedback_questionnaire", version.questionnaire_id)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_save(version=version, form=form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question has been saved."))
            return redirect("feedback_questionnaire", version.questionnaire_id)
    status = 400 if form.errors else 200
    context = {"form": form, "version": version, "question": question}
    return render(request, "feedback/questionnaires/question_form.html", context, status=status)


@login_required
@require_POST
def question_delete(request, version_pk, item_pk):
    version = _editable_version(request, version_pk)
    question = get_object_or_404(Question, pk=item_pk, version=version)
    try:
        services.question_delete(question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The question has been deleted."))
    return redirect("feedback_questionnaire", version.questionnaire_id)
