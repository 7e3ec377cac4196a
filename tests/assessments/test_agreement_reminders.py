"""A placement agreement nobody signs does not sit still: its parties are reminded every N days, see it on their
dashboard and on the page of agreements waiting for signatures."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.core import mail
from django.test import Client

from accounts.models import User
from assessments.agreements.reminders import agreement_reminders_queue
from assessments.agreements.services import agreement_sign, agreement_withdraw
from assessments.models import AgreementSignature
from notifications.models import Notification
from tests.factories import make_placement

from .factories_agreements import drawn, party, sent, signed

Role = AgreementSignature.Role
SENT_AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MINUTE, DAY = timedelta(minutes=1), timedelta(days=1)
PARTIES = ["learner@example.org", "mentor@example.org", "supervisor@example.org"]


@pytest.fixture
def agreement(world):
    with time_machine.travel(SENT_AT, tick=False):
        return sent(world)


@pytest.fixture
def run_at(tasks_in_process, django_capture_on_commit_callbacks):
    def run(moment):
        """Run the reminder scan at `moment` (its outbox entries sent on commit); the addresses reminded."""
        mail.outbox.clear()
        with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
            agreement_reminders_queue()
        return sorted(message.to[0] for message in mail.outbox)

    return run


def test_each_party_is_reminded_every_n_days_until_they_sign(world, agreement, run_at, settings):
    settings.ASSESSMENT_SIGNATURE_REMINDER_DAYS = 3
    assert run_at(SENT_AT + 3 * DAY - MINUTE) == []
    assert run_at(SENT_AT + 3 * DAY) == PARTIES
    assert run_at(SENT_AT + 3 * DAY + MINUTE) == []  # once per round, however often the scan runs
    with time_machine.travel(SENT_AT + 4 * DAY, tick=False):
        agreement_sign(signature=party(agreement, Role.LEARNER))
    assert run_at(SENT_AT + 6 * DAY) == ["mentor@example.org", "supervisor@example.org"]
    assert party(agreement, Role.LEARNER).last_reminded_at == SENT_AT + 3 * DAY
    assert party(agreement, Role.COMPANY).last_reminded_at == SENT_AT + 6 * DAY


def test_the_reminder_says_so_and_carries_the_signing_link(world, agreement, run_at):
    run_at(SENT_AT + 3 * DAY)
    message = next(m for m in mail.outbox if m.to == ["learner@example.org"])
    assert message.subject == "Reminder: Please sign the placement agreement of Daan Jansen"
    assert "A reminder: the placement agreement below still waits for your signature" in message.body
    assert "/placement-agreements/sign/" in message.body
    notice = Notification.objects.filter(user=world.learner, level=Notification.Level.NORMAL).get()
    assert notice.text == "Reminder: the placement agreement of Daan Jansen is waiting for your signature."


def test_a_party_who_switched_normal_news_off_gets_no_reminder(world, agreement, run_at):
    world.mentor.notification_level = User.NotificationLevel.ESSENTIAL
    world.mentor.save()
    assert run_at(SENT_AT + 3 * DAY) == ["learner@example.org", "supervisor@example.org"]
    assert not Notification.objects.filter(user=world.mentor, text__startswith="Reminder").exists()


def test_signed_withdrawn_and_draft_agreements_are_not_reminded(world, run_at):
    with time_machine.travel(SENT_AT, tick=False):
        done = signed(world)
        assert done.status == done.Status.SIGNED
    done.signatures.update(last_reminded_at=None)
    assert run_at(SENT_AT + 30 * DAY) == []

    other = _second_placement(world)
    with time_machine.travel(SENT_AT, tick=False):
        withdrawn = sent(other)
        agreement_withdraw(agreement=withdrawn, by=world.supervisor)
    assert run_at(SENT_AT + 30 * DAY) == []


def _second_placement(world):
    """The world again with a placement of the other learner, for a second agreement."""
    placement = make_placement(
        school=world.school,
        company=world.company,
        learner=world.other_learner,
        mentor=world.mentor,
        supervisor=world.supervisor,
        programme=world.programme,
    )
    return SimpleNamespace(**{**vars(world), "placement": placement, "learner": world.other_learner})


# --- Where a party sees what waits ------------------------------------------------------------------------------


def waiting_page(user):
    client = Client()
    client.force_login(user)
    return client.get("/placement-agreements/waiting/")


def test_the_waiting_page_shows_each_party_their_own_turn_and_who_else_is_still_to_sign(world, agreement):
    learner_page = waiting_page(world.learner)
    assert learner_page.status_code == 200
    mine = learner_page.text.split('id="mine-heading"')[1].split('id="others-heading"')[0]
    assert "Placement agreement · Daan Jansen" in mine and "Read and sign" in mine

    agreement_sign(signature=party(agreement, Role.SCHOOL))
    supervisor_page = waiting_page(world.supervisor).text
    others = supervisor_page.split('id="others-heading"')[1]
    assert "Placement agreement · Daan Jansen" in others
    assert "Daan Jansen (learner)" in others and "not reminded yet" in others
    assert "No placement agreement waits for your signature." in supervisor_page


@pytest.mark.parametrize(
    "who",
    ["other_mentor", "other_teacher", "other_learner", "company_admin", "coordinator", "other_coordinator", "staff"],
)
def test_people_who_neither_sign_nor_drew_it_up_see_nothing_of_it(world, agreement, who):
    page = waiting_page(getattr(world, who))
    assert page.status_code == 200
    assert "Daan Jansen" not in page.text


def test_a_signer_who_lost_sight_of_the_placement_no_longer_sees_it(world, agreement):
    world.placement.mentor = world.colleague_mentor
    world.placement.save()
    assert "Daan Jansen" not in waiting_page(world.mentor).text


def test_the_waiting_page_reads_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    agreements = [sent(world), sent(_second_placement(world))]
    for agreement in agreements:
        agreement_sign(signature=party(agreement, Role.SCHOOL))
    client = Client()
    client.force_login(world.supervisor)
    with django_assert_max_num_queries(12):
        page = client.get("/placement-agreements/waiting/")
    assert page.text.count("not reminded yet") == 4  # two agreements, two parties each still to sign


def test_the_dashboard_lists_the_agreements_waiting_for_your_signature(world, agreement):
    client = Client()
    client.force_login(world.learner)
    page = client.get("/").text
    assert "Placement agreements waiting for your signature" in page
    assert f'href="/placement-agreements/{agreement.pk}/"' in page


def test_a_draft_is_on_nobodys_list(world):
    drawn(world)
    assert "Daan Jansen" not in waiting_page(world.supervisor).text.split('id="mine-heading"')[1]
