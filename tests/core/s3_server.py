"""A local S3-compatible server for the object-storage tests: moto's standalone server on a free port.

The tests talk to it over HTTP with boto3 exactly as the app would talk to a real store (MinIO, a provider), so
nothing is mocked inside the process. moto is a test dependency: locally a missing one skips, on CI it fails.
"""

import os
import uuid

import boto3
import pytest

ACCESS_KEY = "werkmentor-test"
SECRET_KEY = "werkmentor-test-secret"
REGION = "eu-central-1"


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def start_server():
    """moto's server on 127.0.0.1 and a port the system picks; returns (server, endpoint URL)."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        if _on_ci():
            pytest.fail("moto[server] is a test dependency and must be installed on CI (pip install -e '.[test]').")
        pytest.skip("moto[server] is not installed")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


def client(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


def new_bucket(endpoint: str) -> str:
    name = f"werkmentor-{uuid.uuid4().hex[:12]}"
    client(endpoint).create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    return name


def environment(endpoint: str, bucket: str) -> dict[str, str]:
    """The environment a web node gets to use the bucket (what docker-compose.yml documents)."""
    return {
        "MEDIA_S3_BUCKET": bucket,
        "MEDIA_S3_ENDPOINT_URL": endpoint,
        "MEDIA_S3_REGION": REGION,
        "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY,
        "MEDIA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
    }


def objects(endpoint: str, bucket: str) -> dict[str, bytes]:
    """Every object in the bucket, key -> content, read straight from the server."""
    s3 = client(endpoint)
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
    return {key: s3.get_object(Bucket=bucket, Key=key)["Body"].read() for key in keys}


def is_private(endpoint: str, bucket: str, key: str) -> bool:
    """Only the owner holds a grant: no AllUsers / AuthenticatedUsers group may read the object."""
    grants = client(endpoint).get_object_acl(Bucket=bucket, Key=key)["Grants"]
    groups = [grant["Grantee"].get("URI", "") for grant in grants]
    return not any(uri.endswith(("/AllUsers", "/AuthenticatedUsers")) for uri in groups)
