"""Shared by the register's page-statement tests: a register of mixed certificates, and which parts of the
statement (registry/register/page_query.py) ran, read from the plan PostgreSQL ran it by."""

import json
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from registry.models import Certificate
from registry.register import page_query

CITIES = ["Utrecht", "Zwolle", "Leiden", "Málaga"]
NAMES = ["Iris Kowalski", "Anna Jansen", "Daan Müller", "Ayşe Çelik", "Sem de Vries"]
TRADES = ["Drukkerij", "Bakkerij", "Garage"]


def make_register(school, count, start=0):
    """`count` certificates of `school`, one issued a day back from today, a mix of names, states and cities."""
    today = timezone.localdate()
    rows = []
    for n in range(start, start + count):
        issued = today - timedelta(days=n)
        rows.append(
            Certificate(
                number=f"WM-2020-{n:06d}",
                holder_name=NAMES[n % len(NAMES)],
                company_name=f"{TRADES[n % len(TRADES)]} {NAMES[(n // 7) % len(NAMES)].split()[-1]}",
                company_city=CITIES[(n // 3) % len(CITIES)],
                company_country="NL",
                school=school,
                issued_on=issued,
                valid_until=issued + timedelta(days=400 if n % 5 else 40),
                revoked_at=timezone.now() if n % 11 == 0 else None,
                revocation_reason="Issued by mistake." if n % 11 == 0 else "",
            )
        )
    Certificate.objects.bulk_create(rows)


def scans_run(node, inside=None) -> set[str]:
    """The parts of the page statement ("probe", "walk", "candidates") whose table scans ran, from EXPLAIN's JSON."""
    part = {"CTE probe": "probe", "CTE walk": "walk", "CTE candidates": "candidates"}
    inside = part.get(node.get("Subplan Name")) or inside
    ran = set()
    if inside and node.get("Relation Name") == "registry_certificate" and node.get("Actual Loops", 0) > 0:
        ran.add(inside)
    for child in node.get("Plans", []):
        ran |= scans_run(child, inside)
    return ran


def plan_as_run(call):
    """call()'s result, and the plan PostgreSQL ran its last statement by, as the site sends it: prepared, with one
    generic plan (EXPLAIN of the logged SQL would plan it anew for its values). auto_explain hands the plan to the
    client as a notice."""
    connection.ensure_connection()
    notices = []

    def keep(diagnostic):  # valid only during the call
        notices.append(diagnostic.message_primary or "")

    connection.connection.add_notice_handler(keep)
    settings = ("log_min_duration = 0", "log_analyze = on", "log_format = json", "log_level = notice")
    with connection.cursor() as cursor:
        cursor.execute("LOAD 'auto_explain'")
        cursor.execute("; ".join(f"SET LOCAL auto_explain.{setting}" for setting in settings))
        result = call()
        cursor.execute("SET LOCAL auto_explain.log_min_duration = -1")
    connection.connection.remove_notice_handler(keep)
    plans = [notice.split("plan:", 1)[1] for notice in notices if "plan:" in notice]
    return result, json.loads(plans[-1])["Plan"]


def statement_parts(queryset, offset=0, limit=26, **options):
    """The rows of the page statement, and which of its parts read the table."""
    (rows, short), plan = plan_as_run(
        lambda: page_query.newest_first_rows(queryset, ("pk", "issued_on"), offset, limit, **options)
    )
    return [row.pk for row in rows], short, scans_run(plan)
