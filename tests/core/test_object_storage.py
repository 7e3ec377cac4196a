"""Uploaded files in an S3-compatible bucket (issue 16): every upload path through the real views, the objects in
the bucket, and a second web node with its own, empty MEDIA_ROOT serving every file after the access check.

The bucket is on moto's standalone server (tests/core/s3_server.py), reached over HTTP with the settings that
config/media_storage.py builds from the environment, as a deployment would.
"""

import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from storages.backends.s3 import S3Storage

from assessments.models import Evidence
from config.media_storage import media_storage
from mentoring.models import CoachingSession
from registry.models import Submission
from tests.assessments.factories_assessments import make_assessment_plan
from tests.registry.factories_courses import enrol, running_course, submit

from . import s3_server

PDF = b"%PDF-1.7\n%object storage\n"


@pytest.fixture(scope="module")
def endpoint():
    server, url = s3_server.start_server()
    yield url
    server.stop()


class Bucket:
    """One bucket per test, and the web nodes that use it: each node is a fresh storage built from the
    environment, with a MEDIA_ROOT of its own that does not exist (so a read from the local disk would fail)."""

    def __init__(self, endpoint, settings, monkeypatch, tmp_path):
        self.endpoint, self.settings, self.tmp_path = endpoint, settings, tmp_path
        self.name = s3_server.new_bucket(endpoint)
        for key, value in s3_server.environment(endpoint, self.name).items():
            monkeypatch.setenv(key, value)
        self.roots = []
        self.node("a")

    def node(self, name):
        root = self.tmp_path / f"node-{name}-media"
        self.settings.MEDIA_ROOT = root
        self.settings.STORAGES = {**self.settings.STORAGES, "default": media_storage()}
        self.roots.append(root)
        storage = storages["default"]  # what default_storage and every FileField now use: a new S3Storage
        assert isinstance(storage, S3Storage)
        return storage

    def objects(self):
        return s3_server.objects(self.endpoint, self.name)

    def no_local_disk_used(self):
        return not any(root.exists() for root in self.roots)


@pytest.fixture
def bucket(endpoint, settings, monkeypatch, tmp_path):
    return Bucket(endpoint, settings, monkeypatch, tmp_path)


def download(client, user, url):
    client.force_login(user)
    return client.get(url)


def assert_private_download(response, body, filename, content_type="application/pdf"):
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == body
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def session_post(world, upload):
    return {
        "date": timezone.localdate().isoformat(),
        "duration_minutes": 30,
        "form": "on_the_job",
        "coached_by": world.mentor.pk,
        "activities": "Shaped rolls on the morning shift.",
        "went_well": "",
        "to_improve": "",
        "private_note": "",
        "items-TOTAL_FORMS": 0,
        "items-INITIAL_FORMS": 0,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 10,
        "attachments": [upload],
    }


