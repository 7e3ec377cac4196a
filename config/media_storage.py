"""Where uploaded files live: on the local disk (MEDIA_ROOT) by default, or in an S3-compatible bucket when
MEDIA_S3_BUCKET (or AWS_STORAGE_BUCKET_NAME) is set, so that web nodes without a shared disk serve the same files.

Every uploaded file is private (session attachments, evidence, course work, certificates of good conduct): the
bucket object gets no public ACL, and a URL to it is only ever a signed one that expires within seconds. The
views stream the file after their access check (core/private_files.py), or with MEDIA_SERVE_SIGNED_REDIRECT
redirect to such a signed URL.
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_int, env_str

FILE_SYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3_BACKEND = "storages.backends.s3.S3Storage"
# Canned ACLs that would let someone other than the bucket's owner read the files ("authenticated-read" means
# any AWS account at all).
PUBLIC_ACLS = {"public-read", "public-read-write", "authenticated-read"}
# A download through the app reads the object into memory up to this size, larger ones into a temporary file.
MAX_MEMORY_BYTES = 2 * 1024 * 1024


def _first(*names: str) -> str:
    return next((value for name in names if (value := env_str(name).strip())), "")


def media_storage() -> dict:
    """STORAGES["default"] as the environment asks: the local file system, or S3Storage on the named bucket."""
    bucket = _first("MEDIA_S3_BUCKET", "AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        return FILE_SYSTEM
    acl = env_str("MEDIA_S3_ACL", "private").strip()
    if acl in PUBLIC_ACLS:
        raise ImproperlyConfigured(f"MEDIA_S3_ACL={acl} would publish private files; use private or leave it empty.")
    expire = env_int("MEDIA_S3_URL_EXPIRE", 60)
    if not 1 <= expire <= 3600:
        raise ImproperlyConfigured("MEDIA_S3_URL_EXPIRE is the life of a signed URL in seconds: 1 to 3600.")
    endpoint = _first("MEDIA_S3_ENDPOINT_URL", "AWS_S3_ENDPOINT_URL")
    options = {
        "bucket_name": bucket,
        "location": env_str("MEDIA_S3_PREFIX").strip("/"),
        # Empty: the bucket's own default (for buckets with ACLs switched off, which refuse an ACL header).
        "default_acl": acl or None,
        # storage.url() only ever gives a signed URL that expires soon; never a custom (public) domain.
        "querystring_auth": True,
        "querystring_expire": expire,
        "custom_domain": None,
        # Two uploads with the same name get two objects, never one overwriting the other.
        "file_overwrite": False,
        "signature_version": "s3v4",
        "max_memory_size": MAX_MEMORY_BYTES,
    }
    if endpoint:
        options["endpoint_url"] = endpoint
    # MinIO and most self-hosted stores want path-style addresses (host/bucket/key), not bucket.host/key.
    style = env_str("MEDIA_S3_ADDRESSING_STYLE").strip() or ("path" if endpoint else "")
    if style:
        options["addressing_style"] = style
    if region := _first("MEDIA_S3_REGION", "AWS_S3_REGION_NAME"):
        options["region_name"] = region
    # Without keys here boto3 finds its own: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an IAM role.
    if key := env_str("MEDIA_S3_ACCESS_KEY_ID").strip():
        options["access_key"] = key
        options["secret_key"] = env_str("MEDIA_S3_SECRET_ACCESS_KEY").strip()
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}
