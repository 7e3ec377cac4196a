"""The export of "My account": the person's data and nothing of others, per role."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from privacy.export.archive import build_export
from tests.assessments.factories_assessments import lock, make_record

EVERY_MARKER = {
    "MINE-SESSION", "LEARNER-REFLECTION", "OTHER-MENTOR-SESSION", "MENTOR-PRIVATE", "SUPERVISOR-PRIVATE",
    "GOAL-DAAN", "GOAL-OTHER", "HOURS-DAAN", "NOTE-DAAN", "NOTE-OTHER", "GUARDIAN-JANSEN",
    "CRITICAL-MENTOR", "PREP-DAAN", "PREP-OTHER",
}  # fmt: skip
# What each role's export holds of the markers; every other marker must be absent.
EXPECTED = {
    "learner": {
        "MINE-SESSION",
        "LEARNER-REFLECTION",
        "GOAL-DAAN",
        "HOURS-DAAN",
        "NOTE-DAAN",
        "GUARDIAN-JANSEN",
        "PREP-DAAN",
    },  # fmt: skip
    # The sessions they logged (with the learner's reflection on them), their own private note and the critical
    # situation they recorded about their own work as a coach.
    "mentor": {"MINE-SESSION", "LEARNER-REFLECTION", "MENTOR-PRIVATE", "CRITICAL-MENTOR"},
    "supervisor": {"SUPERVISOR-PRIVATE"},
    "coordinator": set(),
}


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def json_text(files: dict[str, bytes]) -> str:
    return " ".join(content.decode() for name, content in files.items() if name.endswith(".json"))


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_the_export_holds_the_persons_data_and_nothing_of_others(cast, fast_pdfs, who):
    person = getattr(cast.world, who)
    files = unzip(build_export(person))
    text = json_text(files)
    assert json.loads(files["profile.json"])["email"] == person.email
    present = {marker for marker in EVERY_MARKER if marker in text}
    assert present == EXPECTED[who]
    assert cast.world.other_learner.email not in text
    assert cast.colleague_certificate.number not in text
    assert "README.txt" in files


def test_a_mentor_gets_their_certificate_as_data_and_as_pdf(cast, fast_pdfs):
    files = unzip(build_export(cast.world.mentor))
    certificates = json.loads(files["certificates.json"])
    assert [c["number"] for c in certificates] == [cast.certificate.number]
    assert files[f"certificates/{cast.certificate.number}.pdf"] == b"%PDF-certificate"
    assert not any(cast.colleague_certificate.number in name for name in files)


def test_a_learner_gets_the_signed_assessments_about_them_as_pdf_and_not_the_drafts(cast, fast_pdfs):
    signed = make_record(cast.world.placement, rate=False, title="Final assessment")
    lock(signed)
    make_record(cast.world.placement, plan=signed.moment.plan, rate=False, title="Draft in progress")
    files = unzip(build_export(cast.world.learner))
    pdfs = [name for name in files if name.startswith("assessments/")]
    assert len(pdfs) == 1 and pdfs[0].startswith(f"assessments/{signed.pk}-")
    assert {r["title"] for r in json.loads(files["assessments.json"])} == {"Final assessment", "Draft in progress"}
    # The mentor signed it: their export lists their signature, not the learner's assessment itself.
    mentor_files = unzip(build_export(cast.world.mentor))
    assert json.loads(mentor_files["assessments.json"]) == []
    assert [s["record__title"] for s in json.loads(mentor_files["signatures.json"])] == ["Final assessment"]


def test_survey_answers_are_never_in_the_export(cast, fast_pdfs):
    files = unzip(build_export(cast.world.learner))
    assert "survey_invitations.json" in files
    assert not any(name.startswith(("survey_answer", "responses", "answers")) for name in files)
    invitation_fields = {"version__questionnaire__code", "answered", "sent_at"}
    assert all(invitation_fields <= row.keys() for row in json.loads(files["survey_invitations.json"]))


def test_my_account_offers_the_download_and_it_is_a_zip_with_a_real_pdf(client, cast):
    client.force_login(cast.world.mentor)
    assert reverse("privacy_my_data") in client.get(reverse("my_account")).text
    response = client.get(reverse("privacy_my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    files = unzip(response.content)
    assert files[f"certificates/{cast.certificate.number}.pdf"].startswith(b"%PDF")


def test_the_download_needs_a_log_in(client, db):
    response = client.get(reverse("privacy_my_data"))
    assert response.status_code == 302 and reverse("login") in response.url
