"""Serving an uploaded file that only some people may see, once the view has decided that this user may.

The file comes from the field's storage, never from a path on this machine's disk, so any web node serves it,
whether the files are on a shared disk or in an S3-compatible bucket (config/media_storage.py). By default the app
streams it; with MEDIA_SERVE_SIGNED_REDIRECT and a storage that signs its URLs, the browser is sent to a signed URL
that expires within seconds instead (the access check has been made; the URL is good for this download only).
"""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.http import content_disposition_header

from .http import private_no_store


def _signs_its_urls(storage) -> bool:
    # S3Storage with querystring_auth: url() is signed and expires. A file system's url() is a plain public path.
    return bool(getattr(storage, "querystring_auth", False)) and not getattr(storage, "custom_domain", None)


def private_file_response(field_file, *, filename: str, content_type: str, inline: bool = False):
    """The file saved (or, inline, shown) under `filename`; 404 when there is none or it is gone from storage.

    Call it only after the access check. Shared caches and the browser keep no copy, and the browser takes the
    content type as given (nosniff), so an upload can never be run as a page of this site.
    """
    if not field_file:
        raise Http404("There is no file.")
    if settings.MEDIA_SERVE_SIGNED_REDIRECT and _signs_its_urls(field_file.storage):
        url = field_file.storage.url(
            field_file.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(not inline, filename),
                "ResponseContentType": content_type,
                "ResponseCacheControl": "private, no-store",
            },
        )
        response = HttpResponseRedirect(url)
        # The signed URL is a bearer token for its few seconds: it goes to no other site as a Referer.
        response["Referrer-Policy"] = "no-referrer"
        return private_no_store(response)
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is no longer available.") from None
    response = FileResponse(handle, as_attachment=not inline, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return private_no_store(response)
