"""Settings for bench/request_cost.py: the production settings of the tree gunicorn runs, plus the bench's URLconf.

Only the benchmark loads this module (it puts bench/ on PYTHONPATH): the site itself has no bare view.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "request_cost_urls"
