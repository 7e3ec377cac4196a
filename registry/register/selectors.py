"""Reads for the register of certified work mentors and of host companies, built on registry.selectors.

The register is searched all day over a hundred thousand certificates, so a page costs a fixed, small number
of queries: it stays on the certificate table, and instead of counting every match (most of the admin
changelist's time) the page query also reads a few pages ahead, as bare tuples, to know whether there is a
next page and how many results follow.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, NullIf
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Company, Role, School, User
from accounts.selectors import roles_of
from core.choice_keys import whole_number
from core.prepared import prepared_rows
from placements.models import Placement

from ..models import Certificate
from ..selectors import can_search_register, certificates_visible_to, registry_school_ids
from .filters import DEFAULT_CERTIFICATE_SORT, MAX_SEARCH_WORDS, RegisterFilter, is_whole_number
from .page_query import newest_first_rows, row_class
from .satisfaction import with_satisfaction

PAGE_SIZE = 25
# Pages read ahead by the page query: enough to say "3 pages" or "more than 75". A separate COUNT, even
# one capped with LIMIT, was the slowest query of a page whenever the planner guessed wrong where the
# matches are (a city late in the alphabet: the capped count walked most of an index). Each page read
# ahead costs a search that filters along the issue-date index another page of matches to find.
LOOK_AHEAD_PAGES = 2
MAX_PAGE = 4000  # deeper pages are never browsed; a search narrows faster
EXPIRY_WARNING_DAYS = 60

# What a register page shows; the rest of the row (e-mail, renewal links, PDF state) is not read.
REGISTER_COLUMNS = (
    "pk",
    "number",
    "holder_name",
    "company_name",
    "company_city",
    "company_country",
    "school_id",
    "issued_on",
    "valid_until",
    "revoked_at",
)


def register_certificates(user: User) -> QuerySet[Certificate]:
    """The register `user` searches: their schools' certificates (staff: all); none for anyone else.

    This is certificates_visible_to(user) narrowed to the schools the person works at: company admins and
    holders may see more certificates, but the register is the schools' list. Because those schools'
    certificates are all visible to them, the narrowed set is exactly `school_id IN (their schools)`, written
    that way so the database uses the (school, issued_on) index instead of an OR over holder and company
    (tests/registry/test_register_access.py checks that the two agree).
    """
    if not can_search_register(user):
        return Certificate.objects.none()
    school_ids = registry_school_ids(user)
    if school_ids is None:
        return certificates_visible_to(user)
    return Certificate.objects.filter(school_id__in=sorted(school_ids))


def register_schools(user: User) -> list[tuple[int, str]]:
    """(id, name) of the schools whose register `user` searches, for the school filter and column.

    Someone who works at a single school has nothing to choose, so that costs no query: an empty list.
    """
    school_ids = registry_school_ids(user)
    if school_ids is not None and len(school_ids) <= 1:
        return []
    schools = School.objects.order_by("name")
    if school_ids is not None:
        schools = schools.filter(pk__in=school_ids)
    return list(schools.values_list("pk", "name"))


def import_school_ids(user: User) -> frozenset[int] | None:
    """Schools `user` may import certificates into: as coordinator (None = all, for staff)."""
    roles = roles_of(user)
    if roles.is_staff:
        return None
    return roles.schools_as(Role.COORDINATOR)


def can_import_certificates(user: User) -> bool:
    school_ids = import_school_ids(user)
    return school_ids is None or bool(school_ids)


def import_schools(user: User) -> QuerySet[School]:
    school_ids = import_school_ids(user)
    schools = School.objects.order_by("name")
    return schools if school_ids is None else schools.filter(pk__in=school_ids)


@dataclass
class RegisterPage:
    """One page of a list, with an exact total when it was cheap to know and a lower bound otherwise."""

    object_list: list
    number: int
    has_next: bool
    count: int | None
    count_at_least: int
    page_size: int = PAGE_SIZE

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def num_pages(self) -> int | None:
        return None if self.count is None else max(1, -(-self.count // self.page_size))

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.object_list else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.page_size + len(self.object_list)


def page_number(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def register_page(
    queryset: QuerySet, number: int, *, page_size: int = PAGE_SIZE, look_ahead: int = LOOK_AHEAD_PAGES
) -> RegisterPage:
    """The page's rows and a look at up to `look_ahead` pages after it, in one query.

    The total is exact when the results end within the look-ahead, otherwise "more than" what was seen.
    Give it a values_list() queryset: the rows read ahead are only counted.
    """
    offset, window = _reach(number, page_size, look_ahead)
    return _page_of(list(queryset[offset : offset + window + 1]), number, offset, window, page_size)


def _reach(number: int, page_size: int = PAGE_SIZE, look_ahead: int = LOOK_AHEAD_PAGES) -> tuple[int, int]:
    """Where page `number` starts (its offset), and how many rows it and its look-ahead hold (the window)."""
    return (number - 1) * page_size, page_size * (1 + look_ahead)


def _page_of(rows: list, number: int, offset: int, window: int, page_size: int, *, short=False) -> RegisterPage:
    """The page from the rows read at `offset`: up to `window` + 1 of them (the page and the look-ahead).

    `short`: the look-ahead stopped before the results did (at least one row after the page was seen).
    """
    seen = offset + min(len(rows), window)
    if not rows and number > 1:  # past the end: how far is unknown
        return RegisterPage([], number, False, None, 0, page_size)
    if short:  # `seen` rows are there, maybe more: "more than seen - 1"
        return RegisterPage(rows[:page_size], number, len(rows) > page_size, None, seen - 1, page_size)
    total = seen if len(rows) <= window else None
    return RegisterPage(rows[:page_size], number, len(rows) > page_size, total, seen, page_size)


def _one_number_page(queryset: QuerySet, number: int) -> RegisterPage:
    """register_page() for a search by certificate number, its query sent prepared like the page statement (planned
    once per connection: planning took as long as the look-up)."""
    offset, window = _reach(number)
    sql, params = register_rows(queryset)[offset : offset + window + 1].query.sql_with_params()
    Row = row_class(REGISTER_COLUMNS)
    rows = [Row(*values) for values in prepared_rows(queryset.db, sql, params)]
    return _page_of(rows, number, offset, window, PAGE_SIZE)


def walked_schools(register_filter: RegisterFilter, user: User) -> frozenset[int] | None:
    """The schools whose certificates a page of this search can hold (None: any, for staff): the chosen school,
    or the schools whose register the user searches."""
    cleaned = register_filter.form.cleaned_data if register_filter.is_bound and register_filter.form.is_valid() else {}
    chosen = whole_number(cleaned.get("school"))
    return frozenset({chosen}) if chosen is not None else registry_school_ids(user)


def certificate_page(
    register_filter: RegisterFilter, number: int, *, schools: frozenset[int] | None = None
) -> RegisterPage:
    """The register's page `number` of the filter's results, with the look-ahead of register_page().

    On PostgreSQL the default order (newest first) is read by page_query.newest_first_rows, in a plan that
    stays fast for rare and common matches alike; other orders, and SQLite, use the plain sorted queryset.
    """
    queryset = register_filter.qs
    cleaned = register_filter.form.cleaned_data if register_filter.is_bound else {}
    if connections[queryset.db].vendor != "postgresql" or register_filter.sort_key != DEFAULT_CERTIFICATE_SORT:
        return register_page(register_rows(queryset), number)
    if is_whole_number(cleaned.get("q")):  # one row by the unique index: nothing to walk
        return _one_number_page(queryset, number)
    offset, window = _reach(number)
    expired = cleaned.get("status") == Certificate.State.EXPIRED
    expired_before = timezone.localdate() if expired else None  # what CertificateQuerySet.expired() compares
    found = newest_first_rows(
        queryset,
        REGISTER_COLUMNS,
        offset,
        window + 1,
        enough=PAGE_SIZE + 1,
        expired_before=expired_before,
        revoked=cleaned.get("status") == Certificate.State.REVOKED,
        schools=schools,
        texts=searched_texts(cleaned),
    )
    if found is None:
        return register_page(register_rows(queryset), number)
    rows, short = found
    return _page_of(rows, number, offset, window, PAGE_SIZE, short=short)


def searched_texts(cleaned: dict) -> tuple[str, ...]:
    """The texts the register's filters require a certificate's search_text to hold: the words, a company, a city."""
    words = (cleaned.get("q") or "").split()[:MAX_SEARCH_WORDS]
    return tuple(text for text in (*words, cleaned.get("company"), cleaned.get("city")) if text)


@dataclass
class RegisterSearch:
    """What a search of the register returns to a view or an API: the bound filter and the page."""

    filter: RegisterFilter
    page: RegisterPage
    schools: list[tuple[int, str]]


def search_register(user: User, params, *, page: int | None = None) -> RegisterSearch:
    """Search the register as `user` with the register's query parameters (q, city, status, sort, page...).

    A fixed number of queries at any size: the user's roles, the school choices (none for a single school),
    and the page (two on PostgreSQL). An empty `params` is the unfiltered register, newest first.
    """
    schools = register_schools(user)
    register_filter = RegisterFilter(params or None, queryset=register_certificates(user), schools=schools)
    number = page if page is not None else page_number(params.get("page") if params else None)
    page = certificate_page(register_filter, number, schools=walked_schools(register_filter, user))
    return RegisterSearch(register_filter, page, schools)


def paginated(queryset: QuerySet, number: int, *, page_size: int = PAGE_SIZE) -> RegisterPage:
    """An ordinary counted page, for short lists whose rows are costly to read ahead (the companies)."""
    page = Paginator(queryset, page_size).get_page(number)
    count = page.paginator.count
    return RegisterPage(list(page.object_list), page.number, page.has_next(), count, count, page_size)


def certificate_state(revoked_at, valid_until, today) -> str:
    """Certificate.state() for a row read as a tuple (tests check that the two agree)."""
    if revoked_at:
        return Certificate.State.REVOKED
    return Certificate.State.VALID if valid_until >= today else Certificate.State.EXPIRED


def register_rows(queryset: QuerySet[Certificate]) -> QuerySet:
    """The columns a register page shows, as named tuples: cheap to read ahead and to print."""
    return queryset.values_list(*REGISTER_COLUMNS, named=True)


# --- The public subset --------------------------------------------------------------------------------


def published_school(key: str) -> School:
    """The school by id or by the slug of its (short) name, if it publishes its register; otherwise 404."""
    published = School.objects.filter(registry_settings__publish_public_register=True)
    if whole_number(key) is not None:
        return get_object_or_404(published, pk=whole_number(key))
    for school in published.only("pk", "name", "short_name"):
        if key in {slugify(school.name), slugify(school.short_name)} - {""}:
            return school
    raise Http404("No published register.")


def public_register_certificates(school: School) -> QuerySet[Certificate]:
    return Certificate.objects.filter(school=school)


# --- The register of companies ------------------------------------------------------------------------


def holder_identity():
    """Who a certificate belongs to when there may be no account: the e-mail address, else the name."""
    return Coalesce(NullIf(Lower("holder_email"), Value("")), Lower("holder_name"))


def _placements_of_outer_company(school_ids) -> QuerySet[Placement]:
    placements = Placement.objects.filter(company=OuterRef("pk"))
    return placements if school_ids is None else placements.filter(school_id__in=school_ids)


def hosting_companies(user: User) -> QuerySet[Company]:
    """Companies with a placement of the user's schools' learners (staff: all companies)."""
    if not can_search_register(user):
        return Company.objects.none()
    school_ids = registry_school_ids(user)
    if school_ids is None:
        return Company.objects.all()
    return Company.objects.filter(Exists(_placements_of_outer_company(school_ids)))


def companies_in_register(user: User, *, today=None) -> QuerySet[Company]:
    """The hosting companies with their counts and flags, computed in the database (one query a page).

    Placements are counted at the user's schools. Certified mentors are counted over every school's
    certificates: a mentor certified elsewhere is still certified, and only the number is shown.
    """
    today = today or timezone.localdate()
    placements = _placements_of_outer_company(registry_school_ids(user))
    valid = Certificate.objects.currently_valid(today).filter(company=OuterRef("pk"))
    companies = hosting_companies(user)
    active = placements.filter(status=Placement.Status.ACTIVE).order_by().values("company")
    certified = valid.order_by().values("company")
    companies = companies.annotate(
        active_placements=Coalesce(
            Subquery(active.annotate(n=Count("pk")).values("n")), Value(0), output_field=IntegerField()
        ),
        certified_mentors=Coalesce(
            Subquery(certified.annotate(n=Count(holder_identity(), distinct=True)).values("n")),
            Value(0),
            output_field=IntegerField(),
        ),
        last_valid_until=Subquery(certified.annotate(last=Max("valid_until")).values("last")),
    )
    companies = with_satisfaction(companies, registry_school_ids(user))  # the learners' score, from feedback
    return companies.annotate(
        flag_uncertified=Case(
            When(Q(active_placements__gt=0, certified_mentors=0), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        flag_expiring=Case(
            When(last_valid_until__lte=today + timedelta(days=EXPIRY_WARNING_DAYS), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


def company_sectors(companies: QuerySet[Company]) -> list[str]:
    """The sectors among `companies`, for the sector filter (one query)."""
    return list(companies.order_by("sector").values_list("sector", flat=True).distinct())


def companies_needing_attention(user: User) -> QuerySet[Company]:
    """For the dashboard: hosting companies with a flag (no certified mentor, or the last one expiring)."""
    return companies_in_register(user).filter(Q(flag_uncertified=True) | Q(flag_expiring=True)).order_by("name")
