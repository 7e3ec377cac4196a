import pytest
from django.urls import reverse

from mentoring.agreements.services import agreement_initial
from mentoring.models import MentoringAgreement
from tests.cast import COACHING_VIEWERS

VIEWERS = COACHING_VIEWERS


def save_agreement(client, world, **changes):
    data = {**agreement_initial(), **changes}
    return client.post(reverse("mentoring_agreement_edit", args=[world.placement.pk]), data)


@pytest.mark.parametrize(
    "who", ["learner", "mentor", "supervisor", "coordinator", "company_admin", "other_mentor", "outsider", "staff"]
)
def test_agreement_page_access(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_agreement", args=[world.placement.pk]))
    assert response.status_code == (200 if who in VIEWERS else 404)


@pytest.mark.parametrize("who", ["learner", "supervisor", "coordinator"])
def test_only_the_mentor_writes_the_agreement(client, world, who):
    client.force_login(getattr(world, who))
    assert save_agreement(client, world).status_code == 403


def test_both_accept_with_name_and_time_and_a_new_wording_resets_acceptance(client, world):
    client.force_login(world.mentor)
    assert save_agreement(client, world).status_code == 302
    client.post(reverse("mentoring_agreement_accept", args=[world.placement.pk]))
    client.force_login(world.learner)
    client.post(reverse("mentoring_agreement_accept", args=[world.placement.pk]))
    agreement = MentoringAgreement.objects.get(placement=world.placement)
    assert agreement.is_accepted
    assert agreement.learner_accepted_name == "Daan Jansen"
    assert agreement.mentor_accepted_name == "Marieke de Vries"

    client.force_login(world.mentor)
    save_agreement(client, world, mentor_will="Coach every Monday morning.")
    agreement.refresh_from_db()
    assert not agreement.is_accepted
    assert agreement.mentor_accepted_at is None


def test_supervisor_cannot_accept_for_the_learner(client, world):
    client.force_login(world.mentor)
    save_agreement(client, world)
    client.force_login(world.supervisor)
    assert client.post(reverse("mentoring_agreement_accept", args=[world.placement.pk])).status_code == 403
