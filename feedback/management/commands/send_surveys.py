from django.core.management.base import BaseCommand

from feedback.distribution.scan import scan


class Command(BaseCommand):
    help = "Record the survey invitations that are due and queue their e-mails and reminders (once each)."

    def handle(self, *args, **options):
        result = scan()
        self.stdout.write(
            f"{result.invitations} new invitation(s), {result.queued} queued, {result.reminders} reminder(s)."
        )
