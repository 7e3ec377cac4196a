"""Install the questionnaires Werkmentor ships as published version 1, once (by code).

Written against a `get_model(app_label, name)` callable, so that the data migration runs it with the historical
models and the `load_questionnaires` command (used by the demo) with the current ones.
"""

from django.utils import timezone

from .defaults_data import SHIPPED


def install(get_model) -> int:
    """Create the shipped questionnaires that do not exist yet; returns how many were created."""
    Questionnaire = get_model("feedback", "Questionnaire")
    QuestionnaireVersion = get_model("feedback", "QuestionnaireVersion")
    Question = get_model("feedback", "Question")
    created = 0
    for data in SHIPPED:
        if Questionnaire.objects.filter(school__isnull=True, code=data["code"]).exists():
            continue
        title_en, title_nl = data["title"]
        questionnaire = Questionnaire.objects.create(
            code=data["code"], title_en=title_en, title_nl=title_nl, audience=data["audience"], purpose=data["purpose"]
        )
        intro_en, intro_nl = data["intro"]
        # Questions are written while the version is a draft; publishing locks them.
        version = QuestionnaireVersion.objects.create(
            questionnaire=questionnaire, number=1, intro_en=intro_en, intro_nl=intro_nl
        )
        for position, row in enumerate(data["questions"], start=1):
            kind, topic, text_en, text_nl, *choices = row
            Question.objects.create(
                version=version,
                position=position,
                kind=kind,
                topic=topic,
                text_en=text_en,
                text_nl=text_nl,
                choices_en=choices[0] if choices else "",
                choices_nl=choices[1] if choices else "",
                required=kind != "text",
            )
        QuestionnaireVersion.objects.filter(pk=version.pk).update(status="published", published_at=timezone.now())
        created += 1
    return created
