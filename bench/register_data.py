"""The register benchmark's rows: schools, host companies and certificates made in PostgreSQL itself.

bench/register_search.py calls fill(size). One INSERT ... SELECT over generate_series() per table makes
1,000,000 certificates in well under a minute (no Python row objects). The rows are reproducible
(setseed) and Dutch-looking: first and last names drawn with the skew of a real population (Jansen and
de Jong common, Kowalski and Çelik rare but present), company names of a trade word and a family name
('Drukkerij Kowalski', 'Bakkerij de Vries'), cities weighted by size, and some Belgian, German, Spanish
and Turkish names with accents. Certificates are issued from 2015 to today in issue order (as a live
register grows), each valid for three years; 2% are revoked.
"""

# ruff: noqa: S608 - the SQL is the benchmark's own text; every value from outside is a parameter

import time

SCHOOLS = 10
CERTIFICATES_PER_COMPANY = 5
SEED = 0.2026

# (name, weight): the weight is how many times the name is in the array a row draws from.
FIRST_NAMES = [
    ("Jan", 6),
    ("Peter", 5),
    ("Kees", 3),
    ("Anna", 5),
    ("Emma", 5),
    ("Sanne", 4),
    ("Daan", 4),
    ("Lotte", 4),
    ("Iris", 3),
    ("Thijs", 3),
    ("Femke", 3),
    ("Bram", 3),
    ("Noor", 3),
    ("Ruud", 2),
    ("Marieke", 2),
    ("Pieter", 3),
    ("Willem", 2),
    ("Sophie", 3),
    ("Lars", 2),
    ("Julia", 3),
    ("Tim", 3),
    ("Vera", 2),
    ("Joris", 2),
    ("Fleur", 2),
    ("Luuk", 2),
    ("Eva", 3),
    ("Sem", 2),
    ("Tess", 2),
    ("Maarten", 2),
    ("Ingrid", 1),
    ("Karin", 2),
    ("Dirk", 2),
    ("Hanna", 1),
    ("Yara", 1),
    ("Anouk", 2),
    ("Wim", 1),
    ("Mehmet", 2),
    ("Fatima", 2),
    ("Ahmed", 1),
    ("Nadia", 1),
    ("Umut", 1),
    ("Ayşe", 1),
    ("Zoë", 1),
    ("Daniël", 1),
    ("Chloé", 1),
    ("José", 1),
    ("Lucía", 1),
    ("Jürgen", 1),
    ("Olga", 1),
    ("Piotr", 1),
]
LAST_NAMES = [
    ("de Jong", 9),
    ("Jansen", 8),
    ("de Vries", 8),
    ("van den Berg", 6),
    ("van Dijk", 6),
    ("Bakker", 6),
    ("Janssen", 6),
    ("Visser", 5),
    ("Smit", 5),
    ("Meijer", 5),
    ("de Boer", 4),
    ("Mulder", 4),
    ("de Groot", 4),
    ("Bos", 4),
    ("Vos", 3),
    ("Peters", 3),
    ("Hendriks", 3),
    ("van Leeuwen", 3),
    ("Dekker", 3),
    ("Brouwer", 3),
    ("de Wit", 3),
    ("Dijkstra", 3),
    ("Smits", 2),
    ("de Graaf", 2),
    ("van der Meer", 2),
    ("van der Linden", 2),
    ("Kok", 2),
    ("Jacobs", 2),
    ("de Haan", 2),
    ("Vermeulen", 2),
    ("van den Heuvel", 2),
    ("van der Veen", 2),
    ("Schouten", 2),
    ("Willems", 2),
    ("Hoekstra", 2),
    ("Maas", 2),
    ("Verhoeven", 2),
    ("Koster", 2),
    ("Prins", 2),
    ("Blom", 2),
    ("Huisman", 2),
    ("Peeters", 2),
    ("Claes", 1),
    ("Maes", 1),
    ("Wouters", 1),
    ("Goossens", 1),
    ("Müller", 1),
    ("Schmidt", 1),
    ("Becker", 1),
    ("García", 1),
    ("Martínez", 1),
    ("Yılmaz", 1),
    ("Çelik", 1),
    ("Öztürk", 1),
    ("Şahin", 1),
    ("El Amrani", 1),
    ("Bouzid", 1),
    ("Nguyen", 1),
    ("Kowalski", 1),
    ("Nowak", 1),
    ("Rossi", 1),
    ("Dubois", 1),
]
TRADES = [
    ("Bakkerij", 3),
    ("Zorgcentrum", 3),
    ("Installatietechniek", 3),
    ("Hotel", 2),
    ("Garage", 3),
    ("Transport", 3),
    ("Bouwbedrijf", 4),
    ("Kinderopvang", 3),
    ("Supermarkt", 2),
    ("Restaurant", 3),
    ("Techniek", 2),
    ("Logistiek", 2),
    ("Autobedrijf", 3),
    ("Kwekerij", 1),
    ("Drukkerij", 1),
    ("Adviesbureau", 2),
    ("Schildersbedrijf", 2),
    ("Tandartspraktijk", 1),
    ("Apotheek", 1),
    ("Café", 1),
]
CITIES = [  # (city, country, weight)
    ("Amsterdam", "NL", 12),
    ("Rotterdam", "NL", 10),
    ("Den Haag", "NL", 8),
    ("Utrecht", "NL", 6),
    ("Eindhoven", "NL", 4),
    ("Groningen", "NL", 4),
    ("Tilburg", "NL", 3),
    ("Almere", "NL", 3),
    ("Breda", "NL", 3),
    ("Nijmegen", "NL", 3),
    ("Apeldoorn", "NL", 2),
    ("Haarlem", "NL", 2),
    ("Arnhem", "NL", 2),
    ("Enschede", "NL", 2),
    ("Amersfoort", "NL", 2),
    ("Zaanstad", "NL", 2),
    ("Zwolle", "NL", 2),
    ("Leiden", "NL", 2),
    ("Maastricht", "NL", 2),
    ("Dordrecht", "NL", 2),
    ("Delft", "NL", 1),
    ("Alkmaar", "NL", 1),
    ("Venlo", "NL", 1),
    ("Deventer", "NL", 1),
    ("Hilversum", "NL", 1),
    ("Gouda", "NL", 1),
    ("'s-Hertogenbosch", "NL", 2),
    ("Emmen", "NL", 1),
    ("Lelystad", "NL", 1),
    ("Hoorn", "NL", 1),
    ("Leeuwarden", "NL", 1),
    ("Assen", "NL", 1),
    ("Antwerpen", "BE", 2),
    ("Gent", "BE", 1),
    ("Brugge", "BE", 1),
    ("Leuven", "BE", 1),
    ("Hasselt", "BE", 1),
    ("Münster", "DE", 1),
    ("Köln", "DE", 1),
    ("Düsseldorf", "DE", 1),
    ("Aachen", "DE", 1),
    ("Málaga", "ES", 1),
]
SECTORS = [
    "Food production", "Care and welfare", "Technical installation", "Hospitality", "Automotive",
    "Logistics", "Retail", "Construction", "ICT", "Childcare", "Agriculture", "Finance",
]  # fmt: skip


