from django.core.management.base import BaseCommand

from assessments.agreements.reminders import agreement_reminders_queue
from assessments.signatures.reminders import reminder_days, signature_reminders_queue


class Command(BaseCommand):
    help = (
        "Remind everyone who has not yet signed an assessment or a placement agreement waiting for signatures, "
        "every ASSESSMENT_SIGNATURE_REMINDER_DAYS days. Safe to run as often as you like, also next to the beat "
        "schedule: each reminder is claimed once, so nobody gets the same reminder twice."
    )

    def handle(self, *args, **options):
        records, agreements = signature_reminders_queue(), agreement_reminders_queue()
        self.stdout.write(
            self.style.SUCCESS(
                f"Signature reminders queued: {records} on assessments, {agreements} on placement agreements "
                f"(every {reminder_days()} days)."
            )
        )
