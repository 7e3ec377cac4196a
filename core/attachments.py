"""What may be uploaded as an attachment (a coaching session's files, evidence, a course document, a school logo):
a few office and image types, checked by content too."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5

# extension -> (content type, magic bytes the file must start with, or None for plain text)
ALLOWED = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ".odt": ("application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ".txt": ("text/plain", None),
}


def allowed_extensions_text() -> str:
    return ", ".join(sorted(ext.lstrip(".") for ext in ALLOWED))


def validate_attachment(upload) -> str:
    """Return the content type to store, or raise ValidationError saying why the file is refused."""
    name = upload.name
    extension = Path(name).suffix.lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _("“%(name)s” is not accepted: only %(types)s files can be attached.")
            % {"name": name, "types": allowed_extensions_text()}
        )
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; attachments can be at most %(max)s.")
            % {"name": name, "size": filesizeformat(upload.size), "max": filesizeformat(MAX_BYTES)}
        )
    content_type, magic = ALLOWED[extension]
    head = upload.read(2048)
    upload.seek(0)
    if magic is not None and not head.startswith(magic):
        raise ValidationError(
            _("“%(name)s” does not look like a real %(ext)s file.") % {"name": name, "ext": extension}
        )
    if magic is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(_("“%(name)s” is not a plain text file.") % {"name": name}) from None
    return content_type
