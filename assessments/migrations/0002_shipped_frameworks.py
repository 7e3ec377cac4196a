from django.db import migrations


def install(apps, schema_editor):
    from assessments.shipped_frameworks import install as install_frameworks

    install_frameworks(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
