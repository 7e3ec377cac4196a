"""Candidates' aliases hold only their letters; pages put them in the reader's language ("Kandidaat A")."""

from django.db import migrations

PREFIX = "Candidate "


def to_letters(apps, schema_editor):
    Candidate = apps.get_model("placements", "Candidate")
    for candidate in Candidate.objects.filter(alias__startswith=PREFIX).only("pk", "alias"):
        Candidate.objects.filter(pk=candidate.pk).update(alias=candidate.alias.removeprefix(PREFIX))


def to_english_names(apps, schema_editor):
    Candidate = apps.get_model("placements", "Candidate")
    for candidate in Candidate.objects.exclude(alias__startswith=PREFIX).only("pk", "alias"):
        Candidate.objects.filter(pk=candidate.pk).update(alias=PREFIX + candidate.alias)


class Migration(migrations.Migration):
    dependencies = [("placements", "0002_recruitment_and_induction")]

    operations = [migrations.RunPython(to_letters, to_english_names)]
