"""A company's induction templates: its admins manage them, its work mentors read them, nobody else sees them."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Role
from placements.induction.defaults import STANDARD_ITEMS
from placements.induction.services import template_create, template_set_default
from placements.models import InductionTemplate, InductionTemplateItem, Section
from tests.cast import EVERYONE
from tests.factories import CompanyFactory, grant

MANAGERS = {"company_admin", "staff"}
READERS = MANAGERS | {"mentor", "colleague_mentor"}


@pytest.fixture
def template(world):
    template = InductionTemplate.objects.create(company=world.company, name="Bakery induction")
    InductionTemplateItem.objects.create(
        template=template,
        section=Section.CALAMITIES,
        title="Show the assembly point by the canal",
        responsible="Jan, emergency responder",
        due_day=1,
    )
    return template


def expected_read(who):
    return 200 if who in READERS else 404


def expected_write(who):
    if who in MANAGERS:
        return 200
    return 403 if who in READERS else 404


@pytest.mark.parametrize("who", EVERYONE)
def test_the_list_shows_the_company_templates_to_its_admins_and_mentors(client, world, template, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("induction_templates"))
    # Admins and mentors of another company have a list too, with their own company's templates only.
    has_list = who in READERS or who in {"other_mentor", "other_company_admin"}
    assert response.status_code == (200 if has_list else 404)
    if has_list:
        assert ("Bakery induction" in response.text) == (who in READERS)
        can_switch = reverse("induction_template_default", args=[template.pk]) in response.text
        assert can_switch == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_a_template_is_read_by_the_companys_admins_and_mentors_only(client, world, template, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("induction_template_detail", args=[template.pk]))
    assert response.status_code == expected_read(who)
    if response.status_code == 200:
        assert "Show the assembly point by the canal" in response.text
        assert "Jan, emergency responder" in response.text
        can_edit = reverse("induction_template_item_new", args=[template.pk]) in response.text
        assert can_edit == (who in MANAGERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_companys_admins_rename_a_template(client, world, template, who):
    client.force_login(getattr(world, who))
    url = reverse("induction_template_edit", args=[template.pk])
    assert client.get(url).status_code == expected_write(who)
    response = client.post(url, {"name": "Induction for bakers"})
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    template.refresh_from_db()
    assert (template.name == "Induction for bakers") == (expected == 200)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_companys_admins_add_items(client, world, template, who):
    client.force_login(getattr(world, who))
    data = {
        "section": Section.HOUSE_RULES,
        "title": "Phones stay in the locker",
        "description": "",
        "responsible": "the work mentor",
        "due_day": 1,
    }
    response = client.post(reverse("induction_template_item_new", args=[template.pk]), data)
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    assert template.items.filter(title="Phones stay in the locker").exists() == (expected == 200)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_companys_admins_delete_a_template(client, world, template, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("induction_template_delete", args=[template.pk]))
    expected = expected_write(who)
    assert response.status_code == (302 if expected == 200 else expected)
    assert InductionTemplate.objects.filter(pk=template.pk).exists() == (expected != 200)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_company_admins_and_staff_create_templates(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("induction_template_new"))
    allowed = who in MANAGERS or who == "other_company_admin"
    assert response.status_code == (200 if allowed else 403)


def test_a_new_template_from_the_standard_items_covers_every_section(client, world):
    client.force_login(world.company_admin)
    response = client.post(
        reverse("induction_template_new"),
        {"company": world.company.pk, "name": "Standard induction", "with_standard_items": "on"},
    )
    template = InductionTemplate.objects.get(name="Standard induction")
    assert response.status_code == 302
    assert response["Location"] == reverse("induction_template_detail", args=[template.pk])
    assert template.company == world.company
    assert not template.is_default
    assert {item.section for item in template.items.all()} == set(Section.values)
    assert template.items.count() == len(STANDARD_ITEMS)
    assert all(item.responsible and item.due_day >= 1 for item in template.items.all())
    page = client.get(reverse("induction_template_detail", args=[template.pk])).text
    for label in ("Emergency exits and the assembly point", "Personal protective equipment", "Locker, badge"):
        assert label in page


def test_a_new_template_can_start_empty(client, world):
    client.force_login(world.company_admin)
    client.post(reverse("induction_template_new"), {"company": world.company.pk, "name": "Blank"})
    assert InductionTemplate.objects.get(name="Blank").items.count() == 0


def test_a_company_admin_cannot_create_a_template_for_another_company(client, world):
    client.force_login(world.company_admin)
    response = client.post(
        reverse("induction_template_new"),
        {"company": world.other_company.pk, "name": "Sneaky", "with_standard_items": ""},
    )
    assert response.status_code == 200
    assert "company" in response.context["form"].errors
    assert not InductionTemplate.objects.filter(name="Sneaky").exists()


def test_an_admin_of_two_companies_chooses_the_company(client, world):
    grant(world.company_admin, Role.COMPANY_ADMIN, world.other_company)
    client.force_login(world.company_admin)
    form = client.get(reverse("induction_template_new")).context["form"]
    assert set(form.fields["company"].queryset) == {world.company, world.other_company}
    client.post(reverse("induction_template_new"), {"company": world.other_company.pk, "name": "Werkstatt"})
    assert InductionTemplate.objects.get(name="Werkstatt").company == world.other_company


def test_items_are_edited_and_removed_by_the_admin(client, world, template):
    client.force_login(world.company_admin)
    item = template.items.get()
    response = client.post(
        reverse("induction_template_item_edit", args=[template.pk, item.pk]),
        {
            "section": Section.CALAMITIES,
            "title": "Walk the escape route",
            "description": "Both floors.",
            "responsible": "Jan",
            "due_day": 2,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.description, item.responsible, item.due_day) == (
        "Walk the escape route",
        "Both floors.",
        "Jan",
        2,
    )
    response = client.post(reverse("induction_template_item_delete", args=[template.pk, item.pk]))
    assert response.status_code == 302
    assert not template.items.exists()


def test_an_item_of_another_template_is_not_found(client, world, template):
    other = InductionTemplate.objects.create(company=world.company, name="Other")
    client.force_login(world.company_admin)
    item = template.items.get()
    response = client.post(reverse("induction_template_item_delete", args=[other.pk, item.pk]))
    assert response.status_code == 404
    assert template.items.filter(pk=item.pk).exists()


def test_an_item_needs_a_section_a_title_a_responsible_person_and_a_day_from_one(client, world, template):
    client.force_login(world.company_admin)
    response = client.post(
        reverse("induction_template_item_new", args=[template.pk]),
        {"section": "canteen", "title": "", "responsible": "", "due_day": 0},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"section", "title", "responsible", "due_day"}
    assert template.items.count() == 1


def test_making_a_template_the_default_takes_it_from_the_previous_one(client, world, template):
    second = InductionTemplate.objects.create(company=world.company, name="Summer staff")
    other_company_default = InductionTemplate.objects.create(
        company=world.other_company, name="Werkstatt", is_default=True
    )
    client.force_login(world.company_admin)

    client.post(reverse("induction_template_default", args=[template.pk]), {"is_default": "1"})
    assert list(InductionTemplate.objects.filter(company=world.company, is_default=True)) == [template]

    response = client.post(reverse("induction_template_default", args=[second.pk]), {"is_default": "1"})
    assert response.status_code == 302
    assert list(InductionTemplate.objects.filter(company=world.company, is_default=True)) == [second]
    other_company_default.refresh_from_db()
    assert other_company_default.is_default  # another company's default is left alone

    client.post(reverse("induction_template_default", args=[second.pk]), {"is_default": "0"})
    assert not InductionTemplate.objects.filter(company=world.company, is_default=True).exists()


def test_making_the_default_the_default_again_changes_nothing(world, template):
    template_set_default(template=template)
    template_set_default(template=template)
    assert list(InductionTemplate.objects.filter(is_default=True)) == [template]


def test_the_database_refuses_a_second_default(world, template):
    template_set_default(template=template)
    with pytest.raises(IntegrityError), transaction.atomic():
        InductionTemplate.objects.create(company=world.company, name="Second", is_default=True)


def test_a_mentor_may_not_switch_the_default(client, world, template):
    client.force_login(world.mentor)
    response = client.post(reverse("induction_template_default", args=[template.pk]), {"is_default": "1"})
    assert response.status_code == 403
    assert "admins" in response.text
    template.refresh_from_db()
    assert not template.is_default


def test_staff_see_templates_of_every_company(client, world, template):
    InductionTemplate.objects.create(company=world.other_company, name="Werkstatt")
    template_create(company=CompanyFactory(name="Empty Ltd"), name="Nothing yet")
    client.force_login(world.staff)
    page = client.get(reverse("induction_templates")).text
    for name in ("Bakery induction", "Werkstatt", "Nothing yet", "Autohaus Becker", "Empty Ltd"):
        assert name in page


def test_the_list_does_not_query_per_template(client, world, django_assert_max_num_queries):
    for number in range(15):
        template_create(company=world.company, name=f"Template {number}", with_standard_items=True)
    client.force_login(world.company_admin)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("induction_templates"))
    assert response.status_code == 200
    assert "Template 14" in response.text
