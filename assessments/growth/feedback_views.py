"""Feedback on the mentor: asking colleagues and the school supervisor, their short form behind a signed link,
and the mentor's summary of the answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.http import signed_link_no_store
from core.ratelimit import rate_limited
from core.signing import TokenError
from core.views import add_service_errors

from .forms import FeedbackAnswerForm, FeedbackRequestForm
from .profile import coach_profile, item_title
from .selectors import FEEDBACK_LINK, feedback_request_for_user, feedback_requests_of, feedback_summary
from .services import feedback_answer, feedback_request_create, feedback_request_withdraw
from .views import require_mentor


def _feedback_page(request, profile, *, form=None, status=200):
    requests = list(feedback_requests_of(request.user))
    for feedback in requests:
        feedback.item_titles = [item_title(profile, key) for key in feedback.items]
    lines, comments = feedback_summary(profile, requests)
    return render(
        request,
        "assessments/growth/feedback.html",
        {
            "form": form or FeedbackRequestForm(profile=profile),
            "requests": requests,
            "lines": lines,
            "comments": comments,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def growth_feedback(request):
    require_mentor(request.user)
    profile = coach_profile()
    if request.method == "GET":
        return _feedback_page(request, profile)
    form = FeedbackRequestForm(request.POST, profile=profile)
    if form.is_valid():
        try:
            feedback_request_create(mentor=request.user, profile=profile, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Your request has been sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
            return redirect("growth_feedback")
    return _feedback_page(request, profile, form=form, status=400)


@login_required
@require_POST
def growth_feedback_withdraw(request, pk):
    require_mentor(request.user)
    feedback = feedback_request_for_user(request.user, pk)
    try:
        feedback_request_withdraw(request=feedback)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The request has been withdrawn; its link no longer works."))
    return redirect("growth_feedback")


def _refused(request, message):
    # A link that is not (or no longer) good shows nothing of the mentor: as if the page did not exist.
    response = render(request, "assessments/growth/feedback_refused.html", {"message": message}, status=404)
    return signed_link_no_store(response)


@never_cache
@rate_limited("signed_link")
@require_http_methods(["GET", "POST"])
def growth_feedback_answer(request, token):
    """The short form for the person asked, without logging in; it can be answered once."""
    try:
        feedback = FEEDBACK_LINK.read(token)
    except TokenError as exc:
        return _refused(request, exc.message)
    profile = coach_profile()
    if feedback.answered_at:
        response = render(request, "assessments/growth/feedback_thanks.html", {"feedback": feedback}, status=410)
        return signed_link_no_store(response)
    form = FeedbackAnswerForm(request.POST or None, profile=profile, request=feedback)
    if request.method == "POST" and form.is_valid():
        try:
            feedback_answer(
                request=feedback, profile=profile, scores=form.scores(), comment=form.cleaned_data["comment"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("growth_feedback_answer", token=token)
    response = render(
        request,
        "assessments/growth/feedback_answer.html",
        {"feedback": feedback, "form": form},
        status=400 if form.is_bound else 200,
    )
    return signed_link_no_store(response)
