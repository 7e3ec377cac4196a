from django.apps import apps
from django.core.management.base import BaseCommand

from feedback.questionnaires.shipped import install


class Command(BaseCommand):
    help = "Install the questionnaires Werkmentor ships (learner, mentor, employer, course) that are missing."

    def handle(self, *args, **options):
        created = install(apps.get_model)
        self.stdout.write(f"{created} questionnaire(s) installed.")
