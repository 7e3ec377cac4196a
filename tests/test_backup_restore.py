"""scripts/backup and scripts/restore: a demo database backed up and restored into a fresh one holds the same
certificates, assessment records and placements, and the uploaded files come back.

PostgreSQL only (the scripts use pg_dump/pg_restore); CI runs the suite on PostgreSQL.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
DB = settings.DATABASES["default"]

pytestmark = pytest.mark.skipif(
    DB["ENGINE"] != "django.db.backends.postgresql",
    reason="backup and restore use pg_dump/pg_restore: run with DATABASE_URL=postgres://... (as CI does)",
)


def url_for(name: str) -> str:
    user = quote(DB.get("USER") or "")
    password = f":{quote(DB['PASSWORD'])}" if DB.get("PASSWORD") else ""
    port = f":{DB['PORT']}" if DB.get("PORT") else ""
    return f"postgres://{user}{password}@{DB.get('HOST') or 'localhost'}{port}/{name}"


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(url_for("postgres"), autocommit=True) as connection:
        connection.execute(sql)


def rows(name: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url_for(name)) as connection:
        return connection.execute(sql).fetchall()


def run(command: list[str], *, database: str, media: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=url_for(database),
        MEDIA_ROOT=str(media),
        DEBUG="true",
        DJANGO_SETTINGS_MODULE="config.settings",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)  # noqa: S603
    if check and done.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def snapshot(name: str) -> dict:
    from assessments.models import AssessmentRecord, Signature
    from placements.models import Placement
    from registry.models import Certificate

    certificates = Certificate._meta.db_table
    records = AssessmentRecord._meta.db_table
    return {
        "certificates": rows(
            name,
            f"SELECT number, holder_name, public_id, issued_on, valid_until FROM {certificates} ORDER BY number",  # noqa: S608
        ),
        "records": rows(name, f"SELECT status, count(*) FROM {records} GROUP BY status ORDER BY status"),  # noqa: S608
        "signatures": rows(name, f"SELECT count(*) FROM {Signature._meta.db_table}"),  # noqa: S608
        "placements": rows(name, f"SELECT count(*) FROM {Placement._meta.db_table}"),  # noqa: S608
    }


@pytest.fixture
def databases_made():
    names = []
    yield names
    for name in names:
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_of_the_demo_restores_into_a_fresh_database(tmp_path, databases_made):
    suffix = uuid.uuid4().hex[:8]
    source, target = f"wm_backup_src_{suffix}", f"wm_backup_dst_{suffix}"
    for name in (source, target):
        admin(f'CREATE DATABASE "{name}"')
        databases_made.append(name)
    media, restored_media, backups = tmp_path / "media", tmp_path / "restored_media", tmp_path / "backups"
    (media / "evidence").mkdir(parents=True)
    (media / "evidence" / "photo.txt").write_text("a proof of work")

    python = sys.executable
    run([python, "manage.py", "migrate", "--no-input", "-v0"], database=source, media=media)
    run([python, "manage.py", "demo", "--quiet-logins"], database=source, media=media)
    before = snapshot(source)
    assert before["certificates"], "the demo issues certificates"
    assert before["records"] and before["placements"][0][0] > 0

    backup = run(["scripts/backup", str(backups)], database=source, media=media)
    folder = Path(backup.stdout.strip().splitlines()[-1])
    assert {p.name for p in folder.iterdir()} >= {"database.dump", "media.tar.gz", "SHA256SUMS", "manifest.txt"}

    run(["scripts/restore", str(folder)], database=target, media=restored_media)
    assert snapshot(target) == before
    assert (restored_media / "evidence" / "photo.txt").read_text() == "a proof of work"

    # A second restore into the now full database is refused, clearly, and changes nothing.
    again = run(["scripts/restore", str(folder)], database=target, media=tmp_path / "empty", check=False)
    assert again.returncode == 4
    assert "REFUSED" in again.stderr and "--force" in again.stderr
    assert snapshot(target) == before
    forced = run(["scripts/restore", "--force", str(folder)], database=target, media=restored_media)
    assert forced.returncode == 0
    assert snapshot(target) == before
