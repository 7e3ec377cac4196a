"""{% kept %} (core/templatetags/kept.py, core/kept.py): a block rendered once per process for each language, set of
URLs and combination of the values it names; the register page and every page's head and footer use it."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse
from django.utils import translation

from core.kept import Kept
from core.templatetags.kept import fragments, searches
from tests.registry.factories_register import make_certificate

TEMPLATE = Template(
    "{% load i18n kept %}"
    '{% kept "test-block" flag %}{% translate "Host companies" %} {{ flag }} {{ other }}{% endkept %}'
)


@pytest.fixture(autouse=True)
def _kept_as_in_production(settings):
    settings.DEBUG = False
    fragments.clear()
    searches.clear()


def render(**values):
    return TEMPLATE.render(Context(values))


def test_a_block_is_rendered_once_for_the_values_it_names():
    assert render(flag=True, other="first") == "Host companies True first"
    # `other` is not among the block's values: what was kept for flag=True is shown.
    assert render(flag=True, other="second") == "Host companies True first"
    assert render(flag=False, other="second") == "Host companies False second"


def test_each_language_has_its_own_copy():
    assert render(flag=True) == "Host companies True "
    with translation.override("nl"):
        assert render(flag=True) == "Leerbedrijven True "


def test_while_debugging_the_block_is_rendered_every_time(settings):
    settings.DEBUG = True
    assert render(flag=True, other="first") == "Host companies True first"
    assert render(flag=True, other="second") == "Host companies True second"


def test_a_full_store_starts_again():
    store = Kept(max_entries=2)
    for key in "abc":
        store.get(key, lambda key=key: key.upper())
    assert len(store) == 1 and store.get("c", lambda: "new") == "C"


def test_the_name_is_required_and_quoted():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load kept %}{% kept %}x{% endkept %}")
    with pytest.raises(TemplateSyntaxError):
        Template("{% load kept %}{% kept name %}x{% endkept %}")


def test_the_register_pages_kept_table_head_follows_the_reader(client, world, settings):
    """Staff search every school's register (a School column), a coordinator their own (none), whichever was kept
    first; a Dutch reader gets the Dutch copy."""
    school_column = '<th scope="col">School</th>'
    make_certificate(school=world.school)
    client.force_login(world.staff)
    assert school_column in client.get(reverse("register")).text
    client.force_login(world.coordinator)
    page = client.get(reverse("register")).text
    assert "Certified work mentors" in page and school_column not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = client.get(reverse("register")).text
    assert "Gecertificeerde werkmentoren" in page and "Certified work mentors" not in page


def test_markup_per_search_is_kept_apart_from_the_markup_every_page_shares():
    per_search = Template(
        '{% load kept %}{% kept_per_search "test-form" q %}<input value="{{ q }}">{% endkept_per_search %}'
    )
    render(flag=True)
    assert per_search.render(Context({"q": "jansen"})) == '<input value="jansen">'
    assert per_search.render(Context({"q": "bakker"})) == '<input value="bakker">'
    assert len(searches) == 2 and len(fragments) == 1


def test_the_register_search_form_shows_what_each_search_asked_for(client, world):
    """The form is kept per query: another search, a page of the same search, or the cleared form each show their
    own values and errors."""
    make_certificate(school=world.school, holder_name="Anna Jansen")
    client.force_login(world.coordinator)
    url = reverse("register")
    assert 'value="jansen"' in client.get(url, {"q": "jansen"}).text
    page = client.get(url, {"q": "bakker", "city": "Zwolle"}).text
    assert 'value="bakker"' in page and 'value="Zwolle"' in page and 'value="jansen"' not in page
    assert 'value="jansen"' in client.get(url, {"q": "jansen", "page": "2"}).text
    assert 'value="jansen"' not in client.get(url).text
    invalid = client.get(url, {"issued_from": "not a date"}).text
    assert "invalid-feedback" in invalid and "invalid-feedback" not in client.get(url, {"q": "jansen"}).text
