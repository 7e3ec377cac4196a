from .minutes import urls as minutes_urls
from .planning import urls as planning_urls

urlpatterns = [*planning_urls.urlpatterns, *minutes_urls.urlpatterns]
