"""Sample exports (tests/data/) and the programmes, companies and people they name, around the `world`."""

from pathlib import Path

from accounts.models import Company, Role
from placements.imports.services import apply, dry_run
from placements.imports.steps import upload
from placements.models import ImportBatch, ImportKind, Programme
from tests.factories import CompanyFactory, person

DATA = Path(__file__).resolve().parent.parent / "data"
LEARNER_HEADER = "Studentnummer;Roepnaam;Tussenvoegsel;Achternaam;E-mailadres;Geboortedatum;Opleiding;Cohort"
KVK_BAKERY, KVK_RESTAURANT = "27312345", "28198765"


def sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def school_programmes(world) -> tuple[Programme, Programme]:
    """The two programmes the samples name: bakery (CREBO 25180, the world's) and cook (25181)."""
    world.programme.code = "25180"
    world.programme.save(update_fields=["code"])
    cook, _created = Programme.objects.get_or_create(
        school=world.school, name="Zelfstandig werkend kok", defaults={"code": "25181", "level": 3}
    )
    return world.programme, cook


def placement_companies(world) -> Company:
    """The bakery gets its KvK number; the restaurant of the placements sample, with its chef as mentor."""
    world.company.registration_number = KVK_BAKERY
    world.company.save(update_fields=["registration_number"])
    restaurant = CompanyFactory(name="Restaurant De Gouden Lepel", registration_number=KVK_RESTAURANT, city="Leiden")
    person(Role.MENTOR, restaurant, email="chef@goudenlepel.nl", first_name="Kees", last_name="Goudriaan")
    return restaurant


def learner_csv(rows: list[str], header: str = LEARNER_HEADER) -> bytes:
    return ("\ufeff" + "\r\n".join([header, *rows]) + "\r\n").encode()


def generated_learners(count: int, *, start: int = 500000) -> bytes:
    rows = [
        f"{start + n};Leerling{n};{'van' if n % 3 == 0 else ''};Achternaam{n};leerling{start + n}@student.example.org;"
        f"{1 + n % 28:02d}-{1 + n % 12:02d}-2008;Medewerker bakkerij;2025-2026"
        for n in range(count)
    ]
    return learner_csv(rows)


def checked(world, name: str, data: bytes | None = None, *, kind=ImportKind.LEARNERS, by=None) -> ImportBatch:
    """Uploaded with the guessed columns, and dry-run."""
    batch = upload(
        school=world.school, kind=kind, filename=name, data=data if data is not None else sample(name),
        by=by or world.coordinator,
    )  # fmt: skip
    return dry_run(batch)


def imported(world, name: str, data: bytes | None = None, *, kind=ImportKind.LEARNERS, invite=False) -> ImportBatch:
    batch = checked(world, name, data, kind=kind)
    assert not batch.errors, batch.results
    return apply(batch, send_invitations=invite)


def outcomes(batch: ImportBatch) -> list[str]:
    batch.refresh_from_db()
    return [outcome for _row, outcome, _what, _message in batch.results]


def scene_import(world) -> str:
    """For tests/scene.py: the world's learner on record, and a dry-run import of one new learner."""
    from placements.models import LearnerRecord

    LearnerRecord.objects.get_or_create(
        user=world.learner, defaults={"school": world.school, "student_number": "100001", "cohort": "2025-2026"}
    )
    return str(checked(world, "learners.csv", learner_csv(["100500;Zoë;;Bakker;zoe.bakker@example.org;;;"])).public_id)
