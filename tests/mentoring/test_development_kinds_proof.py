"""The development log's newer kinds (labour-market orientation, intervision) and proof uploads: saved with the
activity, downloaded by the owner only, replaced and removed with it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mentoring.models import DevelopmentActivity

PDF = b"%PDF-1.7\n%proof\n"


def form_data(**overrides):
    data = {"kind": "intervision", "title": "Intervision group", "date": timezone.localdate().isoformat()}
    return {**data, "hours": "2", "notes": "", **overrides}


def test_the_new_kinds_can_be_logged(client, world):
    client.force_login(world.mentor)
    for kind in ("labour_market", "intervision", "network"):
        assert client.post(reverse("development_list"), form_data(kind=kind, title=kind)).status_code == 302
    page = client.get(reverse("development_list"))
    for activity in DevelopmentActivity.objects.all():
        assert activity.get_kind_display().capitalize() in page.text
    assert sorted(DevelopmentActivity.objects.values_list("kind", flat=True)) == [
        "intervision",
        "labour_market",
        "network",
    ]


def test_a_proof_is_uploaded_and_only_its_owner_downloads_it(client, world):
    client.force_login(world.mentor)
    upload = SimpleUploadedFile("attendance.pdf", PDF, content_type="application/pdf")
    assert client.post(reverse("development_list"), form_data(proof=upload)).status_code == 302
    activity = DevelopmentActivity.objects.get()
    url = reverse("development_proof", args=[activity.pk])
    assert url in client.get(reverse("development_list")).text
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF

    for who in ("colleague_mentor", "other_mentor"):
        client.force_login(getattr(world, who))
        assert client.get(url).status_code == 404
    client.force_login(world.supervisor)
    assert client.get(url).status_code == 403

    client.force_login(world.mentor)
    edit = client.post(reverse("development_edit", args=[activity.pk]), form_data(**{"proof-clear": "on"}))
    assert edit.status_code == 302
    activity.refresh_from_db()
    assert not activity.proof
    assert client.get(url).status_code == 404


def test_a_file_that_is_not_what_it_claims_is_refused(client, world):
    client.force_login(world.mentor)
    fake = SimpleUploadedFile("attendance.pdf", b"MZ\x90\x00", content_type="application/pdf")
    response = client.post(reverse("development_list"), form_data(proof=fake))
    assert response.status_code == 200
    assert "proof" in response.context["form"].errors
    assert not DevelopmentActivity.objects.exists()
