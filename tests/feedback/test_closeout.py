"""Close-out: the checklist, the employer review, closing, and the mentor's reference letter as a PDF."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from feedback.closeout import services as closeout_services
from feedback.closeout.selectors import ChecklistItem, checklist
from feedback.models import EmployerReview, PlacementCloseout, ReferenceLetter
from mentoring.models import HoursEntry


def test_the_checklist_starts_open_and_closing_is_refused(client, world):
    assert [item.done for item in checklist(world.placement)] == [False, False, False, True, False]
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_close", args=[world.placement.pk]), follow=True)
    assert "Not yet done" in response.content.decode()
    assert not PlacementCloseout.objects.exists()


def test_closing_when_everything_is_done_completes_the_placement(client, world, monkeypatch):
    done = [ChecklistItem(key, key, True) for key in ("assessment", "hours", "minutes", "surveys", "review")]
    monkeypatch.setattr(closeout_services, "checklist", lambda placement: done)
    client.force_login(world.supervisor)
    client.post(reverse("placement_close", args=[world.placement.pk]))
    world.placement.refresh_from_db()
    assert world.placement.status == "completed"
    assert PlacementCloseout.objects.get().checklist["review"] is True


@pytest.mark.parametrize(
    "who, status", [("company_admin", 302), ("mentor", 302), ("learner", 403), ("other_mentor", 404)]
)
def test_who_records_the_employer_review(client, world, who, status):
    client.force_login(getattr(world, who))
    data = {"held_on": timezone.localdate().isoformat(), "went_well": "Punctual", "would_host_again": "yes"}
    assert client.post(reverse("employer_review", args=[world.placement.pk]), data).status_code == status
    assert EmployerReview.objects.exists() == (status == 302)


def test_only_the_school_closes(client, world):
    client.force_login(world.mentor)
    assert client.post(reverse("placement_close", args=[world.placement.pk])).status_code == 403


def test_the_mentor_drafts_edits_and_sends_the_letter_the_learner_downloads_it(
    client, world, tasks_in_process, django_capture_on_commit_callbacks
):
    HoursEntry.objects.create(placement=world.placement, date=timezone.localdate() - timedelta(days=1),
                              start_time=time(8), end_time=time(16), status="approved")  # fmt: skip
    url = reverse("reference_letter", args=[world.placement.pk])
    client.force_login(world.learner)
    assert client.get(url).status_code == 404  # nothing sent yet
    client.force_login(world.mentor)
    draft = client.get(url).context["form"].initial["body"]
    assert "8.0 hours" in draft and world.company.name in draft
    client.post(url, {"body": draft + "\n\nDaan bakes the best bread in Leiden."})
    assert "best bread" in ReferenceLetter.objects.get().body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reference_letter_send", args=[world.placement.pk]))
    assert [m.to for m in mail.outbox] == [["learner@example.org"]]
    assert mail.outbox[0].attachments[0][2] == "application/pdf"
    client.force_login(world.learner)
    pdf = client.get(reverse("reference_letter_pdf", args=[world.placement.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.post(url, {"body": "I write my own"}).status_code == 403


@pytest.mark.parametrize("who", ["other_learner", "other_mentor", "company_admin", "outsider"])
def test_others_do_not_read_the_letter(client, world, who):
    ReferenceLetter.objects.create(placement=world.placement, body="Good", drafted_by=world.mentor,
                                   sent_at=timezone.now())  # fmt: skip
    client.force_login(getattr(world, who))
    assert client.get(reverse("reference_letter_pdf", args=[world.placement.pk])).status_code == 404
