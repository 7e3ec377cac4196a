"""A large import runs in the background through the outbox: progress to watch, then every row's outcome."""

import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.outbox.models import OutboxEntry
from placements.imports.job import import_run
from placements.imports.services import BACKGROUND_ROWS
from placements.models import ImportBatch, LearnerRecord

from .factories_imports import generated_learners, learner_csv, school_programmes

ROWS = BACKGROUND_ROWS + 100


def wait_until(batch, *statuses, timeout=60.0) -> ImportBatch:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        batch.refresh_from_db()
        if batch.status in statuses:
            return batch
        time.sleep(0.1)
    raise AssertionError(f"The import is still {batch.status} after {timeout} s")


def upload_and_map(client, data) -> ImportBatch:
    client.post(reverse("sis_import_upload"), {"kind": "learners", "file": SimpleUploadedFile("big.csv", data)})
    batch = ImportBatch.objects.latest("created_at")
    form = client.get(reverse("sis_import_map", args=[batch.public_id])).context["form"]
    response = client.post(reverse("sis_import_map", args=[batch.public_id]), {b.name: b.value() for b in form})
    assert response.url == reverse("sis_import_detail", args=[batch.public_id])
    return batch


def test_a_large_file_is_checked_and_imported_by_the_background_job(client, world, task_worker):
    school_programmes(world)
    client.force_login(world.coordinator)
    batch = upload_and_map(client, generated_learners(ROWS))
    batch = wait_until(batch, ImportBatch.Status.CHECKED)
    assert (batch.total, batch.created, batch.errors) == (ROWS, ROWS, 0)
    assert OutboxEntry.objects.filter(task_name="placements.imports.run_sis_import", status="sent").count() == 1

    response = client.post(reverse("sis_import_apply", args=[batch.public_id]), {"send_invitations": ""})
    assert response.url == reverse("sis_import_detail", args=[batch.public_id])
    batch = wait_until(batch, ImportBatch.Status.APPLIED)
    assert LearnerRecord.objects.filter(school=world.school).count() == ROWS

    result = client.get(reverse("sis_import_result", args=[batch.public_id]))
    lines = b"".join(result.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == ROWS + 1
    assert lines[1].startswith("2,create,500000 · Leerling0 van Achternaam0")


def test_while_it_waits_the_page_polls_and_shows_the_rows_checked(client, world):
    school_programmes(world)
    client.force_login(world.coordinator)
    batch = upload_and_map(client, generated_learners(ROWS))  # no worker: the job waits in the outbox
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKING
    page = client.get(reverse("sis_import_detail", args=[batch.public_id]))
    assert f'hx-get="{reverse("sis_import_progress", args=[batch.public_id])}"' in page.text
    assert f"0 of {ROWS} rows checked." in page.text
    progress = client.get(reverse("sis_import_progress", args=[batch.public_id]))
    assert "HX-Refresh" not in progress

    import_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.processed, batch.created) == ("checked", ROWS, ROWS)
    assert batch.heartbeat_at is not None
    progress = client.get(reverse("sis_import_progress", args=[batch.public_id]))
    assert progress["HX-Refresh"] == "true"  # finished: the whole page shows the outcome


def test_a_second_delivery_while_a_worker_runs_it_does_nothing(world):
    batch = ImportBatch.objects.create(
        school=world.school, kind="learners", uploaded_by=world.coordinator, filename="x.csv",
        content=learner_csv(["1;Zoë;;Bakker;zoe@example.org;;;"]), status=ImportBatch.Status.CHECKING,
        started_at=timezone.now(), heartbeat_at=timezone.now(), columns={"student_number": 0}, total=1,
    )  # fmt: skip
    import_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.results) == ("checking", [])


def test_a_run_whose_worker_died_starts_again(world, settings):
    school_programmes(world)
    long_ago = timezone.now() - timezone.timedelta(seconds=settings.BULK_JOB_STALLED_SECONDS + 5)
    batch = ImportBatch.objects.create(
        school=world.school, kind="learners", uploaded_by=world.coordinator, filename="x.csv",
        content=learner_csv(["1;Zoë;;Bakker;zoe@example.org;;Medewerker bakkerij;"]),
        status=ImportBatch.Status.APPLYING, started_at=long_ago, heartbeat_at=long_ago, queued_at=long_ago,
        columns={"student_number": 0, "first_name": 1, "prefix": 2, "last_name": 3, "email": 4, "programme": 6},
        total=1,
    )  # fmt: skip
    assert batch.is_stalled()
    import_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.APPLIED
    assert LearnerRecord.objects.get(student_number="1").programme == world.programme


def test_a_background_import_that_meets_a_bad_row_writes_nothing_and_says_which(world):
    school_programmes(world)
    rows = [f"{n};A;;B;a{n}@example.org;;;" for n in range(3)] + ["9;A;;B;not-an-address;;;"]
    batch = ImportBatch.objects.create(
        school=world.school, kind="learners", uploaded_by=world.coordinator, filename="x.csv",
        content=learner_csv(rows), status=ImportBatch.Status.APPLYING, queued_at=timezone.now(),
        columns={"student_number": 0, "first_name": 1, "prefix": 2, "last_name": 3, "email": 4}, total=4,
    )  # fmt: skip
    import_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED
    assert batch.error.startswith("Nothing was imported: 1 row(s) have an error. The first is row 5:")
    assert not LearnerRecord.objects.exists()
