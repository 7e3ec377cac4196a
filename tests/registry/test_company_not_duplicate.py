"""A pair of possible duplicates marked as different companies: stored with who and when, no longer shown as a
possible duplicate, undone again; only by those who keep both companies."""

import pytest
from django.urls import reverse

from accounts.models import CompanyNotDuplicate
from registry.register.companies.merge import merge_companies
from registry.register.companies.not_duplicates import mark_not_duplicate
from tests.factories import CompanyFactory, make_placement

DUPLICATES = reverse("company_duplicates")


@pytest.fixture
def twin(world):
    """A second record that looks like the world's bakery, hosting a learner of world.school."""
    company = CompanyFactory(name="Bakkerij de Korenschoof B.V.", city=world.company.city)
    make_placement(school=world.school, company=company)
    return company


def _shown(client):
    return {frozenset((p.first.pk, p.second.pk)) for p in client.get(DUPLICATES).context["pairs"]}


def test_a_coordinator_marks_a_pair_as_different_and_undoes_it(client, world, twin):
    client.force_login(world.coordinator)
    pair = frozenset((world.company.pk, twin.pk))
    assert pair in _shown(client)

    response = client.post(reverse("company_not_duplicate", args=[twin.pk, world.company.pk]))
    assert response.status_code == 302
    mark = CompanyNotDuplicate.objects.get()
    assert (mark.first_id, mark.second_id) == (min(pair), max(pair))
    assert mark.marked_by == world.coordinator and mark.marked_at is not None
    page = client.get(DUPLICATES)
    assert pair not in {frozenset((p.first.pk, p.second.pk)) for p in page.context["pairs"]}
    assert page.context["marked"] == [mark]
    assert reverse("company_not_duplicate_undo", args=[mark.first_id, mark.second_id]) in page.text
    # Marking again changes nothing.
    client.post(reverse("company_not_duplicate", args=[world.company.pk, twin.pk]))
    assert CompanyNotDuplicate.objects.count() == 1

    assert client.post(reverse("company_not_duplicate_undo", args=[world.company.pk, twin.pk])).status_code == 302
    assert not CompanyNotDuplicate.objects.exists()
    assert pair in _shown(client)
    # The audit history keeps who marked and who undid it.
    history = CompanyNotDuplicate.history.order_by("history_date")
    assert [(h.history_type, h.history_user) for h in history] == [
        ("+", world.coordinator),
        ("-", world.coordinator),
    ]


@pytest.mark.parametrize(
    "who, status",
    [("other_coordinator", 404), ("supervisor", 403), ("company_admin", 404), ("learner", 404), ("nobody", 404)],
)
def test_only_who_keeps_both_companies_marks_or_undoes(client, world, twin, who, status):
    client.force_login(getattr(world, who))
    assert client.post(reverse("company_not_duplicate", args=[world.company.pk, twin.pk])).status_code == status
    assert not CompanyNotDuplicate.objects.exists()
    mark_not_duplicate(company=world.company, other=twin, by=world.coordinator)
    assert client.post(reverse("company_not_duplicate_undo", args=[world.company.pk, twin.pk])).status_code == status
    assert CompanyNotDuplicate.objects.count() == 1


def test_staff_mark_any_pair_and_another_school_does_not_see_the_mark(client, world, twin):
    client.force_login(world.staff)
    client.post(reverse("company_not_duplicate", args=[world.company.pk, twin.pk]))
    assert CompanyNotDuplicate.objects.get().marked_by == world.staff
    client.force_login(world.other_coordinator)
    assert client.get(DUPLICATES).context["marked"] == []


def test_a_company_cannot_be_marked_as_different_from_itself(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("company_not_duplicate", args=[world.company.pk, world.company.pk]), follow=True)
    assert "always the same as itself" in response.text
    assert not CompanyNotDuplicate.objects.exists()


def test_a_get_changes_nothing(client, world, twin):
    client.force_login(world.coordinator)
    assert client.get(reverse("company_not_duplicate", args=[world.company.pk, twin.pk])).status_code == 405


def test_a_merge_carries_the_mark_to_the_kept_company(world, twin):
    """Three records: the twin is a different company from a third look-alike; the twin is then merged into a
    fourth record of itself. The kept record is still a different company from the third."""
    third = CompanyFactory(name="Bakkerij de Korenschoof", city=world.company.city)
    kept = CompanyFactory(name="Korenschoof Twin", city="Elsewhere")
    mark_not_duplicate(company=twin, other=third, by=world.staff)
    merge_companies(kept_id=kept.pk, removed_id=twin.pk, by=world.staff)
    mark = CompanyNotDuplicate.objects.get()
    assert {mark.first_id, mark.second_id} == {kept.pk, third.pk}
