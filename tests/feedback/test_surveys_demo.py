"""The demo's surveys: every school has the usual distribution rules and the invitations due today, silently."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import School
from feedback.models import DistributionRule, SurveyInvitation
from home.demo.surveys import RULES, seed
from placements.models import Placement
from tests.helpers import queued_work


def test_the_demo_sends_surveys_by_rule_silently_and_running_it_twice_adds_nothing(
    db, django_capture_on_commit_callbacks
):
    call_command("demo", stdout=StringIO())
    schools = School.objects.filter(placements__isnull=False).distinct().count()
    assert DistributionRule.objects.count() == schools * len(RULES)
    invited = SurveyInvitation.objects.count()
    assert invited > 0
    assert not SurveyInvitation.objects.filter(sent_at__isnull=True).exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        seed(list(Placement.objects.with_people()), timezone.localdate())
    assert queued_work(callbacks) == [] and mail.outbox == []
    assert (DistributionRule.objects.count(), SurveyInvitation.objects.count()) == (schools * len(RULES), invited)


def test_a_demo_recipient_finds_the_survey_under_my_surveys(client, db):
    call_command("demo", stdout=StringIO())
    invitation = SurveyInvitation.objects.select_related("recipient").first()
    client.force_login(invitation.recipient)
    page = client.get(reverse("my_surveys")).content.decode()
    assert reverse("survey_answer", args=[invitation.pk]) in page
