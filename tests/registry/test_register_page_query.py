"""The register's search function: the same rows as a plain sorted query, a fixed number of queries at any size,
and accent-blind matches through the stored search column (registry/register/page_query.py, search.py).

These run on SQLite and on PostgreSQL (DATABASE_URL=postgres://..., as in CI); on PostgreSQL the page goes
through the walk-then-candidates statement, made to take both branches here with a small walk.
"""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.db.models import F, Q
from django.http import QueryDict
from django.utils import timezone

from registry.models import Certificate
from registry.register import page_query
from registry.register.filters import RegisterFilter, search_certificates
from registry.register.selectors import PAGE_SIZE, REGISTER_COLUMNS, register_certificates, search_register
from tests.registry.factories_register import make_certificate
from tests.registry.page_statement import make_register, plan_as_run, scans_run, statement_parts


def search(user, **params):
    return search_register(user, QueryDict(urlencode(params)))


QUERIES = [
    {},
    {"page": "2"},
    {"q": "kowalski"},
    {"q": "drukkerij kowalski"},
    {"q": "iris kowalski zwolle"},
    {"q": "WM-2020-000017"},
    {"city": "zwolle"},
    {"status": "valid"},
    {"status": "revoked"},
    {"status": "expired"},
    {"status": "expired", "q": "bakkerij"},
    {"status": "valid", "city": "leiden", "q": "anna"},
    {"q": "jansen", "page": "2"},
    {"q": "nobody"},
]


@pytest.mark.parametrize("params", QUERIES)
def test_a_page_holds_the_rows_of_the_plain_sorted_query(world, small_walk, params):
    make_register(world.school, 150)
    result = search(world.staff, **params)
    register_filter = RegisterFilter(QueryDict(urlencode(params)), queryset=Certificate.objects.all(), schools=[])
    offset = (int(params.get("page", 1)) - 1) * PAGE_SIZE
    expected = list(register_filter.qs.values_list(*REGISTER_COLUMNS)[offset : offset + PAGE_SIZE])
    assert [tuple(row) for row in result.page.object_list] == expected  # every column the page shows, in place
    total = register_filter.qs.count()
    assert result.page.has_next == (total > offset + PAGE_SIZE)
    page = result.page
    assert page.count == total if page.count is not None else page.count_at_least < total


def test_a_coordinator_pages_through_their_school_only(world, small_walk):
    make_register(world.school, 60)
    make_register(world.other_school, 60, start=60)
    mine = set(register_certificates(world.coordinator).values_list("pk", flat=True))
    for params in ({}, {"q": "kowalski"}, {"status": "expired"}, {"page": "2"}):
        rows = search(world.coordinator, **params).page.object_list
        assert rows and {row.pk for row in rows} <= mine


@pytest.mark.parametrize("params", [{}, {"q": "kowalski"}, {"city": "zwolle"}, {"status": "revoked"}, {"page": "3"}])
def test_a_coordinators_walk_reads_their_schools_rows_and_finds_the_plain_sorted_ones(world, small_walk, params):
    """Other schools' certificates issued on the same days come between theirs in the (issued_on, id) order; the
    walk reads only the coordinator's school's (page_query.OF_SCHOOLS) and the page is still the plain one."""
    make_register(world.school, 90)
    make_register(world.other_school, 90, start=90)
    shift = timedelta(days=90)  # the other school's issue days are the school's own
    Certificate.objects.filter(school=world.other_school).update(
        issued_on=F("issued_on") + shift, valid_until=F("valid_until") + shift
    )
    result = search(world.coordinator, **params)
    plain = RegisterFilter(QueryDict(urlencode(params)), queryset=register_certificates(world.coordinator), schools=[])
    offset = (int(params.get("page", 1)) - 1) * PAGE_SIZE
    expected = list(plain.qs.values_list("pk", flat=True)[offset : offset + PAGE_SIZE])
    assert expected and [row.pk for row in result.page.object_list] == expected


