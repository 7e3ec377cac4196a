"""A large employer: the company view lists its work mentors' certificates a page at a time, says where the page
is, keeps the placements' page, and costs the same number of queries for 3 mentors as for 120."""

import re

from django.urls import reverse

from accounts.models import Role
from oversight.company.views import MENTORS_PER_PAGE
from tests.factories import person

COMPANY = reverse("oversight_company")


def add_mentors(world, count, *, start=0):
    for n in range(start, start + count):
        person(Role.MENTOR, world.company, first_name="Mentor", last_name=f"Number {n:03d}")


def mentor_table(html):
    return html.split('id="mentor-certificates"')[1].split("</table>")[0]


def mentor_names(html):
    return re.findall(r"Mentor (Number \d{3})", mentor_table(html))


def mentor_rows(html):
    return mentor_table(html).count("<tr>") - 1  # the header row


def test_the_mentors_are_paged_in_fixed_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.company_admin)
    add_mentors(world, 3)
    with django_assert_max_num_queries(12) as few:
        html = client.get(COMPANY).text
    assert mentor_names(html) == ["Number 000", "Number 001", "Number 002"]
    assert "mentors=2" not in html

    add_mentors(world, 117, start=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(COMPANY).text
    assert mentor_rows(html) == MENTORS_PER_PAGE
    assert f"1–{MENTORS_PER_PAGE} of 122" in html  # with the world's two mentors of the company
    assert "?mentors=2" in html


def test_a_later_page_of_mentors_keeps_the_placements_page(client, world):
    add_mentors(world, 2 * MENTORS_PER_PAGE)
    client.force_login(world.company_admin)
    pages = [client.get(COMPANY, {"mentors": number, "page": 1}).text for number in (1, 2, 3)]
    assert [name for html in pages for name in mentor_names(html)] == [
        f"Number {n:03d}" for n in range(2 * MENTORS_PER_PAGE)
    ]  # every one once, in order, over the pages
    assert "?page=1&amp;mentors=3" in pages[1]
    assert mentor_names(client.get(COMPANY, {"mentors": "x"}).text)[0] == "Number 000"


def test_the_mentor_pages_read_in_dutch(client, world, settings):
    add_mentors(world, MENTORS_PER_PAGE + 1)
    client.force_login(world.company_admin)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    html = client.get(COMPANY).text
    assert 'aria-label="Pagina\'s met werkmentoren"' in html
