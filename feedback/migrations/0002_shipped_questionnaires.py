from django.db import migrations


def install(apps, schema_editor):
    from feedback.questionnaires.shipped import install as install_questionnaires

    install_questionnaires(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
