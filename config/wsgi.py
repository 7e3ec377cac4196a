import os

from django.core.wsgi import get_wsgi_application

from core.garbage import settle_web_worker

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
settle_web_worker()
