"""Merging two records of one company: every link of every app moves, nothing is lost, and who may do it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Company, Membership, Role
from placements.models import InductionTemplate, Opening, Placement
from registry.models import Certificate, CompanyMerge, Enrolment
from registry.register.companies.merge import MERGE_REASON, company_links, merge_companies
from tests.factories import CompanyFactory, grant, make_placement, person
from tests.placements.factories_recruitment import make_opening
from tests.registry.factories_courses import enrol, make_course
from tests.registry.factories_register import make_certificate


@pytest.fixture
def twin(world):
    """The world's bakery typed in a second time, with links of every kind: a placement of world.school (with a
    mentor of its own), world.mentor's role again, an admin, an issued certificate, an opening, a course
    enrolment, and a default induction template (the bakery has one as well)."""
    company = CompanyFactory(
        name="Bakkerij de Korenschoof B.V.",
        city=world.company.city,
        registration_number="12345678",
        address="Korenstraat 1",
        accreditation_status=Company.Accreditation.ACCREDITED,
        accredited_on="2025-01-01",
        recognition_number="100200300",
    )
    placement = make_placement(school=world.school, company=company)
    grant(world.mentor, Role.MENTOR, company)  # the same person's role at both records
    admin = person(Role.COMPANY_ADMIN, company, email="twin.admin@example.org")
    certificate = make_certificate(school=world.school, company=company, holder_name="Henk Twin")
    opening = make_opening(world, company=company, title="Baker's assistant")
    enrolment = enrol(make_course(world), world.colleague_mentor, company)
    InductionTemplate.objects.create(company=world.company, name="Bakery", is_default=True)
    template = InductionTemplate.objects.create(company=company, name="Twin bakery", is_default=True)
    return company, {
        "placement": placement, "admin": admin, "certificate": certificate, "opening": opening,
        "enrolment": enrolment, "template": template,
    }  # fmt: skip


def merge_url(kept, removed):
    return reverse("company_merge", args=[kept.pk, removed.pk])


def test_the_confirmation_page_shows_what_moves(client, world, twin):
    company, _links = twin
    client.force_login(world.coordinator)
    response = client.get(merge_url(world.company, company))
    assert response.status_code == 200
    moves = {move.label: (move.moved, move.dropped) for move in response.context["moves"]}
    assert moves == {
        "Roles": (2, 1),  # the admin and the placement's mentor move; world.mentor is at the bakery already
        "Work placements": (1, 0),
        "Induction templates": (1, 0),
        "Openings": (1, 0),
        "Enrolments": (1, 0),
        "Certificates": (1, 0),
    }
    assert set(response.context["copied"]) >= {"registration number", "address", "recognition number"}
    assert "accreditation status" in response.context["copied"]  # the bakery has none: it takes the twin's
    assert Company.objects.filter(pk=company.pk).exists()  # nothing happened yet


def test_merging_keeps_every_link_and_removes_the_other_record(client, world, twin):
    company, links = twin
    kept_placements = set(world.company.placements.values_list("pk", flat=True)) | {links["placement"].pk}
    client.force_login(world.coordinator)
    response = client.post(merge_url(world.company, company), {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == reverse("company_register_detail", args=[world.company.pk])

    assert not Company.objects.filter(pk=company.pk).exists()
    assert set(Placement.objects.filter(company=world.company).values_list("pk", flat=True)) == kept_placements
    certificate = Certificate.objects.get(pk=links["certificate"].pk)
    assert certificate.company == world.company
    assert certificate.company_name == "Bakkerij de Korenschoof B.V."  # the name it was issued with stays
    assert Opening.objects.get(pk=links["opening"].pk).company == world.company
    assert Enrolment.objects.get(pk=links["enrolment"].pk).company == world.company
    assert Membership.objects.filter(user=world.mentor, role=Role.MENTOR, company=world.company).count() == 1
    assert Membership.objects.filter(user=links["admin"], role=Role.COMPANY_ADMIN, company=world.company).exists()
    templates = InductionTemplate.objects.filter(company=world.company)
    assert templates.count() == 2 and templates.filter(is_default=True).get().name == "Bakery"
    # Nothing anywhere still points to the removed record.
    for link in company_links():
        assert not link.model._base_manager.filter(**{link.field.attname: company.pk}).exists(), link

    world.company.refresh_from_db()
    assert (world.company.registration_number, world.company.address) == ("12345678", "Korenstraat 1")
    assert world.company.name == "Bakkerij De Korenschoof"  # the kept record's own details stay
    assert (world.company.accreditation_status, world.company.recognition_number) == ("accredited", "100200300")


def test_the_merge_is_recorded_and_in_the_history(client, world, twin):
    company, links = twin
    removed_pk = company.pk
    client.force_login(world.coordinator)
    client.post(merge_url(world.company, company), {"confirm": "on"})

    merge = CompanyMerge.objects.get()
    assert (merge.kept, merge.merged_company_id, merge.merged_name) == (world.company, removed_pk, company.name)
    assert merge.merged_by == world.coordinator
    assert merge.moved["placements.placement"] == 1 and merge.moved["accounts.membership:dropped"] == 1
    page = client.get(reverse("company_register_detail", args=[world.company.pk]))
    assert "Merged into this company" in page.text and f"record #{removed_pk}" in page.text

    moved = Placement.history.filter(id=links["placement"].pk).latest("history_date")
    assert (moved.company_id, moved.history_user, moved.history_change_reason) == (
        world.company.pk, world.coordinator, MERGE_REASON,
    )  # fmt: skip
    deleted = Company.history.filter(id=removed_pk).latest("history_date")
    assert (deleted.history_type, deleted.history_user) == ("-", world.coordinator)
    kept = Company.history.filter(id=world.company.pk).latest("history_date")
    assert (kept.history_change_reason, kept.registration_number) == (MERGE_REASON, "12345678")
    history = client.get(reverse("history", args=["company", world.company.pk]))
    assert "two records of the company were merged" in history.text
    # The merged record's own history (its accreditation, say) stays readable for the kept company's coordinators.
    merged_history = reverse("history", args=["company", removed_pk])
    assert merged_history in page.text
    assert client.get(merged_history).status_code == 200
    client.force_login(world.other_coordinator)
    assert client.get(merged_history).status_code == 404


def test_an_earlier_merge_moves_along_when_the_kept_company_is_merged_again(world, twin):
    company, _links = twin
    merge_companies(kept_id=company.pk, removed_id=world.company.pk, by=world.staff)
    third = CompanyFactory(name="Korenschoof", city=company.city)
    merge_companies(kept_id=third.pk, removed_id=company.pk, by=world.staff)
    assert set(CompanyMerge.objects.values_list("kept", flat=True)) == {third.pk}
    assert Placement.objects.filter(company=third).count() == 2


def test_a_company_is_not_merged_with_itself(client, world, twin):
    client.force_login(world.coordinator)
    response = client.post(merge_url(world.company, world.company), {"confirm": "on"})
    assert response.status_code == 400
    assert "cannot be merged with itself" in response.text
    assert Company.objects.filter(pk=world.company.pk).exists()
    with pytest.raises(ValidationError):
        merge_companies(kept_id=world.company.pk, removed_id=world.company.pk, by=world.staff)


def test_without_confirmation_nothing_is_merged(client, world, twin):
    company, _links = twin
    client.force_login(world.coordinator)
    response = client.post(merge_url(world.company, company), {})
    assert response.status_code == 400
    assert "Tick the box to confirm the merge." in response.text
    assert Company.objects.filter(pk=company.pk).exists()
    assert not CompanyMerge.objects.exists()


def test_a_record_merged_already_is_refused_with_a_reason(world, twin):
    company, _links = twin
    merge_companies(kept_id=world.company.pk, removed_id=company.pk, by=world.staff)
    with pytest.raises(ValidationError, match="no longer exists"):
        merge_companies(kept_id=world.company.pk, removed_id=company.pk, by=world.staff)


@pytest.mark.parametrize(
    "role, status",
    [("supervisor", 403), ("mentor", 403), ("company_admin", 404), ("learner", 404), ("other_coordinator", 404)],
)
def test_who_may_not_merge(client, world, twin, role, status):
    """world.mentor works at both records (403); world.company_admin does not see the second one (404)."""
    company, _links = twin
    client.force_login(getattr(world, role))
    assert client.get(merge_url(world.company, company)).status_code == status
    assert client.post(merge_url(world.company, company), {"confirm": "on"}).status_code == status
    assert Company.objects.filter(pk=company.pk).exists()


def test_a_coordinator_merges_only_companies_hosting_their_learners(client, world, twin):
    """world.other_company hosts none of world.school's learners: 404, as if it did not exist."""
    client.force_login(world.coordinator)
    assert client.get(merge_url(world.company, world.other_company)).status_code == 404
    client.force_login(world.staff)
    assert client.get(merge_url(world.company, world.other_company)).status_code == 200


