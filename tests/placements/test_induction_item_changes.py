"""Correcting and removing items of a placement's induction checklist, and what stays because it happened."""

import pytest
from django.urls import reverse

from placements.induction.services import checklist_from_template, item_confirm, item_set_done
from placements.models import InductionTemplateItem, Section
from tests.cast import EVERYONE
from tests.factories import make_placement

from .factories_induction import _item, _url
from .test_induction_checklist import expected_run

CHANGED = {"section": Section.SAFETY, "title": "Using the dough divider and the mixer safely", "due_day": 6}


def _form(item, **changes) -> dict:
    data = {
        "section": item.section,
        "title": item.title,
        "description": item.description,
        "responsible": item.responsible,
        "due_day": item.due_day,
    }
    return {**data, **changes}


@pytest.mark.parametrize("who", EVERYONE)
def test_the_mentor_or_a_company_admin_corrects_an_item(client, world, checklist, who):
    item = _item(checklist, Section.SAFETY)
    client.force_login(getattr(world, who))
    expected = expected_run(who)
    assert client.get(_url("induction_item_edit", world, item)).status_code == expected
    response = client.post(_url("induction_item_edit", world, item), _form(item, **CHANGED))
    assert response.status_code == (302 if expected == 200 else expected)
    item.refresh_from_db()
    assert (item.title == CHANGED["title"] and item.due_day == 6) == (expected == 200)
    if expected == 200:
        assert response["Location"].endswith(f"#induction-item-{item.pk}")
        # The company's template keeps the item as it was.
        assert InductionTemplateItem.objects.filter(title="Using the dough divider safely").exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_the_mentor_or_a_company_admin_removes_an_open_item(client, world, checklist, who):
    item = _item(checklist, Section.SAFETY)
    client.force_login(getattr(world, who))
    response = client.post(_url("induction_item_delete", world, item))
    expected = expected_run(who)
    assert response.status_code == (302 if expected == 200 else expected)
    assert checklist.items.filter(pk=item.pk).exists() == (expected != 200)


def test_the_checklist_offers_edit_and_remove_only_where_they_are_allowed(client, world, checklist):
    house_rules, safety = _item(checklist, Section.HOUSE_RULES), _item(checklist, Section.SAFETY)
    organisation = _item(checklist, Section.ORGANISATION)
    item_confirm(item=house_rules)
    item_set_done(item=organisation, by=world.mentor, done=True)
    client.force_login(world.mentor)
    page = client.get(_url("induction_checklist", world)).text
    assert _url("induction_item_edit", world, safety) in page
    assert _url("induction_item_delete", world, safety) in page
    assert _url("induction_item_edit", world, organisation) in page  # a done item can still be corrected
    assert _url("induction_item_delete", world, organisation) not in page
    assert _url("induction_item_edit", world, house_rules) not in page
    assert _url("induction_item_delete", world, house_rules) not in page
    client.force_login(world.learner)
    page = client.get(_url("induction_checklist", world)).text
    assert _url("induction_item_edit", world, safety) not in page


def test_an_item_the_learner_confirmed_cannot_be_changed_or_removed(client, world, checklist):
    item = item_confirm(item=_item(checklist, Section.HOUSE_RULES))
    client.force_login(world.mentor)
    response = client.post(_url("induction_item_edit", world, item), _form(item, title="Hair net optional"))
    assert response.status_code == 409
    assert "The learner has confirmed receiving this item" in response.text
    assert "Hair net optional" in response.text  # what was typed is still in the form
    response = client.post(_url("induction_item_delete", world, item))
    assert response.status_code == 409
    assert "so it stays on the checklist" in response.text
    item.refresh_from_db()
    assert item.title == "Hair net and clean apron"


def test_a_done_item_is_reopened_before_it_can_be_removed(client, world, checklist):
    item = item_set_done(item=_item(checklist, Section.SAFETY), by=world.mentor, done=True)
    client.force_login(world.mentor)
    response = client.post(_url("induction_item_delete", world, item))
    assert response.status_code == 409
    assert "mark it open again before removing it" in response.text
    assert checklist.items.filter(pk=item.pk).exists()
    item_set_done(item=item, by=world.mentor, done=False)
    assert client.post(_url("induction_item_delete", world, item)).status_code == 302
    assert not checklist.items.filter(pk=item.pk).exists()


def test_bad_input_is_refused_on_the_form(client, world, checklist):
    item = _item(checklist, Section.SAFETY)
    client.force_login(world.mentor)
    response = client.post(_url("induction_item_edit", world, item), _form(item, title="", due_day=0))
    assert response.status_code == 400
    assert "Day 1 is the first day of the placement." in response.text
    item.refresh_from_db()
    assert item.title == "Using the dough divider safely"


def test_an_item_of_another_placement_is_not_found(client, world, checklist, template):
    other = make_placement(school=world.school, company=world.company, mentor=world.mentor, programme=world.programme)
    foreign = checklist_from_template(other, template).items.get(section=Section.SAFETY)
    client.force_login(world.mentor)
    edit = reverse("induction_item_edit", args=[world.placement.pk, foreign.pk])
    assert client.post(edit, _form(foreign, title="Changed")).status_code == 404
    delete = reverse("induction_item_delete", args=[world.placement.pk, foreign.pk])
    assert client.post(delete).status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Using the dough divider safely"
