"""The placement import adds the companies (by KvK number) and the people (by e-mail) the app does not know yet,
fills a known company's empty fields and nothing else, invites each new person once, and costs the same number
of queries for 50 rows as for 200."""

import pytest
from django.db import connection

from accounts.invitations.models import Invitation
from accounts.models import Company, Membership, Role, User
from accounts.people.selectors import editable_companies
from placements.imports.services import apply, dry_run
from placements.imports.steps import upload
from placements.models import ImportKind, Placement

from .factories_imports import (
    checked,
    generated_learners,
    imported,
    outcomes,
    placement_companies,
    sample,
    school_programmes,
)

PLACEMENTS = ImportKind.PLACEMENTS
NEW_PEOPLE = {"sanne.celik@hoogelicht.nl", "joel@gebrduring.nl", "p.ramdin@dezwaan.nl", "a.vandermeer@rijnland.nl"}
HEADER = (
    "Studentnummer;KvK-nummer;Naam leerbedrijf;Plaats;Praktijkopleider;E-mail praktijkopleider;"
    "Begeleider school/BPV-begeleider;E-mail BPV-begeleider;Begindatum;Einddatum;Uren per week;Crebo"
)


@pytest.fixture
def learners(world):
    school_programmes(world)
    placement_companies(world)
    imported(world, "learners_export.csv")
    return world


def placements_csv(*rows: str) -> bytes:
    return ("\ufeff" + "\r\n".join([HEADER, *rows]) + "\r\n").encode()


def test_the_dry_run_says_what_each_row_would_add_and_writes_nothing(learners):
    counts = [model.objects.count() for model in (Company, User, Membership, Invitation)]
    batch = checked(learners, "placements_export.csv", kind=PLACEMENTS)
    messages = {row: message for row, _outcome, _what, message in batch.results}
    assert messages[2] == (
        "New placement at Bakkerij De Korenschoof. Fills in empty company details: Company address, Company postcode."
    )
    assert messages[3] == "New placement at Bakkerij De Korenschoof."  # filled by row 2 already
    assert messages[10] == (
        "New placement at Brasserie 't Hooge Licht. New company: Brasserie 't Hooge Licht (KvK 34567890). "
        "New work mentor: Sanne Çelik (sanne.celik@hoogelicht.nl)."
    )
    assert messages[11] == (
        "New placement at Banketbakkerij Gebr. Düring. New company: Banketbakkerij Gebr. Düring (KvK 01234567). "
        "New work mentor: Joël Düring (joel@gebrduring.nl). "
        "New school supervisor: Annelies van der Meer (a.vandermeer@rijnland.nl)."
    )
    # "01234567" on row 13 is the company of row 11 ("1234567": Excel dropped the leading zero).
    assert messages[13] == "New placement at Banketbakkerij Gebr. Düring."
    assert [model.objects.count() for model in (Company, User, Membership, Invitation)] == counts


def test_applying_adds_the_companies_and_people_and_invites_each_new_person_once(
    learners, tasks_in_process, mailoutbox, django_capture_on_commit_callbacks
):
    world = learners
    with django_capture_on_commit_callbacks(execute=True):
        imported(world, "placements_export.csv", kind=PLACEMENTS, invite=True)
    during = Company.objects.get(registration_number="01234567")
    assert (during.name, during.address, during.postcode, during.city, during.country) == (
        "Banketbakkerij Gebr. Düring", "Raadhuisstraat 3", "2406 AC", "Alphen aan den Rijn", "NL",
    )  # fmt: skip
    assert Company.objects.filter(registration_number__in=["34567890", "01234567", "41234567"]).count() == 3
    # A known company: its empty address filled in, its city (Utrecht in the app, Leiden in the file) kept.
    world.company.refresh_from_db()
    assert (world.company.address, world.company.postcode, world.company.city) == (
        "Hoogstraat 12",
        "2312 AB",
        "Utrecht",
    )

    joel = User.objects.get(email="joel@gebrduring.nl")
    assert (joel.first_name, joel.last_name, joel.has_usable_password()) == ("Joël", "Düring", False)
    assert joel.memberships.get().role == Role.MENTOR and joel.memberships.get().company == during
    teacher = User.objects.get(email="a.vandermeer@rijnland.nl")
    assert (teacher.first_name, teacher.last_name) == ("Annelies", "van der Meer")
    assert list(teacher.memberships.values_list("role", "school")) == [(Role.TEACHER, world.school.pk)]
    assert set(Placement.objects.filter(company=during).values_list("mentor", "supervisor")) == {(joel.pk, teacher.pk)}

    # One invitation (and one e-mail) per new person, however many rows name them; known people get none.
    invited = Invitation.objects.filter(role__in=[Role.MENTOR, Role.TEACHER])
    assert sorted(invited.values_list("email", flat=True)) == sorted(NEW_PEOPLE)
    assert invited.get(email="joel@gebrduring.nl").company == during
    assert sorted(message.to[0] for message in mailoutbox) == sorted(NEW_PEOPLE)
    # The coordinator sees the new companies as hosting their learners; another school's does not.
    assert during in editable_companies(world.coordinator)
    assert during not in editable_companies(world.other_coordinator)


