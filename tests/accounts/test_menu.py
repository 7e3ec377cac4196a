import re

import pytest
from django.urls import reverse

from accounts.models import Role
from tests.factories import grant


@pytest.mark.parametrize(
    ("who", "shown", "hidden"),
    [
        ("mentor", ["Mentor courses", "My certificates", "My development"], ["Register", "Administration"]),
        ("coordinator", ["Mentor courses", "Register"], ["My development", "Administration"]),
        ("learner", ["Placements"], ["Mentor courses", "Register", "My development"]),
        ("staff", ["Register", "Administration"], ["My development"]),
    ],
)
def test_the_menu_offers_each_role_what_it_can_use(client, world, who, shown, hidden):
    client.force_login(getattr(world, who))
    html = client.get(reverse("dashboard")).text
    nav = html[html.index("<header>") : html.index("</header>")]
    for label in shown:
        assert f">{label}</a>" in nav
    for label in hidden:
        assert f">{label}</a>" not in nav


ALWAYS = {"dashboard", "placement_list", "notification_list", "my_account"}
PLACEMENT_ROLES = {"opening_list", "assessment_waiting", "my_surveys"}
SURVEYS = {"feedback_results", "feedback_questionnaires"}
SCHOOL_STAFF = ALWAYS | PLACEMENT_ROLES | {"course_list", "framework_list", "register", "learner_list"} | SURVEYS

# Every page each role reaches from the menu (the bar, its dropdowns and the user menu).
DESTINATIONS = {
    "learner": ALWAYS | PLACEMENT_ROLES | {"candidate_profile", "my_applications"},
    "mentor": ALWAYS
    | PLACEMENT_ROLES
    | {"course_list", "framework_list", "my_certificates", "development_list", "growth_plan", "feedback_results"},
    "supervisor": SCHOOL_STAFF,
    "coordinator": SCHOOL_STAFF | {"people", "oversight_placements", "privacy_requests"},
    "company_admin": ALWAYS | PLACEMENT_ROLES | {"course_list", "induction_templates", "people", "feedback_results"},
    "staff": ALWAYS
    | {"opening_list", "course_list", "framework_list", "induction_templates", "register", "admin:index", "outbox"}
    | {"people", "learner_list", "oversight_placements"}
    | SURVEYS,
    "nobody": ALWAYS,
}


def header_of(client, url_name="dashboard"):
    html = client.get(reverse(url_name)).text
    return html[html.index("<header>") : html.index("</header>")]


@pytest.mark.parametrize("who", sorted(DESTINATIONS))
def test_every_role_reaches_its_pages_from_the_menu(client, world, who):
    client.force_login(getattr(world, who))
    links = set(re.findall(r'href="([^"]+)"', header_of(client)))
    assert links == {reverse(name) for name in DESTINATIONS[who]}


def test_a_coordinator_who_also_mentors_reaches_both_sets_of_pages(client, world):
    grant(world.coordinator, Role.MENTOR, world.company)
    client.force_login(world.coordinator)
    links = set(re.findall(r'href="([^"]+)"', header_of(client)))
    expected = DESTINATIONS["coordinator"] | DESTINATIONS["mentor"]
    assert links == {reverse(name) for name in expected}


def test_related_pages_share_a_dropdown_and_a_lone_page_stays_a_plain_link(client, world):
    client.force_login(world.coordinator)
    nav = header_of(client)
    toggles = re.findall(r'<button type="button" class="nav-link dropdown-toggle[^"]*"[^>]*>([^<]+)</button>', nav)
    assert toggles == ["Placements", "Training"]
    # A company admin sees mentor courses but no frameworks: a link, not a dropdown of one.
    client.force_login(world.company_admin)
    nav = header_of(client)
    assert '<a class="nav-link text-nowrap" href="/courses/">Mentor courses</a>' in nav
    assert ">Training</button>" not in nav
    # Someone without a role has nothing to group: the only dropdown is their own user menu.
    client.force_login(world.nobody)
    assert header_of(client).count("dropdown-toggle") == 1


def test_the_group_of_the_current_page_is_marked(client, world):
    client.force_login(world.coordinator)
    nav = header_of(client, "placement_list")
    assert re.search(r'class="nav-link dropdown-toggle text-nowrap active"[^>]*>Placements</button>', nav)
    assert f'class="dropdown-item active" aria-current="page" href="{reverse("placement_list")}">Placements</a>' in nav
    assert not re.search(r'class="nav-link dropdown-toggle text-nowrap active"[^>]*>Training</button>', nav)


def test_the_user_menu_names_the_person_and_holds_administration_for_staff(client, world):
    world.staff.first_name, world.staff.last_name = "Sam", "Beheer"
    world.staff.save()
    client.force_login(world.staff)
    nav = header_of(client)
    user_menu = nav[nav.index('<span class="nav-user-name">') :]
    assert user_menu.startswith('<span class="nav-user-name">Sam</span>')
    assert '<span class="dropdown-header">Sam Beheer</span>' in user_menu
    assert f'href="{reverse("admin:index")}">Administration</a>' in user_menu
