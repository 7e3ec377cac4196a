"""The participant's evidence page and the school's certificate settings page."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from registry.certificates.eligibility import registry_settings_for
from registry.models import Certificate, MentorEligibility

from .factories_certificates import certificate_course, enrol_completed, pdf_upload, png_upload, set_rules


def test_a_participant_uploads_evidence_and_then_the_certificate_can_be_issued(client, world):
    set_rules(world.school, min_experience_years=3, requires_good_conduct=True)
    course = certificate_course(world)
    enrolment = enrol_completed(course, world.mentor, world.company)
    client.force_login(world.mentor)
    page = client.get(reverse("my_eligibility"))
    assert "No certificate of good conduct has been uploaded." in page.text

    response = client.post(
        reverse("my_eligibility"),
        {
            "work_experience_years": "4",
            "education": "MBO 4 Bakker, coaching course",
            "good_conduct_file": pdf_upload(),
            "good_conduct_issued_on": "2025-11-03",
        },
    )
    assert response.status_code == 302
    evidence = MentorEligibility.objects.get(user=world.mentor)
    assert (evidence.work_experience_years, evidence.education) == (4, "MBO 4 Bakker, coaching course")
    assert evidence.good_conduct_file.name.endswith(".pdf")
    assert "Nothing is missing." in client.get(reverse("my_eligibility")).text

    client.force_login(world.supervisor)
    # The teacher reads the education and experience beside the participant before issuing.
    page = client.get(reverse("course_certificates", args=[course.pk])).text
    assert "4 years of work experience · MBO 4 Bakker, coaching course" in page
    client.post(reverse("certificate_issue", args=[course.pk, enrolment.pk]))
    assert Certificate.objects.filter(enrolment=enrolment).exists()


def test_evidence_must_be_a_real_pdf_or_image(client, world):
    client.force_login(world.mentor)
    fake = SimpleUploadedFile("vog.pdf", b"MZ this is a program", content_type="application/pdf")
    response = client.post(reverse("my_eligibility"), {"work_experience_years": "4", "good_conduct_file": fake})
    assert response.status_code == 200
    assert "does not look like a real .pdf file" in response.text
    word = SimpleUploadedFile("vog.docx", b"PK\x03\x04 word", content_type="application/octet-stream")
    response = client.post(reverse("my_eligibility"), {"work_experience_years": "4", "good_conduct_file": word})
    assert "only jpeg, jpg, pdf, png files" in response.text
    assert not MentorEligibility.objects.exists()


def test_evidence_larger_than_10_mb_is_refused(client, world):
    client.force_login(world.mentor)
    big = SimpleUploadedFile("vog.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    response = client.post(reverse("my_eligibility"), {"work_experience_years": "4", "good_conduct_file": big})
    assert "attachments can be at most 10" in response.text
    assert not MentorEligibility.objects.exists()


def test_a_coordinator_changes_the_rules_and_the_look(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("registry_settings"),
        {
            "validity_years": "5",
            "min_experience_years": "2",
            "requires_good_conduct": "on",
            "renewal_development_hours": "16",
            "expiry_reminder_days": "90",
            "certificate_language": "en",
            "primary_colour": "#8a1538",
            "logo": png_upload(),
            "signatory_name": " Petra Jansen ",
            "signatory_title": "Directeur",
        },
    )
    assert response.status_code == 302
    rules = registry_settings_for(world.school.pk)
    assert (rules.validity_years, rules.min_experience_years, rules.requires_good_conduct) == (5, 2, True)
    assert (rules.renewal_development_hours, rules.expiry_reminder_days, rules.certificate_language) == (16, 90, "en")
    assert (rules.primary_colour, rules.signatory_name) == ("#8a1538", "Petra Jansen")
    assert rules.logo.name.endswith(".png")


def test_bad_settings_are_shown_on_the_form_and_nothing_is_saved(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("registry_settings"),
        {
            "validity_years": "0",
            "min_experience_years": "0",
            "renewal_development_hours": "0",
            "expiry_reminder_days": "0",
            "certificate_language": "nl",
            "primary_colour": "red",
            "logo": SimpleUploadedFile("logo.png", b"not an image", content_type="image/png"),
        },
    )
    assert response.status_code == 400
    assert "Give a colour as #RRGGBB." in response.text
    assert "Enter a number of days from 1 to 365." in response.text
    assert "does not look like a real .png file" in response.text
    rules = registry_settings_for(world.school.pk)
    assert (rules.validity_years, rules.primary_colour, rules.logo.name) == (3, "#17496b", "")


def test_staff_choose_the_school_whose_settings_they_change(client, world):
    client.force_login(world.staff)
    response = client.get(reverse("registry_settings"), {"school": world.other_school.pk})
    assert response.status_code == 200
    assert response.context["school"] == world.other_school
    assert "Noordkust College" in response.text


def test_the_uploaded_file_is_named_not_linked_and_can_be_removed(client, world):
    client.force_login(world.mentor)
    client.post(
        reverse("my_eligibility"), {"work_experience_years": "4", "good_conduct_file": pdf_upload("vog-2025.pdf")}
    )
    page = client.get(reverse("my_eligibility"))
    assert "vog-2025" in page.text
    assert "/media/" not in page.text
    response = client.post(reverse("my_eligibility"), {"work_experience_years": "4", "remove_good_conduct": "on"})
    assert response.status_code == 302
    assert not MentorEligibility.objects.get(user=world.mentor).good_conduct_file