def post_attachment(client, world):
    client.force_login(world.mentor)
    upload = SimpleUploadedFile("Weekplan week 3.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("mentoring_session_new", args=[world.placement.pk]), session_post(world, upload))
    assert response.status_code == 302
    attachment = CoachingSession.objects.get().attachments.get()
    url = reverse("mentoring_attachment", args=[world.placement.pk, attachment.session_id, attachment.pk])
    return attachment, url


def test_a_session_attachment_is_a_private_object_and_another_node_serves_it(client, world, bucket):
    attachment, url = post_attachment(client, world)
    assert bucket.objects() == {attachment.file.name: PDF}
    assert s3_server.is_private(bucket.endpoint, bucket.name, attachment.file.name)
    timeline = download(client, world.learner, reverse("mentoring_sessions", args=[world.placement.pk]))
    assert url in timeline.text
    assert urlsplit(bucket.endpoint).netloc not in timeline.text  # the page links the app, never the bucket

    bucket.node("b")
    assert_private_download(download(client, world.learner, url), PDF, "Weekplan week 3.pdf")
    assert download(client, world.other_mentor, url).status_code == 404
    assert download(client, world.outsider, url).status_code == 404
    assert bucket.no_local_disk_used()


def test_evidence_goes_to_the_bucket_another_node_serves_it_and_removing_it_deletes_the_object(
    client, world, bucket, django_capture_on_commit_callbacks
):
    plan = make_assessment_plan(world.placement)
    client.force_login(world.learner)
    upload = SimpleUploadedFile("Sourdough.pdf", PDF, content_type="application/pdf")
    data = {"title": "Sourdough", "text": "Alone", "indicators": [plan.indicators.first().pk], "file": upload}
    assert client.post(reverse("evidence_new", args=[world.placement.pk]), data).status_code == 302
    evidence = Evidence.objects.get()
    assert bucket.objects() == {evidence.file.name: PDF}
    url = reverse("evidence_file", args=[world.placement.pk, evidence.pk])

    bucket.node("b")
    assert_private_download(download(client, world.mentor, url), PDF, "Sourdough.pdf")
    assert_private_download(download(client, world.coordinator, url), PDF, "Sourdough.pdf")
    assert download(client, world.other_coordinator, url).status_code == 404
    assert download(client, world.company_admin, url).status_code == 404

    client.force_login(world.learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("evidence_delete", args=[world.placement.pk, evidence.pk]))
    assert response.status_code == 302
    assert bucket.objects() == {}
    assert bucket.no_local_disk_used()


def test_course_work_with_the_same_name_never_overwrites_and_only_the_participant_and_school_open_it(
    client, world, bucket
):
    setup = running_course(world)
    client.force_login(world.mentor)
    upload = SimpleUploadedFile("learner.pdf", PDF, content_type="application/pdf")
    url = reverse("course_submission", args=[setup.course.pk, setup.assignments[0].pk])
    assert client.post(url, {"text": "", "file": upload}).status_code == 302
    mine = Submission.objects.get()
    colleague = enrol(setup.course, world.colleague_mentor, world.company, by=world.company_admin)
    other_pdf = PDF + b"%the colleague's\n"
    theirs = submit(setup.assignments[0], colleague, file=SimpleUploadedFile("learner.pdf", other_pdf))
    assert mine.file.name != theirs.file.name
    assert bucket.objects() == {mine.file.name: PDF, theirs.file.name: other_pdf}

    bucket.node("b")
    file_url = reverse("course_submission_file", args=[setup.course.pk, mine.pk])
    name = mine.file.name.rsplit("/", 1)[-1]
    assert_private_download(download(client, world.mentor, file_url), PDF, name)
    assert_private_download(download(client, world.supervisor, file_url), PDF, name)
    assert download(client, world.colleague_mentor, file_url).status_code == 403
    assert download(client, world.company_admin, file_url).status_code == 403
    assert download(client, world.outsider, file_url).status_code == 404
    their_url = reverse("course_submission_file", args=[setup.course.pk, theirs.pk])
    assert b"".join(download(client, world.supervisor, their_url).streaming_content) == other_pdf
    assert bucket.no_local_disk_used()


def test_an_object_gone_from_the_bucket_is_not_found_not_an_error(client, world, bucket):
    attachment, url = post_attachment(client, world)
    s3_server.client(bucket.endpoint).delete_object(Bucket=bucket.name, Key=attachment.file.name)
    assert download(client, world.mentor, url).status_code == 404


def test_with_signed_redirects_the_app_checks_access_then_sends_a_url_that_expires_in_a_minute(
    client, world, bucket, settings
):
    attachment, url = post_attachment(client, world)
    settings.MEDIA_SERVE_SIGNED_REDIRECT = True
    bucket.node("b")
    assert download(client, world.other_mentor, url).status_code == 404

    response = download(client, world.learner, url)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    signed = response["Location"]
    assert signed.startswith(f"{bucket.endpoint}/{bucket.name}/")
    query = parse_qs(urlsplit(signed).query)
    assert query["X-Amz-Expires"] == ["60"]
    assert query["X-Amz-Signature"]
    with urllib.request.urlopen(signed, timeout=5) as answer:  # noqa: S310 - the local test server
        assert answer.read() == PDF
        assert answer.headers["Content-Disposition"] == 'attachment; filename="Weekplan week 3.pdf"'
        assert answer.headers["Cache-Control"] == "private, no-store"
    assert bucket.no_local_disk_used()
