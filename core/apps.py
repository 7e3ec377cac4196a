from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Every model choice field of the project answers a key beyond the database's range with a form error.
        from .choice_keys import install
        from .outbox import tasks  # noqa: F401 - registers the outbox's Celery tasks

        install()
