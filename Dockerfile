# Werkmentor production image: gunicorn serves the app, and whitenoise serves the collected static files.
FROM python:3.13-slim

# The code runs from /app, not from site-packages, so that BASE_DIR finds templates/, static/ and locale/.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media

# WeasyPrint renders PDFs with Pango and HarfBuzz, and DejaVu is the fallback font.
# gettext compiles the translations.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# `pip install .` from pyproject.toml alone installs the dependencies. Doing it before copying the code
# means a code change does not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .

# The build needs some settings: DEBUG=false for the hashed static-file manifest, and a SECRET_KEY only
# to get past the start-up check. Neither value stays in the image.
# compilemessages refuses to run when no locale/ directory exists.
RUN mkdir -p locale \
    && DEBUG=false SECRET_KEY=build-only-not-a-secret python manage.py compilemessages -v0 \
    && DEBUG=false SECRET_KEY=build-only-not-a-secret python manage.py collectstatic --no-input -v0

# The code stays owned by root. The app user can write only to the uploads directory and its home
# directory, where fontconfig keeps its cache.
RUN useradd --system --uid 10001 --create-home werkmentor \
    && mkdir -p /app/media \
    && chown werkmentor:werkmentor /app/media
USER werkmentor

EXPOSE 8000
# PostgreSQL ends a stuck statement (DB_STATEMENT_TIMEOUT, 20 s) or lock wait (DB_LOCK_TIMEOUT, 10 s) before gunicorn
# would kill the worker (--timeout 30): the user gets a "busy, try again" page instead of a 500.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30", "--access-logfile", "-"]