def test_staff_read_the_merges_in_the_admin_without_changing_them(client, world, twin):
    company, _links = twin
    merge = merge_companies(kept_id=world.company.pk, removed_id=company.pk, by=world.coordinator)
    world.staff.is_superuser = True
    world.staff.save()
    client.force_login(world.staff)
    listing = client.get(reverse("admin:registry_companymerge_changelist"))
    assert listing.status_code == 200 and "Bakkerij de Korenschoof B.V." in listing.text
    assert client.get(reverse("admin:registry_companymerge_add")).status_code == 403
    delete = reverse("admin:registry_companymerge_delete", args=[merge.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert CompanyMerge.objects.filter(pk=merge.pk).exists()


def test_a_role_still_running_at_the_merged_record_keeps_the_person_at_the_kept_one(world, twin):
    """world.mentor left the bakery's first record but still works there under the second: they stay."""
    company, _links = twin
    Membership.objects.filter(user=world.mentor, company=world.company).update(ended_at=timezone.now())
    merge_companies(kept_id=world.company.pk, removed_id=company.pk, by=world.coordinator)
    role = Membership.objects.get(user=world.mentor, role=Role.MENTOR, company=world.company)
    assert role.ended_at is None
    assert Membership.history.filter(id=role.pk).latest("history_date").history_change_reason == MERGE_REASON
