"""Close-out pages of a placement: the checklist, the employer review, and the mentor's reference letter."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import pdf_response
from core.views import require
from placements.selectors import placement_for_user

from ..models import EmployerReview, PlacementCloseout, ReferenceLetter
from . import services
from .documents import letter_pdf, letter_pdf_filename
from .forms import EmployerReviewForm, LetterForm
from .selectors import can_close, can_read_letter, can_record_review, can_write_letter, checklist


@login_required
@require_GET
def closeout(request, pk):
    placement = placement_for_user(request.user, pk)
    letter = ReferenceLetter.objects.filter(placement=placement).first()
    context = {
        "placement": placement,
        "items": checklist(placement),
        "closed": PlacementCloseout.objects.filter(placement=placement).select_related("closed_by").first(),
        "review": EmployerReview.objects.filter(placement=placement).first(),
        "letter": letter,
        "can_close": can_close(request.user, placement),
        "can_review": can_record_review(request.user, placement),
        "can_write": can_write_letter(request.user, placement),
        "can_read_letter": can_read_letter(request.user, placement, letter),
    }
    return render(request, "feedback/closeout/checklist.html", context)


@login_required
@require_POST
def close(request, pk):
    placement = placement_for_user(request.user, pk)
    require(can_close(request.user, placement), _("Only the school's coordinators and the supervisor close it."))
    try:
        services.placement_close(placement=placement, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The placement has been closed."))
    return redirect("placement_closeout", placement.pk)


@login_required
@require_http_methods(["GET", "POST"])
def employer_review(request, pk):
    placement = placement_for_user(request.user, pk)
    require(can_record_review(request.user, placement), _("The school or the company records the review."))
    form = EmployerReviewForm(request.POST or None, instance=EmployerReview.objects.filter(placement=placement).first())
    if request.method == "POST" and form.is_valid():
        services.review_save(placement=placement, form=form, by=request.user)
        messages.success(request, _("The review with the employer has been saved."))
        return redirect("placement_closeout", placement.pk)
    status = 400 if form.errors else 200
    return render(request, "feedback/closeout/review.html", {"placement": placement, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def reference_letter(request, pk):
    placement = placement_for_user(request.user, pk)
    saved = ReferenceLetter.objects.filter(placement=placement).first()
    if not can_read_letter(request.user, placement, saved):
        raise Http404("No letter for this user.")
    writer = can_write_letter(request.user, placement)
    letter = services.letter_for(placement, by=request.user) if writer else saved
    form = LetterForm(request.POST or None, initial={"body": letter.body if letter else ""}) if writer else None
    if request.method == "POST":
        require(writer, _("Only the work mentor writes the reference letter."))
        if form.is_valid():
            services.letter_save(placement=placement, body=form.cleaned_data["body"], by=request.user)
            messages.success(request, _("The letter has been saved."))
            return redirect("reference_letter", placement.pk)
    status = 400 if form is not None and form.errors else 200
    context = {"placement": placement, "letter": letter, "form": form, "saved": saved}
    return render(request, "feedback/closeout/letter.html", context, status=status)


@login_required
@require_POST
def reference_letter_send(request, pk):
    placement = placement_for_user(request.user, pk)
    require(can_write_letter(request.user, placement), _("Only the work mentor sends the reference letter."))
    letter = ReferenceLetter.objects.filter(placement=placement).first()
    try:
        if letter is None:
            raise ValidationError(_("Save the letter before sending it."))
        services.letter_send(letter=letter)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The letter has been sent to the learner."))
    return redirect("reference_letter", placement.pk)


@login_required
@require_GET
def reference_letter_pdf(request, pk):
    placement = placement_for_user(request.user, pk)
    letter = ReferenceLetter.objects.filter(placement=placement).select_related("placement__school").first()
    if letter is None or not can_read_letter(request.user, placement, letter):
        raise Http404("No letter.")
    return pdf_response(letter_pdf(letter), letter_pdf_filename(letter), inline=False)
