"""/favicon.ico: browsers ask for it at the site root whatever the page says, so it is served there too."""

from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

FAVICON = "img/favicon.ico"


@require_safe
@cache_control(public=True, max_age=60 * 60 * 24)
def favicon(request):
    path = finders.find(FAVICON)
    if path is None:
        raise Http404("No favicon.")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")  # noqa: SIM115 - FileResponse closes it
