"""Response helpers shared by the apps' views: caching and indexing headers, and file downloads."""

from django.http import HttpResponse


def private_no_store(response):
    """A page or file for the signed-in user only: no shared cache keeps it, the browser does not store it."""
    response["Cache-Control"] = "private, no-store"
    return response


def public_no_store(response):
    """A page anyone may open without logging in (a certificate's verification page): search engines leave it
    out, and no cache or browser stores it."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    return response


def signed_link_no_store(response):
    """A page opened through a signed link in an e-mail: public_no_store, and since the token is in the address,
    the browser sends no Referer with it to other sites. Not "no-referrer": under it a browser sends
    "Origin: null" with the page's own form, and Django's CSRF check refuses the POST."""
    response["Referrer-Policy"] = "same-origin"
    return public_no_store(response)


def download(response, filename: str, *, inline: bool = False):
    """The response as a private file called `filename`: shown in the browser (inline) or saved (attachment)."""
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return private_no_store(response)


def pdf_response(pdf: bytes, filename: str, *, inline: bool = True) -> HttpResponse:
    """A rendered PDF as a private file; inline opens it in the browser's viewer, otherwise it is saved."""
    return download(HttpResponse(pdf, content_type="application/pdf"), filename, inline=inline)
