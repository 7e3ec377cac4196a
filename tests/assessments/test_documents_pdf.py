"""The assessment record as a PDF: everything rated is in it, in the reader's language, with page numbers."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.documents.pdf import record_html, record_pdf_filename, render_record_pdf
from assessments.models import AssessmentRecord, Indicator, Rating, Signature
from assessments.selectors import record_for_user
from registry.models import RegistrySettings
from tests.helpers import pdf_text
from tests.registry.factories_certificates import png_upload
from tests.registry.factories_courses import enrol, make_course

from .factories_assessments import lock, make_framework_version
from .factories_documents import filled_record


def _loaded(world, record):
    """The record as the download view loads it."""
    return record_for_user(world.staff, record.pk)


def test_the_pdf_holds_learner_placement_framework_and_every_rating(world):
    record = lock(filled_record(world.placement))
    pdf = render_record_pdf(_loaded(world, record), language="en")
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    placement = world.placement
    for expected in (
        "Rijnland Vakcollege",
        "Mid-term assessment",
        "Daan Jansen",
        "Bakkerij De Korenschoof",
        "Marieke de Vries",
        placement.supervisor.get_full_name(),
        "Exit qualifications bakery, version 1",
        "1 March 2026",
        "observation on the job, portfolio of evidence",
        "Judgement remark 1.1.",
        "A good first half of the placement.",
        "Punctual and precise.",
        "Plan the oven schedule ahead.",
        "I agree and will practise planning.",
        "Page 1 of",
    ):
        assert expected in text, expected
    rows = pdf_text(pdf, rows=True)
    ratings = Rating.objects.filter(record=record).select_related("indicator", "level")
    assert ratings.count() == 8
    for rating in ratings:
        # Each indicator's row reads: level in words, title, and its remarks on the line below.
        assert f"{rating.level.title} {rating.indicator.title} Works carefully" in rows, rating.indicator.title


def test_signatures_show_name_role_time_and_verdict_or_pending(world):
    record = filled_record(world.placement)
    signed_at = datetime(2026, 3, 2, 10, 15, tzinfo=ZoneInfo("Europe/Amsterdam"))
    Signature.objects.create(
        record=record,
        role=Signature.Role.ASSESSOR,
        user=world.mentor,
        name="Marieke de Vries",
        email=world.mentor.email,
        verdict=Signature.Verdict.AGREE,
        signed_at=signed_at,
    )
    Signature.objects.create(
        record=record,
        role=Signature.Role.SUBJECT,
        user=world.learner,
        name="Daan Jansen",
        email=world.learner.email,
        verdict=Signature.Verdict.DISAGREE,
        reason="My planning was better in week 6.",
        signed_at=signed_at,
    )
    Signature.objects.create(
        record=record, role=Signature.Role.ASSESSOR, name="Ingrid Supervisor", email="ingrid@example.org"
    )
    text = pdf_text(render_record_pdf(_loaded(world, record), language="en"), rows=True)
    assert "Marieke de Vries Assessor 2 March 2026, 10:15 Agree" in text
    assert "Daan Jansen Person assessed 2 March 2026, 10:15 Seen, disagree: My planning was better in week 6." in text
    assert "Ingrid Supervisor Assessor – pending" in text


def test_a_draft_is_marked_on_every_page_and_a_signed_record_is_not(world):
    record = filled_record(world.placement)
    assert "Draft: not final and not signed" in pdf_text(render_record_pdf(_loaded(world, record), language="en"))
    # A fixed box repeats on every page: the big slanted word.
    assert '<div class="draft-mark" aria-hidden="true">DRAFT</div>' in record_html(record, language="en")
    lock(record)
    assert "Draft" not in pdf_text(render_record_pdf(_loaded(world, record), language="en"))
    assert "draft-mark" not in record_html(record, language="en")


def test_an_amendment_says_which_version_it_replaces_and_why(world):
    first = lock(filled_record(world.placement))
    second = AssessmentRecord.objects.create(
        subject=first.subject,
        placement=first.placement,
        moment=first.moment,
        framework_version=first.framework_version,
        title=first.title,
        assessed_on=first.assessed_on,
        version=2,
        amends=first,
        amendment_reason="The rating of indicator 1.1.2 was entered wrongly.",
        created_by=world.mentor,
    )
    text = pdf_text(render_record_pdf(_loaded(world, second), language="en"))
    assert "Version 2, amends version 1: The rating of indicator 1.1.2 was entered wrongly." in text


def test_the_pdf_is_in_the_language_asked_for(world):
    record = lock(filled_record(world.placement))
    pdf = render_record_pdf(_loaded(world, record), language="nl")
    assert "Exit qualifications bakery (nl)" in pdf_text(pdf)
    assert "1 maart 2026" in pdf_text(pdf)
    rows = pdf_text(pdf, rows=True)
    assert "onvoldoende Indicator 1.1.1 (nl)" in rows
    assert "voldoende Indicator 1.1.2 (nl)" in rows


def test_a_long_record_numbers_its_pages(world):
    record = lock(filled_record(world.placement, areas=3, competencies=3, indicators=5, remarks="A remark. " * 8))
    pdf = render_record_pdf(_loaded(world, record), language="en")
    first, second = pdf_text(pdf, rows=True, page=1), pdf_text(pdf, rows=True, page=2)
    assert "Page 1 of " in first
    assert "Page 2 of " in second
    assert "Page 1 of 1" not in first
    assert "Daan Jansen · Page 2 of " in second  # whose record a loose page belongs to
    text = pdf_text(pdf)
    for indicator in Indicator.objects.filter(competency__area__version=record.framework_version):
        assert indicator.title in text


def test_a_course_record_names_the_mentor_course_and_employer(world):
    version = make_framework_version(code="mentor-profile", title="Job profile of the work mentor", purpose="mentors")
    course = make_course(world, title="Werkmentortraining voorjaar")
    enrolment = enrol(course, world.mentor, world.company)
    record = AssessmentRecord.objects.create(
        subject=world.mentor,
        enrolment=enrolment,
        framework_version=version,
        title="Assessment against the mentor job profile",
        assessed_on=date(2026, 5, 4),
        created_by=world.supervisor,
    )
    for indicator in Indicator.objects.filter(competency__area__version=version):
        Rating.objects.create(record=record, indicator=indicator, level=version.levels.get(value=3))
    text = pdf_text(render_record_pdf(_loaded(world, record), language="en"))
    for expected in (
        "Marieke de Vries",
        "Bakkerij De Korenschoof",
        "Werkmentortraining voorjaar",
        "Job profile of the work mentor, version 1",
        "Indicator 2.2.2",
    ):
        assert expected in text, expected


def test_branding_comes_from_the_schools_registry_settings_and_is_never_created(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    record = filled_record(world.placement)
    render_record_pdf(_loaded(world, record), language="en")
    assert not RegistrySettings.objects.filter(school=world.school).exists()  # a download writes nothing
    RegistrySettings.objects.create(school=world.school, primary_colour="#aa3300", logo=png_upload())
    html_logo = record_html(record, language="en", logo="data:image/png;base64,AAAA")
    assert 'class="logo" src="data:image/png;base64,AAAA"' in html_logo
    assert render_record_pdf(_loaded(world, record), language="en").startswith(b"%PDF")


def test_the_html_escapes_what_people_typed(world):
    record = filled_record(world.placement, strengths='<img src="https://example.org/x.png"> Fine')
    rating = record.ratings.order_by("pk").first()
    rating.remarks = '<a href="https://example.org">look</a> & <b>more'
    rating.save()
    judgement = record.judgements.order_by("pk").first()
    judgement.remarks = "<script>alert(1)</script>"
    judgement.save()
    html = record_html(record, language="en")
    assert "&lt;img" in html
    assert '<img src="https://example.org' not in html
    assert "&lt;a href=&quot;https://example.org&quot;&gt;look&lt;/a&gt; &amp; &lt;b&gt;more" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<a href" not in html
    assert render_record_pdf(record, language="en").startswith(b"%PDF")  # the local-only fetcher never goes out


def test_the_filename_names_the_learner_and_the_day(world):
    record = filled_record(world.placement, assessed_on=date(2026, 3, 1))
    assert record_pdf_filename(record, language="en") == "assessment-daan-jansen-2026-03-01.pdf"


# --- The download -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "staff"])
def test_who_may_see_the_record_downloads_it(client, world, role):
    record = lock(filled_record(world.placement))
    client.force_login(getattr(world, role))
    response = client.get(reverse("assessment_pdf", args=[record.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="assessment-daan-jansen-2026-03-01.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert "Daan Jansen" in pdf_text(response.content)


@pytest.mark.parametrize(
    "role",
    ["company_admin", "colleague_mentor", "other_learner", "other_teacher", "other_coordinator", "outsider", "nobody"],
)
def test_others_do_not_learn_the_record_exists(client, world, role):
    record = lock(filled_record(world.placement))
    client.force_login(getattr(world, role))
    assert client.get(reverse("assessment_pdf", args=[record.pk])).status_code == 404
    assert client.get(reverse("assessment_pdf", args=[record.pk + 999])).status_code == 404


def test_the_download_needs_a_login_and_is_in_the_viewers_language(client, world):
    record = lock(filled_record(world.placement))
    url = reverse("assessment_pdf", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]
    world.supervisor.language = "nl"
    world.supervisor.save(update_fields=["language"])
    client.force_login(world.supervisor)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert "1 maart 2026" in pdf_text(response.content)
    assert response["Content-Disposition"].endswith('2026-03-01.pdf"')


def test_the_download_is_get_only(client, world):
    record = lock(filled_record(world.placement))
    client.force_login(world.mentor)
    assert client.post(reverse("assessment_pdf", args=[record.pk])).status_code == 405


def test_a_placement_that_ended_long_ago_still_prints(world):
    world.placement.start_date = date(2020, 1, 6)
    world.placement.end_date = date(2020, 6, 26)
    world.placement.save(update_fields=["start_date", "end_date"])
    record = filled_record(world.placement, assessed_on=date(2020, 6, 1))
    lock(record, at=timezone.now() - timedelta(days=2000))
    assert "6 Jan 2020 – 26 Jun 2020" in pdf_text(render_record_pdf(_loaded(world, record), language="en"))