@pytest.mark.parametrize("who, queries", [("staff", 2), ("coordinator", 1)])
def test_a_page_costs_the_same_queries_at_any_size(world, who, queries, django_assert_num_queries):
    """The school choices (none for one school) and the page, the roles read with the person: the same for 40 and
    for 400 certificates."""
    user = getattr(world, who)
    for size in (40, 400):
        make_register(world.school, size - Certificate.objects.count(), start=Certificate.objects.count())
        for params in ({}, {"q": "drukkerij kowalski"}, {"status": "expired", "page": "2"}, {"city": "zwolle"}):
            user = type(user).objects.get(pk=user.pk)  # a new request: the person read with their roles
            with django_assert_num_queries(queries):
                search(user, **params)


@pytest.fixture
def accented(world):
    return {
        name: make_certificate(school=world.school, holder_name=name, company_city=city)
        for name, city in [
            ("Jan Müller", "Köln"),
            ("Emre Çelik", "Gent"),
            ("Piet Muller", "Koln"),
            ("Aylin Celik", "Utrecht"),
        ]
    }


@pytest.mark.parametrize(
    "q, expected",
    [
        ("muller", {"Jan Müller", "Piet Muller"}),
        ("Müller", {"Jan Müller", "Piet Muller"}),
        ("MULLER", {"Jan Müller", "Piet Muller"}),
        ("celik", {"Emre Çelik", "Aylin Celik"}),
        ("çelik", {"Emre Çelik", "Aylin Celik"}),
        ("ÇELIK", {"Emre Çelik", "Aylin Celik"}),
        ("celik gent", {"Emre Çelik"}),
        ("koln", {"Jan Müller", "Piet Muller"}),
    ],
)
def test_the_search_is_accent_blind_both_ways(world, accented, q, expected):
    """'Müller' is found by 'muller' and 'Muller' by 'müller'; so with Çelik (on PostgreSQL: unaccent)."""
    rows = search(world.coordinator, q=q).page.object_list
    assert {row.holder_name for row in rows} == expected


