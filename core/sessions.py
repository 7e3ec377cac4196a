"""Sessions read from the cache and written through to the database: Django's cached_db, which keeps working while
the cache is unreachable.

With Redis as the cache (REDIS_URL), every web node finds a session in one round trip to Redis instead of a query,
and a session written by one node is read by the others. The database stays the record: a session missing from the
cache (evicted, Redis restarted) is read from it and put back. When Redis cannot be reached, pages still work:
Django's own cached_db would fail while reading, creating or saving a session (so nobody could log in); this one
logs it and goes on with the database. Logging out while Redis is down ends the session in the database and logs
an error rather than a 500: a cached copy can only come back if the Redis that returns restores its data from disk
(docker-compose's Redis does, for the broker), and it expires with the session's age at the latest.
"""

import logging

from django.contrib.sessions.backends import cached_db, db

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

    def exists(self, session_key):
        try:
            if (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception as error:  # noqa: BLE001 - the cache is down: the database decides
            logger.warning("Session cache not reachable (%s): %s", type(error).__name__, error)
        return db.SessionStore.exists(self, session_key)

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        db.SessionStore.delete(self, session_key)
        try:
            self._cache.delete(self.cache_key_prefix + session_key)
        except Exception as error:  # noqa: BLE001 - ended in the database, which decides when the cache has none
            logger.error("Ended session not removed from the cache (%s): %s", type(error).__name__, error)
