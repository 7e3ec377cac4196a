"""Python's cyclic garbage collector, tuned for a web worker once the site is loaded.

A request makes tens of thousands of short-lived objects (template contexts, querysets, form fields, lazy
translations) and some cycles among them. With Python's defaults a young collection ran every few requests and
scanned the site's own long-lived objects again and again: 7-16% of a request's CPU (the register's search 5.37 ms
of CPU with the defaults, 4.99 with these settings, 4.50 with the collector off; My account 3.76 / 3.30 / 3.26;
bench/request_cost.py's pages in-process, 7 December 2026).

- Freeze what exists once the site is loaded (modules, URL patterns, templates, settings): it lives as long as the
  process, and a frozen object is never scanned again.
- Collect the young generation after 50,000 new objects instead of 2,000, and the older ones less often: a
  request's objects mostly die with it (reference counting frees them), so fewer, larger collections find the
  same cycles for less work. Memory stays bounded: a cycle waits at most a few requests longer.
"""

import gc

YOUNG_THRESHOLD = 50_000
OLDER_THRESHOLDS = (20, 100)


def settle_web_worker() -> None:
    """Call once the WSGI application is loaded (config/wsgi.py): a worker's settings, not a command's or a task's."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)
