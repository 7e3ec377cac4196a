"""The documentation page's security policy, and the API's answer to a URL it does not have."""

from django.conf import settings
from django.utils.csp import CSP
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override

from .problems import problem_response

# Swagger UI (vendored by drf-spectacular-sidecar, served from our static files) sets inline styles as it renders;
# its scripts are files of ours (the split view serves the start-up script from a URL, no inline script).
DOCS_CSP = {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}


def csp_for_docs(view):
    return csp_override(DOCS_CSP)(view)


def not_found(request, *args, **kwargs):
    return problem_response(404, _("No such API endpoint."), instance=request.path)
