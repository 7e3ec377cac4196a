"""Sessions read from the cache and written through to the database: Django's cached_db, which keeps working while
the cache is unreachable.

With Redis as the cache (REDIS_URL), every web node finds a session in one round trip to Redis instead of a query,
and a session written by one node is read by the others. The database stays the record: a session missing from the
cache (evicted, Redis restarted) is read from it and put back. When Redis cannot be reached, pages still work:
Django's own cached_db would fail while putting the session back into the cache; this one logs it and goes on
with the session from the database. Logging out still fails loudly while Redis is down (as in Django), so that no
copy of an ended session can stay behind in the cache unnoticed.
"""

import logging

from django.contrib.sessions.backends import cached_db

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:  # noqa: BLE001 - an unreachable cache, or a key it refuses: read the database instead
            data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if not stored:
            return {}
        data = self.decode(stored.session_data)
        try:
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        except Exception as error:  # noqa: BLE001 - the cache is down; the database has the session
            logger.warning("Session not put back into the cache (%s): %s", type(error).__name__, error)
        return data
