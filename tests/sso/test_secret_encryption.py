"""An identity provider's client secret is encrypted at rest: the database column never holds it, the model gives
it back, old rows are encrypted by the migration, and rotated keys still open what they encrypted."""

import importlib
from types import SimpleNamespace

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.db import connection

from accounts.models import IdentityProvider
from core import encryption

SECRET = "s3cr3t-value-of-the-provider-1234"
migration = importlib.import_module("accounts.migrations.0013_identity_provider_secret_encrypted")


def stored(provider) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT client_secret FROM accounts_identityprovider WHERE id = %s", [provider.pk])
        return cursor.fetchone()[0]


@pytest.fixture
def provider(world):
    return IdentityProvider.objects.create(
        school=world.school, name="Rijnland ID", issuer="https://id.rijnland.example", client_id="wm",
        client_secret=SECRET,
    )  # fmt: skip


def test_the_column_holds_no_secret_and_the_model_gives_it_back(provider):
    in_column = stored(provider)
    assert SECRET not in in_column and in_column.startswith("fernet:")
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == SECRET
    # Encrypted anew at every save: the column says nothing about whether the secret changed.
    provider.save()
    assert stored(provider) != in_column
    assert IdentityProvider.objects.values_list("client_secret", flat=True).get(pk=provider.pk) == SECRET


def test_an_empty_secret_a_public_client_stays_empty(world):
    public = IdentityProvider.objects.create(
        school=world.school, name="Public", issuer="https://id.example", client_id="wm"
    )
    assert stored(public) == "" and IdentityProvider.objects.get(pk=public.pk).client_secret == ""


def test_the_migration_encrypts_the_secrets_stored_before_and_only_those(provider, world):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_identityprovider SET client_secret = %s WHERE id = %s", [SECRET, provider.pk])
    encrypted = IdentityProvider.objects.create(
        school=world.school, name="Second", issuer="https://id2.example", client_id="wm", client_secret="other-1"
    )
    before = stored(encrypted)
    editor = SimpleNamespace(connection=connection)

    migration.encrypt_secrets(apps, editor)
    assert stored(provider).startswith("fernet:") and SECRET not in stored(provider)
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == SECRET
    assert stored(encrypted) == before  # not encrypted twice

    migration.decrypt_secrets(apps, editor)  # the way back
    assert stored(provider) == SECRET and stored(encrypted) == "other-1"


def test_a_rotated_secret_key_still_opens_the_stored_secret(provider, settings):
    old = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "a-brand-new-secret-key-" + "y" * 30, [old]
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == SECRET


def test_own_keys_rotate_and_a_lost_key_is_a_clear_error(provider, settings):
    first, second = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [first]
    provider.save()
    settings.FIELD_ENCRYPTION_KEYS = [second, first]  # a new key in front: the old one still decrypts
    assert IdentityProvider.objects.get(pk=provider.pk).client_secret == SECRET
    settings.FIELD_ENCRYPTION_KEYS = [second]
    with pytest.raises(encryption.DecryptionFailed, match="keep the old key"):
        IdentityProvider.objects.get(pk=provider.pk)
