"""Static files as whitenoise serves them in production, with each file's hashed URL looked up once per process.

Every page asks for the same eight or so static URLs (style sheets, scripts, icons). The manifest storage finds
each one through the manifest, a path clean-up and a URL join, every time; the manifest cannot change while the
process runs (collectstatic writes it before the server starts), so the answer is kept.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        url = self._urls.get(name)
        if url is None:
            url = self._urls[name] = super().url(name)
        return url
