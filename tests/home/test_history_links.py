"""The pages of audited objects link to their History only for those who may open it (staff, coordinators)."""

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.assessments.factories_assessments import make_record
from tests.factories import ProgrammeFactory, grant, make_placement
from tests.registry.factories_register import make_certificate

pytestmark = pytest.mark.django_db


def link(kind, obj):
    return f'href="{reverse("history", args=[kind, obj.pk])}"'


def shown_to(client, user, url, href):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return href in response.text


def test_the_placement_page(client, world):
    url, href = reverse("placement_detail", args=[world.placement.pk]), link("placement", world.placement)
    assert shown_to(client, world.coordinator, url, href)
    assert shown_to(client, world.staff, url, href)
    for who in (world.supervisor, world.mentor, world.learner, world.company_admin):
        assert not shown_to(client, who, url, href), who


def test_the_certificate_page(client, world):
    certificate = make_certificate(school=world.school, company=world.company, holder=world.mentor)
    url, href = reverse("certificate_detail", args=[certificate.pk]), link("certificate", certificate)
    assert shown_to(client, world.coordinator, url, href)
    assert not shown_to(client, world.supervisor, url, href)  # issues and revokes, but the history is not theirs
    assert not shown_to(client, world.mentor, url, href)


def test_the_assessment_record_page_links_a_record_or_an_amendment(client, world):
    record = make_record(world.placement, rate=False)
    amendment = make_record(world.placement, rate=False, amends=record, version=2, amendment_reason="Typo.")
    assert shown_to(client, world.coordinator, reverse("assessment_detail", args=[record.pk]), link("record", record))
    url = reverse("assessment_detail", args=[amendment.pk])
    assert shown_to(client, world.coordinator, url, link("amendment", amendment))
    assert not shown_to(client, world.mentor, url, link("amendment", amendment))
    assert not shown_to(client, world.learner, url, link("amendment", amendment))


def test_the_company_register(client, world):
    url, href = reverse("company_register"), link("company", world.company)
    assert shown_to(client, world.coordinator, url, href)
    assert not shown_to(client, world.supervisor, url, href)


def test_the_company_register_of_someone_who_teaches_at_a_school_they_do_not_coordinate(client, world):
    grant(world.coordinator, Role.TEACHER, world.other_school)
    make_placement(
        school=world.other_school,
        company=world.other_company,
        mentor=world.other_mentor,
        supervisor=world.other_teacher,
        programme=ProgrammeFactory(school=world.other_school),
    )
    client.force_login(world.coordinator)
    page = client.get(reverse("company_register")).text
    assert world.other_company.name in page  # listed: it hosts a learner of the school they teach at
    assert link("company", world.other_company) not in page  # but its history is not theirs
    assert link("company", world.company) in page


def test_the_school_settings_page(client, world):
    url, href = reverse("registry_settings"), link("school-settings", world.school)
    assert shown_to(client, world.coordinator, url, href)
