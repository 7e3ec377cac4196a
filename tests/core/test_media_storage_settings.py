"""What config/media_storage.py makes of the environment: the local disk unless a bucket is named, and then a
storage that never makes files public."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from storages.backends.s3 import S3Storage

from config.media_storage import FILE_SYSTEM, S3_BACKEND, media_storage

NAMES = [
    "MEDIA_S3_BUCKET",
    "AWS_STORAGE_BUCKET_NAME",
    "MEDIA_S3_ENDPOINT_URL",
    "AWS_S3_ENDPOINT_URL",
    "MEDIA_S3_REGION",
    "AWS_S3_REGION_NAME",
    "MEDIA_S3_ACCESS_KEY_ID",
    "MEDIA_S3_SECRET_ACCESS_KEY",
    "MEDIA_S3_ACL",
    "MEDIA_S3_URL_EXPIRE",
    "MEDIA_S3_PREFIX",
    "MEDIA_S3_ADDRESSING_STYLE",
]


@pytest.fixture
def env(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)

    def set_env(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    return set_env


def test_without_a_bucket_files_stay_on_the_local_disk(env):
    assert media_storage() == FILE_SYSTEM
    env(MEDIA_S3_BUCKET="  ")
    assert media_storage() == FILE_SYSTEM


def test_a_bucket_gives_private_signed_short_lived_urls_and_no_overwrites(env):
    env(
        MEDIA_S3_BUCKET="werkmentor-media",
        MEDIA_S3_ENDPOINT_URL="http://minio:9000",
        MEDIA_S3_REGION="eu-central-1",
        MEDIA_S3_ACCESS_KEY_ID="key",
        MEDIA_S3_SECRET_ACCESS_KEY="secret",
        MEDIA_S3_PREFIX="/uploads/",
    )
    storage = media_storage()
    assert storage["BACKEND"] == S3_BACKEND
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "werkmentor-media"
    assert options["endpoint_url"] == "http://minio:9000"
    assert options["addressing_style"] == "path"  # what MinIO needs
    assert (options["access_key"], options["secret_key"], options["region_name"]) == ("key", "secret", "eu-central-1")
    assert options["location"] == "uploads"
    assert options["default_acl"] == "private"
    assert (options["querystring_auth"], options["querystring_expire"]) == (True, 60)
    assert options["custom_domain"] is None
    assert options["file_overwrite"] is False
    # The options are ones S3Storage knows (it refuses unknown ones), and a URL it gives is signed and short-lived.
    url = S3Storage(**options).url("plan.pdf")
    assert url.startswith("http://minio:9000/werkmentor-media/uploads/plan.pdf?")
    assert "X-Amz-Signature=" in url
    assert "X-Amz-Expires=60" in url


def test_the_aws_names_work_too_and_boto3_finds_its_own_keys(env):
    env(AWS_STORAGE_BUCKET_NAME="werkmentor-media", AWS_S3_REGION_NAME="eu-west-1")
    options = media_storage()["OPTIONS"]
    assert (options["bucket_name"], options["region_name"]) == ("werkmentor-media", "eu-west-1")
    assert "access_key" not in options  # AWS_ACCESS_KEY_ID, a profile or an instance role
    assert "endpoint_url" not in options
    assert "addressing_style" not in options


def test_an_empty_acl_leaves_it_to_the_bucket(env):
    env(MEDIA_S3_BUCKET="werkmentor-media", MEDIA_S3_ACL="")
    assert media_storage()["OPTIONS"]["default_acl"] is None


@pytest.mark.parametrize("acl", ["public-read", "public-read-write", "authenticated-read"])
def test_a_public_acl_is_refused(env, acl):
    env(MEDIA_S3_BUCKET="werkmentor-media", MEDIA_S3_ACL=acl)
    with pytest.raises(ImproperlyConfigured, match="would publish private files"):
        media_storage()


@pytest.mark.parametrize("expire", ["0", "86400", "soon"])
def test_a_signed_url_lives_between_one_second_and_an_hour(env, expire):
    env(MEDIA_S3_BUCKET="werkmentor-media", MEDIA_S3_URL_EXPIRE=expire)
    with pytest.raises(ImproperlyConfigured):
        media_storage()