def test_an_existing_account_gets_the_role_without_a_second_account(
    learners, tasks_in_process, mailoutbox, django_capture_on_commit_callbacks
):
    world = learners
    batch = checked(world, "p.csv", placements_csv(
        # The restaurant's chef also coaches at the bakery; another school's teacher supervises here too.
        "100231;27312345;;;Kees Goudriaan;chef@goudenlepel.nl;Frits;other.teacher@example.org;02-02-2026;"
        "26-06-2026;32;25180",
    ), kind=PLACEMENTS)  # fmt: skip
    assert batch.results[0][3] == (
        "New placement at Bakkerij De Korenschoof. The existing account chef@goudenlepel.nl becomes work mentor at "
        "Bakkerij De Korenschoof. The existing account other.teacher@example.org becomes school supervisor at "
        "Rijnland Vakcollege."
    )
    users = User.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        apply(batch, send_invitations=True)
    assert User.objects.count() == users
    chef = User.objects.get(email="chef@goudenlepel.nl")
    assert chef.memberships.filter(role=Role.MENTOR, company=world.company, ended_at__isnull=True).exists()
    assert world.other_teacher.memberships.filter(role=Role.TEACHER, school=world.school).exists()
    assert sorted(message.to[0] for message in mailoutbox) == ["chef@goudenlepel.nl", "other.teacher@example.org"]
    assert all("invitation" not in message.subject.lower() for message in mailoutbox)


def test_a_known_company_reports_update_only_when_the_file_fills_an_empty_field(learners):
    world = learners
    imported(world, "placements_export.csv", kind=PLACEMENTS)
    Company.objects.filter(pk=world.company.pk).update(postcode="")
    batch = imported(world, "placements_export.csv", kind=PLACEMENTS)
    bakery_rows = [2, 3, 6, 8, 9]
    assert [outcome for row, outcome, *_rest in batch.results if row in bakery_rows] == ["update"] + ["unchanged"] * 4
    assert batch.results[0][3] == "Fills in empty company details: Company postcode."
    assert outcomes(batch).count("unchanged") == 11
    world.company.refresh_from_db()
    assert (world.company.name, world.company.postcode, world.company.city) == (
        "Bakkerij De Korenschoof", "2312 AB", "Utrecht",
    )  # fmt: skip


def test_a_file_with_one_bad_row_changes_nothing_and_names_the_row(learners):
    # The sample, with its last row's company unknown and unnamed.
    lines = sample("placements_export.csv").decode("utf-8-sig").splitlines()
    lines[-1] = (
        "100242;Renée Meijer;99887766;;;;;Joël Düring;joel@gebrduring.nl;;x@rijnland.nl;02-02-2026;26-06-2026;24;"
    )
    counts = [model.objects.count() for model in (Company, User, Membership, Placement, Invitation)]
    batch = checked(learners, "one_bad.csv", ("\ufeff" + "\r\n".join(lines)).encode(), kind=PLACEMENTS)
    with pytest.raises(Exception, match="Correct the rows"):
        apply(batch, send_invitations=True)
    batch.refresh_from_db()
    assert (batch.errors, batch.created) == (1, 11)
    assert [row for row in batch.results if row[1] == "error"] == [
        [13, "error", "100242 · KvK 99887766 · 2026-02-02",
         "No company with KvK number 99887766 is known: the company's name is needed to add it."],
    ]  # fmt: skip
    assert [model.objects.count() for model in (Company, User, Membership, Placement, Invitation)] == counts


def generated_placements(count: int, *, start: int = 500000) -> bytes:
    """A row per learner; a new company (and its new mentor) every five rows, a new supervisor every fifty."""
    rows = [
        f"{start + n};{30000000 + n // 5};Leerbedrijf {n // 5};Leiden;Mentor {n // 5};"
        f"mentor{n // 5}@bedrijf.example.org;Docent {n // 50};docent{n // 50}@school.example.org;"
        "02-02-2026;26-06-2026;32;25180"
        for n in range(count)
    ]
    return placements_csv(*rows)


def test_the_dry_run_costs_the_same_queries_for_50_and_200_rows(world, django_assert_max_num_queries):
    school_programmes(world)
    imported(world, "many.csv", generated_learners(200))
    counted = []
    for count in (50, 200):
        batch = upload(school=world.school, kind=PLACEMENTS, filename=f"{count}.csv",
                       data=generated_placements(count), by=world.coordinator)  # fmt: skip
        with django_assert_max_num_queries(12) as captured:
            batch = dry_run(batch)
        assert (batch.created, batch.errors) == (count, 0), batch.results[:3]
        counted.append(len(captured))
    assert counted[0] == counted[1], connection.queries[-12:]


def test_a_new_persons_name_longer_than_an_account_holds_is_a_row_error(learners):
    long_name = "Marieke" + "e" * 100
    batch = checked(learners, "p.csv", placements_csv(
        f"100231;27312345;;;{long_name} de Vries;marieke@korenschoof.nl;Ingrid Bos;supervisor@example.org;"
        "02-02-2026;26-06-2026;32;25180",
    ), kind=PLACEMENTS)  # fmt: skip
    assert batch.results[0][1:] == [
        "error", "100231 · KvK 27312345 · 2026-02-02",
        "Work mentor's name (for a new person) is longer than 100 characters.",
    ]  # fmt: skip
