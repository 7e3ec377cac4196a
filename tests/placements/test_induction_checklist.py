"""The induction checklist of a placement: who sees it, who makes it and who ticks its items."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from placements.induction.selectors import induction_progress
from placements.induction.services import checklist_create, checklist_from_template, item_confirm, item_set_done
from placements.models import InductionChecklist, InductionItem, InductionTemplate, InductionTemplateItem, Section
from tests.cast import EVERYONE
from tests.factories import make_placement

from .factories_induction import _item, _url

SEES = {"learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "company_admin", "staff"}
RUNS = {"mentor", "company_admin", "staff"}


def expected_run(who):
    if who in RUNS:
        return 200
    return 403 if who in SEES else 404


# --- Seeing it ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_the_checklist_is_shown_to_the_placements_people_and_the_company_admin(client, world, checklist, who):
    client.force_login(getattr(world, who))
    response = client.get(_url("induction_checklist", world))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert "Assembly point at the church square" in response.text
        assert "0 of 4 done" in response.text
        can_tick = _url("induction_item_toggle", world, _item(checklist, Section.SAFETY)) in response.text
        assert can_tick == (who in RUNS)
        can_confirm = _url("induction_item_confirm", world, _item(checklist, Section.CALAMITIES)) in response.text
        assert can_confirm == (who == "learner")


@pytest.mark.parametrize("who", EVERYONE)
def test_the_pdf_has_the_same_access_as_the_checklist(client, world, checklist, who):
    client.force_login(getattr(world, who))
    response = client.get(_url("induction_pdf", world))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_items_are_grouped_in_the_fixed_section_order_with_their_due_dates(client, world, checklist):
    world.placement.start_date = date(2026, 3, 2)
    world.placement.save(update_fields=["start_date"])
    client.force_login(world.mentor)
    response = client.get(_url("induction_checklist", world))
    groups = response.context["groups"]
    assert [group.section for group in groups] == ["organisation", "house_rules", "calamities", "safety"]
    due = {item.title: item.due_date for group in groups for item in group.items}
    assert due["Tour of the bakery"] == date(2026, 3, 2)  # day 1 is the first day
    assert due["Assembly point at the church square"] == date(2026, 3, 3)
    assert due["Using the dough divider safely"] == date(2026, 3, 6)
    assert "Fri 6 Mar 2026" in response.text
    assert response.text.index("Tour of the bakery") < response.text.index("Hair net and clean apron")
    assert response.text.index("Hair net and clean apron") < response.text.index("Using the dough divider safely")


def test_open_items_past_their_date_are_marked_overdue(client, world, checklist):
    # The world placement began 30 days ago: all four items are late until done.
    item_set_done(item=_item(checklist, Section.ORGANISATION), by=world.mentor, done=True)
    client.force_login(world.learner)
    response = client.get(_url("induction_checklist", world))
    overdue = {item.title for group in response.context["groups"] for item in group.items if item.overdue}
    assert overdue == {
        "Hair net and clean apron",
        "Assembly point at the church square",
        "Using the dough divider safely",
    }
    assert response.text.count("list-group-item-warning") == 3


def test_nothing_is_overdue_before_the_placement_starts(client, world, checklist):
    world.placement.start_date = timezone.localdate() + timedelta(days=7)
    world.placement.save(update_fields=["start_date"])
    client.force_login(world.mentor)
    response = client.get(_url("induction_checklist", world))
    assert not any(item.overdue for group in response.context["groups"] for item in group.items)
    assert "overdue" not in response.text


def test_the_page_does_not_query_per_item(client, world, template, django_assert_max_num_queries):
    for number in range(30):
        InductionTemplateItem.objects.create(
            template=template, section=Section.PRACTICAL, title=f"Practical {number}", responsible="Jan", due_day=3
        )
    checklist = checklist_from_template(world.placement, template)
    for item in checklist.items.all()[:20]:
        item_set_done(item=item, by=world.mentor, done=True)
    client.force_login(world.mentor)
    with django_assert_max_num_queries(7):
        response = client.get(_url("induction_checklist", world))
    assert response.status_code == 200
    assert "20 of 34 done" in response.text
    assert "Practical 29" in response.text


# --- Making it ---------------------------------------------------------------------------------------------


def test_without_a_checklist_the_mentor_is_offered_the_companys_templates(client, world, template):
    InductionTemplate.objects.create(company=world.other_company, name="Werkstatt")
    client.force_login(world.mentor)
    response = client.get(_url("induction_checklist", world))
    form = response.context["create_form"]
    assert list(form.fields["template"].queryset) == [template]
    assert form.fields["template"].initial == template
    assert "Make the induction checklist" in response.text


def test_without_a_checklist_the_learner_is_told_it_is_coming(client, world, template):
    client.force_login(world.learner)
    response = client.get(_url("induction_checklist", world))
    assert response.context["create_form"] is None
    assert "has not made the induction checklist yet" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_the_mentor_or_a_company_admin_makes_the_checklist(client, world, template, who):
    client.force_login(getattr(world, who))
    response = client.post(_url("induction_checklist_create", world), {"template": template.pk})
    expected = expected_run(who)
    assert response.status_code == (302 if expected == 200 else expected)
    assert InductionChecklist.objects.filter(placement=world.placement).exists() == (expected == 200)


def test_a_checklist_made_from_a_template_copies_its_items(client, world, template):
    client.force_login(world.mentor)
    client.post(_url("induction_checklist_create", world), {"template": template.pk})
    checklist = InductionChecklist.objects.get(placement=world.placement)
    assert checklist.template == template
    copied = list(checklist.items.values_list("section", "title", "responsible", "due_day"))
    original = list(template.items.values_list("section", "title", "responsible", "due_day"))
    assert copied == original


def test_later_template_changes_leave_existing_checklists_alone(client, world, template, checklist):
    client.force_login(world.company_admin)
    first = template.items.get(section=Section.ORGANISATION)
    client.post(
        reverse("induction_template_item_edit", args=[template.pk, first.pk]),
        {"section": Section.ORGANISATION, "title": "Renamed tour", "responsible": "Piet", "due_day": 3},
    )
    client.post(
        reverse("induction_template_item_delete", args=[template.pk, template.items.get(section=Section.SAFETY).pk])
    )
    client.post(reverse("induction_template_delete", args=[template.pk]))
    assert not InductionTemplate.objects.filter(pk=template.pk).exists()
    titles = set(InductionItem.objects.filter(checklist=checklist).values_list("title", flat=True))
    assert titles == {
        "Tour of the bakery",
        "Hair net and clean apron",
        "Assembly point at the church square",
        "Using the dough divider safely",
    }
    checklist.refresh_from_db()
    assert checklist.template is None


def test_an_empty_checklist_can_be_made(client, world, template):
    client.force_login(world.company_admin)
    response = client.post(_url("induction_checklist_create", world), {"template": ""})
    assert response.status_code == 302
    assert InductionChecklist.objects.get(placement=world.placement).items.count() == 0


def test_another_companys_template_is_refused(client, world):
    foreign = InductionTemplate.objects.create(company=world.other_company, name="Werkstatt")
    InductionTemplateItem.objects.create(template=foreign, section=Section.SAFETY, title="Lift", responsible="Udo")
    client.force_login(world.staff)
    response = client.post(_url("induction_checklist_create", world), {"template": foreign.pk})
    assert response.status_code == 400
    assert "induction templates" in response.text
    assert not InductionChecklist.objects.filter(placement=world.placement).exists()


def test_the_service_refuses_another_companys_template_too(world):
    foreign = InductionTemplate.objects.create(company=world.other_company, name="Werkstatt")
    with pytest.raises(Exception, match="own induction templates"):
        checklist_create(placement=world.placement, template=foreign)


def test_making_it_twice_keeps_the_first_checklist(client, world, template, checklist):
    client.force_login(world.mentor)
    response = client.post(_url("induction_checklist_create", world), {"template": ""})
    assert response.status_code == 302
    assert InductionChecklist.objects.get(placement=world.placement) == checklist
    assert checklist.items.count() == 4


def test_a_new_placement_gets_the_company_default(world, template):
    placement = make_placement(school=world.school, company=world.company, programme=world.programme)
    checklist = checklist_from_template(placement)
    assert checklist.template == template
    assert checklist.items.count() == 4
    other = make_placement(school=world.school, company=world.other_company, programme=world.programme)
    assert checklist_from_template(other) is None


@pytest.mark.parametrize("who", EVERYONE)
def test_the_mentor_or_a_company_admin_adds_extra_items(client, world, checklist, who):
    client.force_login(getattr(world, who))
    data = {"section": Section.PRACTICAL, "title": "Bicycle shed key", "responsible": "Reception", "due_day": 2}
    response = client.post(_url("induction_item_new", world), data)
    expected = expected_run(who)
    assert response.status_code == (302 if expected == 200 else expected)
    added = checklist.items.filter(title="Bicycle shed key").first()
    assert (added is not None) == (expected == 200)
    if added is not None:
        assert response["Location"].endswith(f"#induction-item-{added.pk}")
        assert not InductionTemplateItem.objects.filter(title="Bicycle shed key").exists()


def test_items_cannot_be_added_before_the_checklist_exists(client, world):
    client.force_login(world.mentor)
    assert client.get(_url("induction_item_new", world)).status_code == 404


# --- Ticking ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_the_mentor_or_a_company_admin_ticks_items(client, world, checklist, who):
    item = _item(checklist, Section.SAFETY)
    client.force_login(getattr(world, who))
    response = client.post(_url("induction_item_toggle", world, item), {"done": "1"})
    expected = expected_run(who)
    assert response.status_code == (302 if expected == 200 else expected)
    item.refresh_from_db()
    assert (item.done_at is not None) == (expected == 200)
    assert (item.done_by == getattr(world, who)) == (expected == 200)


def test_the_learner_cannot_tick_and_is_told_why(client, world, checklist):
    client.force_login(world.learner)
    response = client.post(_url("induction_item_toggle", world, _item(checklist, Section.HOUSE_RULES)), {"done": "1"})
    assert response.status_code == 403
    assert "Only the work mentor and the host company" in response.text


def test_ticking_again_keeps_who_and_when_and_undo_clears_them(client, world, checklist):
    item = _item(checklist, Section.SAFETY)
    client.force_login(world.mentor)
    client.post(_url("induction_item_toggle", world, item), {"done": "1"})
    item.refresh_from_db()
    first = item.done_at
    client.force_login(world.company_admin)
    client.post(_url("induction_item_toggle", world, item), {"done": "1"})
    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (first, world.mentor)
    response = client.post(_url("induction_item_toggle", world, item), {"done": "0"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (None, None)


def test_htmx_gets_the_row_and_the_progress_back(client, world, checklist):
    item = _item(checklist, Section.SAFETY)
    client.force_login(world.mentor)
    response = client.post(_url("induction_item_toggle", world, item), {"done": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.text
    assert f'id="induction-item-{item.pk}"' in html
    assert "Using the dough divider safely" in html
    assert "Marieke de Vries" in html
    assert "Undo" in html
    assert 'id="induction-progress"' in html and 'hx-swap-oob="true"' in html
    assert "1 of 4 done" in html
    assert "<html" not in html


def test_an_item_of_another_placement_is_not_found(client, world, checklist, template):
    other = make_placement(school=world.school, company=world.company, mentor=world.mentor, programme=world.programme)
    foreign = checklist_from_template(other, template).items.first()
    client.force_login(world.mentor)
    response = client.post(_url("induction_item_toggle", world, foreign), {"done": "1"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.done_at is None


# --- What only the learner confirms ---------------------------------------------------------------------------


def test_induction_progress_sums_up_placements_in_one_query(world, template, django_assert_num_queries):
    first = checklist_from_template(world.placement, template)
    item_set_done(item=_item(first, Section.SAFETY), by=world.mentor, done=True)
    item_confirm(item=_item(first, Section.HOUSE_RULES))
    item_confirm(item=_item(first, Section.CALAMITIES))
    second_placement = make_placement(school=world.school, company=world.company, programme=world.programme)
    checklist_from_template(second_placement, template)
    empty_placement = make_placement(school=world.school, company=world.company, programme=world.programme)
    checklist_create(placement=empty_placement)
    without = make_placement(school=world.school, company=world.company, programme=world.programme)
    ids = [world.placement.pk, second_placement.pk, empty_placement.pk, without.pk]
    with django_assert_num_queries(1):
        progress = induction_progress(ids)
    assert progress == {
        world.placement.pk: (1, 4, True),
        second_placement.pk: (0, 4, False),
        empty_placement.pk: (0, 0, False),
    }


def test_the_pages_carry_no_inline_styles_or_scripts(client, world, checklist, template):
    client.force_login(world.company_admin)
    for url in (
        _url("induction_checklist", world),
        _url("induction_item_new", world),
        reverse("induction_templates"),
        reverse("induction_template_detail", args=[template.pk]),
        reverse("induction_template_new"),
        reverse("induction_template_delete", args=[template.pk]),
    ):
        html = client.get(url).text
        assert " style=" not in html, url
        assert "<style" not in html, url
        assert "<script>" not in html, url
