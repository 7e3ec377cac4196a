"""The person's export as one ZIP: a JSON file per section and the PDFs they are entitled to."""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from accounts.models import User
from assessments.documents.pdf import record_pdf_filename, render_record_pdf
from assessments.models import AssessmentRecord
from assessments.selectors import records_for_pages
from registry.certificates.documents import certificate_pdf, pdf_filename
from registry.models import Certificate

from .collect import collect


def _pdfs(user: User):
    """(path, bytes) of the person's certificates and of the signed assessment records about them."""
    for certificate in Certificate.objects.filter(holder=user).select_related("school", "company", "course"):
        yield f"certificates/{pdf_filename(certificate)}", certificate_pdf(certificate)
    records = records_for_pages().filter(subject=user, status__in=AssessmentRecord.LOCKED_STATUSES)
    for record in records:
        name = record_pdf_filename(record, language=user.language or None)
        yield f"assessments/{record.pk}-{name}", render_record_pdf(record, language=user.language or None)


def export_filename(user: User) -> str:
    return f"werkmentor-data-{user.pk}-{timezone.localdate():%Y-%m-%d}.zip"


def build_export(user: User) -> bytes:
    """The ZIP's bytes. Built in the request: a person's own data is a few dozen rows and a handful of PDFs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        sections = collect(user)
        for name, rows in sections.items():
            archive.writestr(f"{name}.json", json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for path, pdf in _pdfs(user):
            archive.writestr(path, pdf)
        archive.writestr("README.txt", _readme(sections))
    return buffer.getvalue()


def _readme(sections) -> str:
    lines = [
        "Werkmentor: everything kept about you / alles wat Werkmentor over je bewaart.",
        f"Made / gemaakt: {timezone.localtime():%Y-%m-%d %H:%M}",
        "",
        "One JSON file per kind of data; PDFs of your certificates and signed assessments in their folders.",
        "Eén JSON-bestand per soort gegevens; pdf's van je certificaten en ondertekende beoordelingen in mappen.",
        "",
    ]
    lines += [f"{name}.json: {len(rows) if isinstance(rows, list) else 1}" for name, rows in sections.items()]
    return "\n".join(lines) + "\n"
