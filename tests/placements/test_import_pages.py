"""The import's pages: upload, columns, dry run, import, result file; and who may open them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from placements.models import ImportBatch, ImportMapping, LearnerRecord

from .factories_imports import checked, learner_csv, sample, school_programmes


def upload_file(client, name, data=None, kind="learners"):
    return client.post(
        reverse("sis_import_upload"),
        {"kind": kind, "file": SimpleUploadedFile(name, data if data is not None else sample(name))},
    )


def test_a_coordinator_uploads_maps_dry_runs_and_imports_the_sample(client, world):
    school_programmes(world)
    client.force_login(world.coordinator)
    response = upload_file(client, "learners_export.csv")
    batch = ImportBatch.objects.get()
    assert response.url == reverse("sis_import_map", args=[batch.public_id])

    page = client.get(response.url)
    assert page.status_code == 200
    # The guessed column is chosen in the form: "Roepnaam" (index 1) for the first name.
    assert page.context["form"]["first_name"].value() == "1"
    accepted = {bound.name: bound.value() for bound in page.context["form"]}  # the guesses, as they are
    response = client.post(response.url, accepted)
    assert response.url == reverse("sis_import_detail", args=[batch.public_id])

    page = client.get(response.url)
    assert "Every row can be imported." in page.text
    assert page.text.count("New account and learner record.") == 20
    assert not LearnerRecord.objects.exists()

    response = client.post(reverse("sis_import_apply", args=[batch.public_id]), follow=True)
    assert "The file has been imported: 20 new, 0 updated, 0 unchanged." in response.text
    assert LearnerRecord.objects.filter(school=world.school).count() == 20
    # The columns are remembered for the school's next export, by their titles.
    assert ImportMapping.objects.get(school=world.school, kind="learners").columns["first_name"] == "Roepnaam"

    result = client.get(reverse("sis_import_result", args=[batch.public_id]))
    lines = b"".join(result.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "Row,Outcome,Learner or placement,Details"
    assert lines[1] == "2,create,100231 · Zoë Bakker,New account and learner record."
    assert len(lines) == 21


def test_the_page_of_a_file_with_a_bad_row_lists_it_first_and_offers_no_import(client, world):
    school_programmes(world)
    batch = checked(world, "learners_one_bad_row.csv")
    client.force_login(world.coordinator)
    page = client.get(reverse("sis_import_detail", args=[batch.public_id]))
    assert page.context["rows"][0]["row"] == 8
    assert "is not a date" in page.text
    assert reverse("sis_import_apply", args=[batch.public_id]) not in page.text
    response = client.post(reverse("sis_import_apply", args=[batch.public_id]), follow=True)
    assert "Correct the rows with an error in the file" in response.text
    assert not LearnerRecord.objects.exists()


def test_a_column_chosen_twice_or_a_missing_required_column_is_a_form_error(client, world):
    batch = checked(world, "one.csv", learner_csv(["1;Zoë;;Bakker;zoe@example.org;;;"]))
    client.force_login(world.coordinator)
    url = reverse("sis_import_map", args=[batch.public_id])
    response = client.post(url, {"student_number": "0", "first_name": "0", "last_name": "3", "email": ""})
    assert response.status_code == 400
    assert "This column is chosen for “Student number” already." in response.text
    assert "Choose the column that holds this; it is needed." in response.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("export.pdf", b"%PDF-1.4", "Upload a CSV file (.csv) or an Excel workbook (.xlsx)."),
        ("export.csv", b"Studentnummer;Roepnaam\n", "The file has column titles but no rows."),
        ("export.xlsx", b"not a zip", "The file is not a readable Excel workbook (.xlsx)."),
    ],
)
def test_an_unreadable_upload_is_a_form_error(client, world, name, data, reason):
    client.force_login(world.coordinator)
    response = upload_file(client, name, data)
    assert response.status_code == 400
    assert reason in response.text
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("who", ["mentor", "learner", "company_admin", "supervisor", "nobody"])
def test_only_coordinators_reach_the_upload(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("sis_import_upload")).status_code == 403
    assert upload_file(client, "learners_export.csv").status_code == 403
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_coordinator", 404), ("other_teacher", 404), ("mentor", 404), ("learner", 404), ("company_admin", 404),
     ("supervisor", 403), ("coordinator", 200), ("staff", 200)],
)  # fmt: skip
def test_an_import_is_seen_and_used_only_by_its_schools_coordinators(client, world, who, status):
    batch = checked(world, "one.csv", learner_csv(["1;Zoë;;Bakker;zoe@example.org;;;"]))
    client.force_login(getattr(world, who))
    for name in ("sis_import_detail", "sis_import_map", "sis_import_progress", "sis_import_result"):
        assert client.get(reverse(name, args=[batch.public_id])).status_code == status, name
    response = client.post(reverse("sis_import_apply", args=[batch.public_id]))
    assert response.status_code == (302 if status == 200 else status)
    assert LearnerRecord.objects.exists() == (status == 200)


def test_another_schools_imports_are_not_listed(client, world):
    batch = checked(world, "one.csv", learner_csv(["1;Zoë;;Bakker;zoe@example.org;;;"]))
    client.force_login(world.coordinator)
    assert batch.filename in client.get(reverse("sis_import_upload")).text
    client.force_login(world.other_coordinator)
    page = client.get(reverse("sis_import_upload"))
    assert page.status_code == 200 and batch.filename not in page.text


def test_a_coordinator_of_two_schools_chooses_the_school(client, world):
    from tests.factories import grant

    grant(world.coordinator, "coordinator", world.other_school)
    client.force_login(world.coordinator)
    page = client.get(reverse("sis_import_upload"))
    assert 'name="school"' in page.text
    response = client.post(
        reverse("sis_import_upload"),
        {"kind": "learners", "school": world.other_school.pk,
         "file": SimpleUploadedFile("x.csv", learner_csv(["1;Zoë;;Bakker;zoe@example.org;;;"]))},
    )  # fmt: skip
    assert response.status_code == 302
    assert ImportBatch.objects.get().school == world.other_school
