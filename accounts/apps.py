from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People and organisations")

    def ready(self):
        # Every model choice field of the project answers a key beyond the database's range with a form error.
        from .choice_keys import install

        install()
