"""Who reaches the placement agreement's pages: whoever sees the placement reads it; the school manages it;
each party signs only their own signature; outsiders get 404."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from assessments.agreements.selectors import SIGN_LINK
from assessments.agreements.services import agreement_submit
from assessments.models import AgreementSettings, AgreementSignature, PlacementAgreement
from placements.models import Placement
from placements.services import placement_update

from .factories_agreements import born, drawn, party, sent, signed

Role = AgreementSignature.Role
QUERIES = 7  # the agreements page of a placement: a fixed cost, however many addenda it has
READERS = ["learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "company_admin", "staff"]
OUTSIDERS = ["other_learner", "colleague_mentor", "other_mentor", "other_teacher", "other_coordinator", "outsider"]


@pytest.mark.parametrize("who", READERS)
def test_those_who_see_the_placement_read_its_agreement(client, world, who):
    agreement = drawn(world)
    client.force_login(getattr(world, who))
    assert client.get(reverse("placement_agreement", args=[world.placement.pk])).status_code == 200
    response = client.get(reverse("agreement_detail", args=[agreement.pk]))
    assert response.status_code == 200
    assert "Bakkerij De Korenschoof" in response.text


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_404(client, world, who):
    agreement = drawn(world)
    client.force_login(getattr(world, who))
    for name, pk in [("placement_agreement", world.placement.pk), ("agreement_detail", agreement.pk)]:
        assert client.get(reverse(name, args=[pk])).status_code == 404
    for name in ("agreement_pdf", "agreement_submit", "agreement_sign", "agreement_guardian"):
        method = client.get if name == "agreement_pdf" else client.post
        assert method(reverse(name, args=[agreement.pk])).status_code == 404


@pytest.mark.parametrize("who", ["supervisor", "coordinator"])
def test_the_school_draws_up_and_sends(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("agreement_create", args=[world.placement.pk]))
    agreement = PlacementAgreement.objects.get(placement=world.placement)
    assert response.url == reverse("agreement_detail", args=[agreement.pk])
    client.post(reverse("agreement_submit", args=[agreement.pk]))
    agreement.refresh_from_db()
    assert agreement.status == PlacementAgreement.Status.AWAITING


@pytest.mark.parametrize("who", ["learner", "mentor", "colleague_teacher", "company_admin"])
def test_others_who_read_it_may_not_manage_it(client, world, who):
    client.force_login(getattr(world, who))
    assert client.post(reverse("agreement_create", args=[world.placement.pk])).status_code == 403
    agreement = drawn(world)
    for name in ("agreement_submit", "agreement_withdraw", "agreement_guardian"):
        assert client.post(reverse(name, args=[agreement.pk])).status_code == 403


def test_each_party_signs_only_their_own_signature(client, world):
    agreement = sent(world)
    client.force_login(world.learner)
    response = client.post(reverse("agreement_sign", args=[agreement.pk]), {"agree": "on"})
    assert response.status_code == 302
    assert party(agreement, Role.LEARNER).is_signed
    assert not party(agreement, Role.COMPANY).is_signed
    client.force_login(world.company_admin)  # reads the agreement, but is not a party
    assert client.post(reverse("agreement_sign", args=[agreement.pk]), {"agree": "on"}).status_code == 403


def test_signing_without_ticking_the_box_is_a_form_message(client, world):
    agreement = sent(world)
    client.force_login(world.mentor)
    response = client.post(reverse("agreement_sign", args=[agreement.pk]), {})
    assert response.status_code == 400
    assert "Tick the box" in response.text
    assert not party(agreement, Role.COMPANY).is_signed


def test_a_guardian_signs_by_the_e_mailed_link(client, world):
    born(world, date(2012, 5, 1), guardian_name="Els Jansen", guardian_email="els@example.org")
    agreement = sent(world)
    link = reverse("agreement_sign_link", args=[SIGN_LINK.make(party(agreement, Role.GUARDIAN))])
    assert "Els Jansen" in client.get(link).text
    assert client.post(link, {"agree": "on"}).status_code == 302
    assert party(agreement, Role.GUARDIAN).is_signed
    assert client.get(link + "x").status_code in (400, 404)


def test_a_bad_guardian_e_mail_is_a_form_message(client, world):
    agreement = drawn(world)
    client.force_login(world.supervisor)
    response = client.post(reverse("agreement_guardian", args=[agreement.pk]), {"name": "X", "email": "not-an-email"})
    assert response.status_code == 400


def test_the_setting_is_the_coordinators_of_their_own_school(client, world):
    client.force_login(world.coordinator)
    url = reverse("agreement_settings")
    assert world.school.name in client.get(url).text
    response = client.post(url, {"school": world.school.pk, f"s{world.school.pk}-required_before_start": "on"})
    assert response.status_code == 302
    assert AgreementSettings.objects.get(school=world.school).required_before_start
    assert client.post(url, {"school": world.other_school.pk}).status_code == 404
    client.force_login(world.supervisor)
    assert client.get(url).status_code == 404


def test_the_status_page_says_why_activation_is_refused(client, world):
    AgreementSettings.objects.create(school=world.school, required_before_start=True)
    Placement.objects.filter(pk=world.placement.pk).update(status=Placement.Status.PLANNED)
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_status", args=[world.placement.pk]), {"status-status": "active"})
    assert "requires a placement agreement signed" in response.text
    world.placement.refresh_from_db()
    assert world.placement.status == Placement.Status.PLANNED


def test_the_agreements_page_costs_the_same_with_addenda(client, world, django_assert_max_num_queries):
    agreement = signed(world)
    placement_update(placement=world.placement, data={"end_date": world.placement.end_date + timedelta(days=7)})
    agreement_submit(agreement=agreement.addenda.get(), by=world.supervisor)
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(QUERIES):
        assert client.get(reverse("placement_agreement", args=[world.placement.pk])).status_code == 200
