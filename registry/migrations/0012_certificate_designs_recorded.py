"""Existing certificates record the design they were issued with: the school's look from its certificate
settings, as version 1 of its design (in use), so that they keep rendering as they do today."""

from django.db import migrations
from django.utils import timezone

# The wording of the certificate before schools designed their own (templates/pdf/certificate.html then).
TITLE = {"nl": "Werkmentorcertificaat", "en": "Work Mentor Certificate"}
BODY = {
    "nl": "de werkmentortraining “{course}” bij {school} heeft afgerond en bekwaam is om als werkmentor "
    "studenten op de werkplek te begeleiden.",
    "en": "has completed the work-mentor training “{course}” at {school} and is qualified to coach learners "
    "on the job as a work mentor.",
}
MAX_IMAGE_BYTES = 2 * 1024 * 1024


def _read(field_file) -> bytes:
    if not field_file:
        return b""
    try:
        with field_file.open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError:
        return b""
    return data if len(data) <= MAX_IMAGE_BYTES else b""


def record_designs(apps, schema_editor):
    Certificate = apps.get_model("registry", "Certificate")
    CertificateDesign = apps.get_model("registry", "CertificateDesign")
    RegistrySettings = apps.get_model("registry", "RegistrySettings")
    now = timezone.now()
    school_ids = Certificate.objects.filter(design__isnull=True).values_list("school_id", flat=True).distinct()
    for school_id in school_ids:
        rules = RegistrySettings.objects.filter(school_id=school_id).first()
        design = (
            CertificateDesign.objects.filter(school_id=school_id, used_at__isnull=False).order_by("-used_at").first()
        )
        if design is None:
            version = CertificateDesign.objects.filter(school_id=school_id).order_by("-version").first()
            design = CertificateDesign.objects.create(
                school_id=school_id,
                version=(version.version + 1) if version else 1,
                primary_colour=rules.primary_colour if rules else "#17496b",
                logo=_read(rules.logo) if rules else b"",
                title_nl=TITLE["nl"],
                title_en=TITLE["en"],
                body_nl=BODY["nl"],
                body_en=BODY["en"],
                signatory_name=rules.signatory_name if rules else "",
                signatory_role=rules.signatory_title if rules else "",
                signature=_read(rules.signature) if rules else b"",
                from_settings=True,
                used_at=now,
            )
        Certificate.objects.filter(school_id=school_id, design__isnull=True).update(design=design)


class Migration(migrations.Migration):
    dependencies = [("registry", "0011_certificate_designs")]

    operations = [migrations.RunPython(record_designs, migrations.RunPython.noop)]
