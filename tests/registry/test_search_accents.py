"""The registers' searches ignore accents and case: 'malaga' finds 'Málaga', 'Málaga' finds 'Malaga'.

Names in the register are Dutch, Belgian, Spanish, Turkish and German, and people type them without accents.
These tests run on SQLite and on PostgreSQL (DATABASE_URL=postgres://...); the last ones check PostgreSQL's
function against the Python one SQLite uses, and that a search there is served by the trigram indexes.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import Company
from registry.models import Certificate
from registry.register.filters import RegisterFilter
from registry.register.search import contains_text, fold
from tests.factories import CompanyFactory, make_placement
from tests.registry.factories_register import make_certificate, publish_register

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigram indexes and unaccent are PostgreSQL's"
)


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Málaga", "malaga"),
        ("Lucía", "lucia"),
        ("Öztürk", "ozturk"),
        ("IŞIK", "isik"),
        ("Işık", "isik"),
        ("İstanbul", "istanbul"),
        ("Çağlar", "caglar"),
        ("Daniël", "daniel"),
        ("Zoë Müller-Straße", "zoe muller-strasse"),
        ("Søren Łukasz", "soren lukasz"),
        ("WM-2024-000001", "wm-2024-000001"),
    ],
)
def test_fold_takes_off_accents_and_case(text, folded):
    assert fold(text) == folded


@pytest.fixture
def register(world):
    """Certificates of world.school with names from several languages, and one of another school."""
    cafe = CompanyFactory(name="Café El Faro", city="Málaga", country="ES", sector="Hostelería")
    caglar = CompanyFactory(name="Bakkerij Çağlar", city="Gent", country="BE")
    return {
        "lucia": make_certificate(school=world.school, company=cafe, holder_name="Lucía Fernández"),
        "juan": make_certificate(
            school=world.school, holder_name="Juan Malaga", company_name="Garage Zoë", company_city="Sevilla"
        ),
        "ana": make_certificate(school=world.school, holder_name="Ana Lucia", company_city="Leiden"),
        "mehmet": make_certificate(school=world.school, company=caglar, holder_name="Mehmet Öztürk"),
        "ayse": make_certificate(school=world.school, holder_name="Ayşe Işık", company_city="Antwerpen"),
        "daniel": make_certificate(school=world.school, holder_name="Daniël Peeters", company_city="Leuven"),
        "elsewhere": make_certificate(school=world.other_school, holder_name="Lucía Otra", company_city="Málaga"),
    }


def holders(client, **params):
    response = client.get(reverse("register"), params)
    assert response.status_code == 200
    return {row.holder for row in response.context["rows"]}


@pytest.mark.parametrize(
    "params, expected",
    [
        # Spanish: without accents, with them, in capitals; 'Malaga' the surname and 'Málaga' the city.
        ({"q": "malaga"}, {"Lucía Fernández", "Juan Malaga"}),
        ({"q": "Málaga"}, {"Lucía Fernández", "Juan Malaga"}),
        ({"q": "MALAGA"}, {"Lucía Fernández", "Juan Malaga"}),
        ({"q": "lucia"}, {"Lucía Fernández", "Ana Lucia"}),
        ({"q": "LUCÍA"}, {"Lucía Fernández", "Ana Lucia"}),
        ({"q": "fernandez"}, {"Lucía Fernández"}),
        ({"q": "lucia malaga"}, {"Lucía Fernández"}),
        ({"q": "cafe"}, {"Lucía Fernández"}),
        # Turkish: ö ü ç ğ ş and the dotless ı, typed without them or in capitals.
        ({"q": "Ozturk"}, {"Mehmet Öztürk"}),
        ({"q": "ÖZTÜRK"}, {"Mehmet Öztürk"}),
        ({"q": "Isik"}, {"Ayşe Işık"}),
        ({"q": "IŞIK"}, {"Ayşe Işık"}),
        ({"q": "ayse"}, {"Ayşe Işık"}),
        ({"q": "caglar"}, {"Mehmet Öztürk"}),
        # Dutch and Belgian: ë (and the other way round, ë typed where there is none).
        ({"q": "Daniel"}, {"Daniël Peeters"}),
        ({"q": "daniël"}, {"Daniël Peeters"}),
        ({"q": "zoe"}, {"Juan Malaga"}),
        ({"q": "leüven"}, {"Daniël Peeters"}),
        # The separate filters of the coordinators' form.
        ({"company": "caglar"}, {"Mehmet Öztürk"}),
        ({"company": "CAFE EL"}, {"Lucía Fernández"}),
        ({"city": "malaga"}, {"Lucía Fernández"}),
        ({"city": "Málaga"}, {"Lucía Fernández"}),
        ({"sector": "hosteleria"}, {"Lucía Fernández"}),
        # Nothing that is not there; LIKE's wildcards are plain characters.
        ({"q": "malagaa"}, set()),
        ({"q": "%"}, set()),
        ({"q": "_"}, set()),
        ({"city": "m%a"}, set()),
    ],
)
def test_the_register_search_ignores_accents_and_case(client, world, register, params, expected):
    client.force_login(world.coordinator)
    assert holders(client, **params) == expected


def test_another_schools_certificates_stay_out_of_an_accent_blind_search(client, world, register):
    client.force_login(world.other_coordinator)
    assert holders(client, q="lucia") == {"Lucía Otra"}
    client.force_login(world.staff)
    assert holders(client, q="lucia") == {"Lucía Fernández", "Ana Lucia", "Lucía Otra"}


def test_the_export_finds_what_the_search_finds(client, world, register):
    client.force_login(world.coordinator)
    response = client.get(reverse("register_export"), {"format": "csv", "q": "ozturk"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig") if response.streaming else response.text
    assert "Mehmet Öztürk" in content
    assert "Lucía Fernández" not in content


def test_the_public_register_ignores_accents_and_case(client, world, register):
    publish_register(world.school)
    url = reverse("public_register", args=[world.school.pk])

    def public(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return {row.holder for row in response.context["rows"]}

    assert public(name="lucia") == {"Lucía Fernández", "Ana Lucia"}
    assert public(name="OZTURK") == {"Mehmet Öztürk"}
    assert public(name="isik") == {"Ayşe Işık"}
    assert public(city="malaga") == {"Lucía Fernández"}  # not the other school's Lucía Otra
    assert public(name="daniel", city="LEUVEN") == {"Daniël Peeters"}


@pytest.fixture
def hosts(world):
    """Host companies of world.school's learners, and one that hosts only another school's."""
    names = ["Bakkerij Çağlar", "Café Málaga", "Işık Techniek", "Garage Daniël", "Öztürk Bouw", "Plain Malaga BV"]
    for name in names:
        make_placement(school=world.school, company=CompanyFactory(name=name))
    make_placement(school=world.other_school, company=CompanyFactory(name="Café Málaga Noord"))


def companies(client, **params):
    response = client.get(reverse("company_register"), params)
    assert response.status_code == 200
    return {company.name for company in response.context["page"].object_list}


@pytest.mark.parametrize(
    "q, expected",
    [
        ("caglar", {"Bakkerij Çağlar"}),
        ("ÇAĞLAR", {"Bakkerij Çağlar"}),
        ("malaga", {"Café Málaga", "Plain Malaga BV"}),
        ("Málaga", {"Café Málaga", "Plain Malaga BV"}),
        ("cafe malaga", {"Café Málaga"}),
        ("isik", {"Işık Techniek"}),
        ("Daniel", {"Garage Daniël"}),
        ("ozturk", {"Öztürk Bouw"}),
        ("%", set()),
    ],
)
def test_the_companies_register_search_ignores_accents_and_case(client, world, hosts, q, expected):
    client.force_login(world.coordinator)
    assert companies(client, q=q) == expected


def test_the_companies_register_search_keeps_to_the_users_companies(client, world, hosts):
    client.force_login(world.other_coordinator)
    assert companies(client, q="malaga") == {"Café Málaga Noord"}


def test_the_database_folds_as_python_does(db):
    """The SQL function (PostgreSQL: unaccent; SQLite: registry.register.search.fold) folds Latin letters the same."""
    letters = [chr(code) for code in range(0xC0, 0x180)]  # Latin-1 and Latin Extended-A
    samples = [*letters, "Işık Öztürk", "Lucía Fernández", "Daniël", "İSTANBUL", "Straße", "50%_x"]
    with connection.cursor() as cursor:
        folded = []
        for sample in samples:
            cursor.execute("SELECT werkmentor_fold(%s)", [sample])
            folded.append(cursor.fetchone()[0])
    assert dict(zip(samples, folded, strict=True)) == {sample: fold(sample) for sample in samples}


def _bulk_register(world, count):
    today = timezone.localdate()
    cities = ["Utrecht", "Leiden", "Gent", "Antwerpen", "Münster", "Köln", "Rotterdam", "Haarlem"]
    names = ["Jansen", "de Vries", "Peeters", "Bakker", "Müller", "Visser", "Claes", "Smit", "Dekker"]
    Certificate.objects.bulk_create(
        Certificate(
            number=f"WM-2021-{n:06d}",
            holder_name=f"Holder {names[n % len(names)]} {n}",
            holder_email=f"holder{n}@example.org",
            company_name=f"Company {n % 500}",
            company_city=cities[n % len(cities)],
            company_country="NL",
            school=world.school,
            issued_on=today - timedelta(days=n % 2000),
            valid_until=today + timedelta(days=365),
        )
        for n in range(count)
    )
    make_certificate(school=world.school, holder_name="Lucía Fernández", company_city="Málaga")


@postgresql_only
def test_a_search_on_postgresql_reads_the_trigram_indexes(world):
    _bulk_register(world, 4000)
    Company.objects.bulk_create(Company(name=f"Company {n}", city="Utrecht") for n in range(3000))
    Company.objects.create(name="Café Málaga", city="Málaga", country="ES")
    with connection.cursor() as cursor:
        # What autovacuum does on a live database: move the rows just added from the GIN indexes' pending
        # lists into the indexes proper, and gather statistics on the indexed expressions.
        cursor.execute(
            "SELECT gin_clean_pending_list(indexrelid) FROM pg_index JOIN pg_class ON pg_class.oid = indexrelid "
            "WHERE relname LIKE '%%_fold_trgm' OR relname = 'certificate_search_trgm'"
        )
        cursor.execute("ANALYZE registry_certificate")
        cursor.execute("ANALYZE accounts_company")

    # The register's page query, as the view builds it: a search, newest first.
    register_filter = RegisterFilter({"q": "malaga"}, queryset=Certificate.objects.all(), schools=[])
    assert [c.holder_name for c in register_filter.qs] == ["Lucía Fernández"]
    plan = register_filter.qs.order_by().explain()  # the candidates of the page statement (page_query.py)
    assert "certificate_search_trgm" in plan, plan  # one index over number, holder, company and city
    city_filter = RegisterFilter({"city": "malaga"}, queryset=Certificate.objects.all(), schools=[])
    plan = city_filter.qs.order_by().explain()
    assert "certificate_search_trgm" in plan or "certificate_city_fold_trgm" in plan, plan

    companies = Company.objects.filter(contains_text("name", "malaga"))
    assert [company.name for company in companies] == ["Café Málaga"]
    assert "company_name_fold_trgm" in companies.explain()
