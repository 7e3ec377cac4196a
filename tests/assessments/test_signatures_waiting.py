"""The "waiting for signatures" list, and the sign-off panel on a record's page."""

import re

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from assessments.models import Signature
from assessments.signatures.services import record_submit
from tests.factories import make_placement

from .factories_assessments import make_assessment_plan, make_framework_version, make_record
from .test_signatures import ready_record, sent_record, sign


def section(page, heading_id) -> str:
    """The HTML of one <section> of the waiting page."""
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', page.text, re.S)
    return match.group(0)


def test_the_waiting_page_lists_my_turn_and_others_per_user(client, world):
    record = sent_record(world)
    sign(record, world.mentor)
    Signature.objects.filter(record=record, user=world.learner).update(last_reminded_at=timezone.now())

    client.force_login(world.learner)
    page = client.get(reverse("assessment_waiting"))
    assert page.status_code == 200
    mine = section(page, "mine-heading")
    assert "Mid-term assessment · Daan Jansen" in mine
    assert reverse("assessment_sign", args=[record.pk]) in mine
    others = section(page, "others-heading")
    assert world.supervisor.get_full_name() in others
    assert "not reminded yet" in others
    assert "includes/_waiting_page.html" in [t.name for t in page.templates]  # the layout minutes use too

    client.force_login(world.mentor)
    page = client.get(reverse("assessment_waiting"))
    assert "No assessment waits for your signature." in section(page, "mine-heading")
    others = section(page, "others-heading")
    assert reverse("assessment_detail", args=[record.pk]) in others
    assert "Daan Jansen (person assessed)" in others
    assert "last reminded" in others
    assert "Marieke de Vries" not in others  # signed: no longer waited for

    for who in ("outsider", "coordinator", "company_admin"):
        client.force_login(getattr(world, who))
        page = client.get(reverse("assessment_waiting"))
        assert "Mid-term assessment" not in page.text


def test_signed_and_draft_records_wait_for_nobody(client, world):
    record = sent_record(world)
    for user in (world.mentor, world.supervisor, world.learner):
        sign(record, user)
    ready_record(world, title="Final assessment")
    client.force_login(world.mentor)
    page = client.get(reverse("assessment_waiting"))
    assert "Mid-term assessment" not in page.text
    assert "Final assessment" not in page.text


def test_the_waiting_page_needs_a_login(client):
    response = client.get(reverse("assessment_waiting"))
    assert response.status_code == 302
    assert reverse("login") in response.url


def _more_records(world, count, version):
    """Records of other learners of the mentor, sent; the mentor signed every second one."""
    for n in range(count):
        placement = make_placement(school=world.school, company=world.company, mentor=world.mentor)
        record = make_record(placement, plan=make_assessment_plan(placement, version=version))
        record.overall_level = record.framework_version.levels.first()
        record.save()
        record_submit(record=record, by=world.mentor)
        if n % 2:
            sign(record, world.mentor)


def test_the_waiting_page_costs_the_same_queries_for_many_records(client, world, django_assert_max_num_queries):
    version = make_framework_version()
    _more_records(world, 1, version)
    client.force_login(world.mentor)
    with django_assert_max_num_queries(6) as few:
        client.get(reverse("assessment_waiting"))
    _more_records(world, 4, version)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("assessment_waiting"))
    assert section(page, "mine-heading").count("Read and sign") == 3
    assert section(page, "others-heading").count('<li class="list-group-item">') == 5


# --- The panel on the record's page -----------------------------------------------------------------------


def panel(record, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    template = engines["django"].from_string("{% load assessment_signatures %}{% signature_panel record %}")
    return template.render({"record": record}, request)


def test_the_panel_offers_an_assessor_to_send_a_draft(world):
    record = ready_record(world)
    html = panel(record, world.mentor)
    assert reverse("assessment_submit", args=[record.pk]) in html
    assert "csrfmiddlewaretoken" in html
    assert "Not sent for signatures yet" in html
    learner_html = panel(record, world.learner)
    assert reverse("assessment_submit", args=[record.pk]) not in learner_html
    assert reverse("assessment_sign", args=[record.pk]) not in learner_html


def test_the_panel_shows_who_signed_what_and_when_and_who_is_pending(world):
    record = sent_record(world)
    sign(record, world.mentor)
    sign(record, world.learner, Signature.Verdict.DISAGREE, reason="Too strict.", response="I learnt a lot.")
    record.refresh_from_db()
    html = panel(record, world.supervisor)
    signed_at = timezone.localtime(Signature.objects.get(record=record, user=world.mentor).signed_at)
    assert "Marieke de Vries" in html
    assert f"signed {signed_at:%-d} " in html
    assert "seen, disagree" in html
    assert "Too strict." in html
    # The learner's response is shown once, under the record's "Overall", not again in the panel.
    assert "I learnt a lot." not in html
    assert "still to sign" in html
    assert 'value="agree"' in html  # the supervisor may still sign, right there
    assert reverse("assessment_withdraw", args=[record.pk]) in html
    assert reverse("assessment_submit", args=[record.pk]) not in html


@pytest.mark.parametrize(
    ("who", "sign_link", "sign_form", "withdraw"),
    [
        ("learner", True, False, False),
        ("mentor", False, True, True),
        ("coordinator", False, False, True),
        ("colleague_teacher", False, False, False),
    ],
)
def test_the_panel_buttons_follow_the_users_part(world, who, sign_link, sign_form, withdraw):
    record = sent_record(world)
    html = panel(record, getattr(world, who))
    assert ("Read and sign" in html) is sign_link
    assert ('value="agree"' in html) is sign_form
    assert (reverse("assessment_withdraw", args=[record.pk]) in html) is withdraw


def test_the_panel_of_a_locked_record_offers_nothing(world):
    record = sent_record(world)
    for user in (world.mentor, world.supervisor, world.learner):
        sign(record, user)
    record.refresh_from_db()
    html = panel(record, world.mentor)
    assert "locked on" in html
    assert "<form" not in html
    assert "still to sign" not in html