def test_the_search_column_follows_every_change(world):
    certificate = make_certificate(school=world.school, holder_name="Jan Müller")
    certificate.refresh_from_db()
    assert certificate.search_text.endswith("jan muller bakkerij de korenschoof utrecht")
    Certificate.objects.filter(pk=certificate.pk).update(holder_name="Erased", company_city="Zwolle")
    assert not search(world.coordinator, q="muller").page.object_list
    assert [row.pk for row in search(world.coordinator, q="erased zwolle").page.object_list] == [certificate.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")
@pytest.mark.parametrize(
    "q, parts",
    [
        ("", set()),  # no filters: the newest rows straight from the index (deeper pages: the probe alone)
        ("drukkerij", {"probe", "walk"}),  # a third match: the probe sees 9, a walk of 100 finds the page
        ("nobody", {"probe", "candidates"}),  # none in the probe: straight to the trigram bitmap
        ("aachen", {"probe", "walk", "candidates"}),  # the newest ten match, then none: the walk falls short
    ],
)
def test_the_probe_picks_the_branch_and_every_branch_returns_the_plain_sorted_rows(world, short_walks, q, parts):
    make_register(world.school, 150)
    newest_ten = Certificate.objects.order_by("-issued_on", "-pk").values_list("pk", flat=True)[:10]
    Certificate.objects.filter(pk__in=list(newest_ten)).update(company_city="Aachen")
    for offset in (0, 5, 10):  # 5: the page starts among the probe's matches and goes on in the walk's
        queryset = search_certificates(Certificate.objects.all(), q)
        rows, short, ran = statement_parts(queryset, offset=offset)
        plain = list(queryset.order_by("-issued_on", "-pk").values_list("pk", flat=True)[offset : offset + 26])
        assert rows == plain[: len(rows)], (q, offset)
        assert len(rows) == len(plain) or short, (q, offset)
        if offset == 0:
            assert ran == parts, q


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")
def test_a_walk_that_read_every_row_there_is_holds_the_page_without_the_candidates(world, short_walks):
    """Few rows under the walk's own conditions (14 revoked; 59 older than a cursor): the probe or the walk saw every
    match, so that is the page (complete, not "more than"), however few, and the trigram bitmap is not read."""
    make_register(world.school, 150)
    revoked = Certificate.objects.filter(revoked_at__isnull=False)
    rows, short, ran = statement_parts(revoked, revoked=True)
    assert rows == list(revoked.order_by("-issued_on", "-pk").values_list("pk", flat=True)) and len(rows) == 14
    assert ran == {"probe"} and not short
    oldest = Certificate.objects.order_by("issued_on", "pk").values_list("issued_on", "pk")[59]
    older = search_certificates(Certificate.objects.all(), "drukkerij").filter(issued_on__lt=oldest[0])
    rows, short, ran = statement_parts(older, before=oldest)
    assert rows == list(older.order_by("-issued_on", "-pk").values_list("pk", flat=True)) and len(rows) < 26
    assert ran == {"probe", "walk"} and not short


def _index_scans(node) -> set[str]:
    """The indexes the statement read (EXPLAIN's JSON), whether the scan ran or not."""
    found = {node["Index Name"]} if node.get("Index Name") else set()
    for child in node.get("Plans", []):
        found |= _index_scans(child)
    return found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")
@pytest.mark.parametrize(
    "params, parts",
    [
        ({}, set()),  # the school alone: its newest rows read directly, no probe (every row of the walk matches)
        ({"q": "drukkerij"}, {"probe", "walk"}),
        ({"q": "nobody"}, {"probe", "candidates"}),
        ({"city": "aachen"}, {"probe", "walk", "candidates"}),  # a column outside the index: rows fetched by id
        ({"status": "valid", "q": "anna"}, None),
        ({"status": "expired"}, None),
        ({"status": "revoked"}, None),
        ({"status": "revoked", "q": "bakkerij"}, None),
        ({"status": "valid", "city": "leiden", "q": "anna"}, None),
    ],
)
def test_one_schools_walk_keeps_to_its_schools_rows_and_every_branch_returns_the_plain_sorted_rows(
    world, short_walks, params, parts
):
    """One school's walk reads the school's rows newest first (not the issue-date index of every school's, issued on
    the same days), runs the parts it should, and each branch returns the plain sorted query's rows, from any offset
    and after a cursor."""
    make_register(world.school, 150)
    # Other schools' certificates around the school's, and statistics as autovacuum keeps them: on a few hundred
    # rows without them the planner's choice of index was arbitrary (it depended on what earlier tests left behind).
    make_register(world.other_school, 3000, start=150)
    shift = timedelta(days=150)
    Certificate.objects.filter(school=world.other_school).update(
        issued_on=F("issued_on") + shift, valid_until=F("valid_until") + shift
    )
    newest_ten = Certificate.objects.filter(school=world.school).order_by("-issued_on", "-pk")[:10]
    Certificate.objects.filter(pk__in=list(newest_ten.values_list("pk", flat=True))).update(company_city="Aachen")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE registry_certificate")
    schools = {world.school.pk}
    register_filter = RegisterFilter(
        QueryDict(urlencode(params)), queryset=register_certificates(world.coordinator), schools=[]
    )
    queryset = register_filter.qs
    status = params.get("status")
    expired = {"expired_before": timezone.localdate()} if status == "expired" else {"revoked": status == "revoked"}
    plain = list(queryset.order_by("-issued_on", "-pk").values_list("pk", "issued_on"))
    for offset in (0, 5, 10):
        (rows, short), plan = plan_as_run(
            lambda offset=offset: page_query.newest_first_rows(
                queryset, ("pk",), offset, 26, schools=schools, **expired
            )
        )
        expected = [pk for pk, _day in plain[offset : offset + 26]]
        assert [row.pk for row in rows] == expected[: len(rows)] and (len(rows) == len(expected) or short), offset
        # Which of the school's indexes the walk reads is the planner's choice by the table's size and visibility
        # map: at 1,000,000 certificates certificate_school_search (or _revoked) index-only (README, EXPLAIN). On
        # these few thousand rows, never vacuumed, it may take the school's plain indexes; never the issue-date index
        # of every school's rows.
        assert "certificate_issued_id" not in _index_scans(plan)
        if parts and offset == 0:
            assert scans_run(plan) == parts, params
    if len(plain) > 5:
        pk, day = plain[4]
        older = queryset.filter(Q(issued_on__lt=day) | Q(issued_on=day, pk__lt=pk))
        rows, short = page_query.newest_first_rows(older, ("pk",), 0, 26, before=(day, pk), schools=schools, **expired)
        expected = [pk for pk, _day in plain[5:31]]
        assert [row.pk for row in rows] == expected[: len(rows)] and (len(rows) == len(expected) or short)


def _conditions(node) -> list[str]:
    """Every condition a plan node tests on its rows or its index (EXPLAIN's JSON)."""
    found = [node[key] for key in ("Filter", "Index Cond", "Recheck Cond") if key in node]
    for child in node.get("Plans", []):
        found += _conditions(child)
    return found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")
def test_the_search_patterns_are_made_once_per_statement_not_for_every_row_tested(world, short_walks):
    """In the prepared statement's generic plan a folded, escaped pattern is an expression over a parameter: the
    walk tested each row against it after folding it again (half the walk's time at 1,000,000 certificates)."""
    make_register(world.school, 150)
    query = QueryDict(urlencode({"q": "drukkerij", "city": "malaga"}))
    queryset = RegisterFilter(query, queryset=register_certificates(world.staff), schools=[]).qs
    (rows, _short), plan = plan_as_run(lambda: page_query.newest_first_rows(queryset, ("pk",), 0, 26))
    plain = list(queryset.order_by("-issued_on", "-pk").values_list("pk", flat=True)[:26])
    assert [row.pk for row in rows] == plain[: len(rows)] and rows
    conditions = _conditions(plan)
    assert any("search_text ~~" in condition for condition in conditions)
    assert not any("replace(" in condition.lower() for condition in conditions), conditions


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the page statement is PostgreSQL's")
def test_filters_on_the_walked_schools_alone_read_the_newest_rows_and_no_more_schools_than_asked(world):
    """A coordinator browsing, or staff choosing a school: the filters keep only the schools the walk is limited to,
    so the page is the walk's own rows (no probe). Where the filters keep fewer schools than the walk reads, the
    filters still decide."""
    make_register(world.school, 60)
    make_register(world.other_school, 60, start=60)
    shift = timedelta(days=60)  # both schools issue on the same days
    Certificate.objects.filter(school=world.other_school).update(
        issued_on=F("issued_on") + shift, valid_until=F("valid_until") + shift
    )
    both = {world.school.pk, world.other_school.pk}
    cases = [
        (Certificate.objects.filter(school_id__in=[world.school.pk]), {world.school.pk}, set()),
        (Certificate.objects.filter(school_id=world.other_school.pk), {world.other_school.pk}, set()),
        (Certificate.objects.filter(school_id__in=sorted(both)), both, set()),
        # The walk reads both schools, the filters keep one: the statement, filters tested on each row.
        (Certificate.objects.filter(school_id__in=[world.school.pk]), both, {"probe"}),
    ]
    for queryset, schools, parts in cases:
        plain = list(queryset.order_by("-issued_on", "-pk").values_list("pk", flat=True))
        for offset in (0, 30):
            (rows, _short), plan = plan_as_run(
                lambda queryset=queryset, schools=schools, offset=offset: page_query.newest_first_rows(
                    queryset, ("pk",), offset, 26, schools=schools
                )
            )
            assert [row.pk for row in rows] == plain[offset : offset + 26]
            if offset == 0:
                assert scans_run(plan) == parts
