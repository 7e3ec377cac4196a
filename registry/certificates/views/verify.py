"""The public verification page a certificate's QR code points to, and the lookup by number and last name.

No login. The page shows only the holder's name, the status, the dates and the school. A wrong code, a
tampered one or one that is not a code at all gets the same "not found" page. Both are rate limited
per client (core/ratelimit.py) on top of that: a code has 122 random bits, and the lookup needs the exact
number and the holder's last name.
"""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from core.http import public_no_store
from core.ratelimit import rate_limited

from ..forms import LookupForm
from ..selectors import certificate_by_code, certificate_by_number_and_last_name


@rate_limited("verify")
@require_GET
def certificate_verify(request, code):
    certificate = certificate_by_code(code)
    if certificate is None:
        return public_no_store(
            render(request, "registry/certificates/verify_not_found.html", {"form": LookupForm()}, status=404)
        )
    return public_no_store(render(request, "registry/certificates/verify.html", {"certificate": certificate}))


@rate_limited("verify", methods=("POST",))
@require_http_methods(["GET", "POST"])
def certificate_lookup(request):
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        certificate = certificate_by_number_and_last_name(form.cleaned_data["number"], form.cleaned_data["last_name"])
        if certificate is not None:
            return redirect("certificate_verify", code=certificate.public_id)
        # The same answer whichever part was wrong, so the form does not confirm numbers one by one.
        page = render(request, "registry/certificates/verify_not_found.html", {"form": form}, status=404)
        return public_no_store(page)
    return public_no_store(render(request, "registry/certificates/lookup.html", {"form": form}))
