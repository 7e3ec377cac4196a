from django.core.management.base import BaseCommand

from registry.certificates.reminders import expiry_reminders_send


class Command(BaseCommand):
    help = (
        "Decide which certificates expire within their school's reminder window and queue one reminder e-mail "
        "per certificate. Safe to run more than once a day: a certificate is reminded only once."
    )

    def handle(self, *args, **options):
        decided = expiry_reminders_send()
        self.stdout.write(self.style.SUCCESS(f"Expiry reminders queued: {decided}."))