def _array(values) -> str:
    """A PostgreSQL array literal of `values`, each name repeated by its weight (quotes doubled)."""
    items = []
    for value, weight in values:
        items.extend([value.replace("'", "''")] * weight)
    return "ARRAY[" + ",".join(f"'{item}'" for item in items) + "]"


def _pick(array: str) -> str:
    return f"({array})[1 + floor(random() * cardinality({array}))::int]"


def fill(cursor, certificates: int) -> None:
    """Replace the benchmark's schools, companies and certificates with `certificates` new ones."""
    started = time.perf_counter()
    companies = certificates // CERTIFICATES_PER_COMPANY
    cursor.execute("SET statement_timeout = 0")
    cursor.execute("SELECT setseed(%s)", [SEED])
    cursor.execute("TRUNCATE registry_certificate CASCADE")
    cursor.execute("DELETE FROM registry_certificatenumbersequence")
    cursor.execute("DELETE FROM accounts_company WHERE registration_number LIKE 'B%%'")
    for n in range(1, SCHOOLS + 1):
        cursor.execute(
            "INSERT INTO accounts_school (name, address, postcode, city, country, website, email, phone, short_name,"
            " password_login_enabled, require_two_factor_for_staff)"
            " VALUES (%s, '', '', 'Utrecht', 'NL', '', '', '', %s, true, false) ON CONFLICT (name) DO NOTHING",
            [f"Bench College {n}", f"BC{n}"],
        )
    places = _array((f"{city}|{country}", weight) for city, country, weight in CITIES)
    cursor.execute(
        f"""
        INSERT INTO accounts_company (name, address, postcode, city, country, website, email, phone,
            registration_number, sector, accreditation_status, accreditation_reason, recognition_number)
        SELECT CASE WHEN g %% 7 = 0 THEN family || ' ' || trade ELSE trade || ' ' || family END,
               '', '', split_part(place, '|', 1), split_part(place, '|', 2), '', '', '',
               'B' || lpad(g::text, 7, '0'), sector, 'pending', '', ''
        FROM (
            SELECT g, {_pick(_array(TRADES))} AS trade, {_pick(_array(LAST_NAMES))} AS family,
                   {_pick(places)} AS place, {_pick(_array((sector, 1) for sector in SECTORS))} AS sector
            FROM generate_series(1, %s) g
        ) drawn
        """,
        [companies],
    )
    cursor.execute("SELECT min(id), max(id) FROM accounts_company WHERE registration_number LIKE 'B%%'")
    first_company, last_company = cursor.fetchone()
    cursor.execute("SELECT min(id), max(id) FROM accounts_school WHERE name LIKE 'Bench College %%'")
    first_school, last_school = cursor.fetchone()
    # Loading into a table without its secondary indexes, then building them, is several times faster.
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'registry_certificate'"
        " AND indexname NOT IN (SELECT conname FROM pg_constraint)"
    )
    indexes = cursor.fetchall()
    for name, _definition in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    cursor.execute(
        f"""
        INSERT INTO registry_certificate (public_id, number, holder_name, holder_email, company_name, company_city,
            company_country, issued_on, valid_until, language, revoked_at, revocation_reason, imported, created_at,
            company_id, school_id)
        SELECT gen_random_uuid(),
               'WM-' || extract(year FROM issued_on) || '-'
                   || lpad(row_number() OVER (PARTITION BY extract(year FROM issued_on) ORDER BY g)::text, 6, '0'),
               first || ' ' || last, lower(replace(first || '.' || last, ' ', '')) || '.' || g || '@example.org',
               c.name, c.city, c.country, issued_on, issued_on + 1095, 'nl',
               CASE WHEN revoked THEN issued_on + interval '200 days' END,
               CASE WHEN revoked THEN 'Issued by mistake.' ELSE '' END, false, now(), c.id, school_id
        FROM (
            SELECT g, date '2015-01-01' + (g::bigint * (current_date - date '2015-01-01') / %(n)s)::int AS issued_on,
                   {_pick(_array(FIRST_NAMES))} AS first, {_pick(_array(LAST_NAMES))} AS last,
                   %(first_company)s + floor(random() * %(companies)s)::int AS company_id,
                   %(first_school)s + floor(random() * %(schools)s)::int AS school_id,
                   random() < 0.02 AS revoked
            FROM generate_series(1, %(n)s) g
        ) drawn
        JOIN accounts_company c ON c.id = drawn.company_id
        ORDER BY g
        """,
        {
            "n": certificates,
            "first_company": first_company,
            "companies": last_company - first_company + 1,
            "first_school": first_school,
            "schools": last_school - first_school + 1,
        },
    )
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # run the foreign key checks now, before building indexes
    print(f"  rows in {time.perf_counter() - started:.0f} s")
    for _name, definition in indexes:
        cursor.execute(definition)
    cursor.execute(
        "INSERT INTO registry_certificatenumbersequence (year, last)"
        " SELECT extract(year FROM issued_on)::int, count(*) FROM registry_certificate GROUP BY 1"
    )
    print(f"Made {certificates:,} certificates and {companies:,} companies in {time.perf_counter() - started:.0f} s")
