"""core/filtersets.py: a FilterSet's instances share its form class and their filters' unchanging parts, never
what one instance sets (its choices, its parent)."""

from django.http import QueryDict
from django.utils import translation

from registry.models import Certificate
from registry.register.filters import CompanyRegisterFilter, RegisterFilter

SCHOOLS = [(1, "Alfa College"), (2, "Bravo College")]


def _register_filter(query="", schools=SCHOOLS):
    return RegisterFilter(QueryDict(query) if query else None, queryset=Certificate.objects.none(), schools=schools)


def test_instances_with_the_same_choices_share_a_form_class_and_others_get_their_own():
    first, second = _register_filter(), _register_filter()
    assert type(first.form) is type(second.form)
    other = _register_filter(schools=[(3, "Charlie College")])
    assert type(other.form) is not type(first.form)
    assert list(other.form.fields["school"].choices)[1:] == [(3, "Charlie College")]
    assert list(first.form.fields["school"].choices)[1:] == SCHOOLS
    one_school = _register_filter(schools=[])
    assert "school" not in one_school.form.fields and "school" in first.form.fields


def test_an_instance_changes_its_own_filters_not_the_class_nor_another_instance():
    first, second = _register_filter(), _register_filter(schools=[(3, "Charlie College")])
    assert first.filters["school"] is not RegisterFilter.base_filters["school"]
    assert first.filters["school"].extra["choices"] == SCHOOLS
    assert second.filters["school"].extra["choices"] == [(3, "Charlie College")]
    assert RegisterFilter.base_filters["school"].extra["choices"] == []


def test_a_method_filter_calls_its_own_instance():
    sorted_by_holder, default = _register_filter("sort=holder"), _register_filter()
    assert sorted_by_holder.qs.ordered and default.qs.ordered  # the sort filter ran
    assert sorted_by_holder.sort_key == "holder" and default.sort_key == "-issued"
    assert sorted_by_holder.filters["sort"].parent is sorted_by_holder and default.filters["sort"].parent is default


def test_a_form_per_language_and_its_fields_its_own():
    with translation.override("nl"):
        dutch = _register_filter()
        dutch_label = str(dutch.form.fields["q"].label)
    english = _register_filter()
    assert type(dutch.form) is not type(english.form)
    assert dutch_label != str(english.form.fields["q"].label)
    assert english.form.fields["q"] is not _register_filter().form.fields["q"]  # each form deep-copies its fields


def test_the_companies_form_follows_the_sectors():
    first = CompanyRegisterFilter(None, queryset=Certificate.objects.none(), sectors=["Bouw"])
    second = CompanyRegisterFilter(None, queryset=Certificate.objects.none(), sectors=["Zorg"])
    assert list(first.form.fields["sector"].choices)[1:] == [("Bouw", "Bouw")]
    assert list(second.form.fields["sector"].choices)[1:] == [("Zorg", "Zorg")]
