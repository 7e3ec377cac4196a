"""Install the frameworks that come with Werkmentor as published version 1, once.

Written against a `get_model(app_label, name)` callable so the data migration can run it with the
historical models and the demo command with the current ones.
"""

from django.utils import timezone

from .frameworks_data import DEFAULT_SCALE, SHIPPED


def install(get_model) -> int:
    """Create the shipped frameworks that do not exist yet; returns how many were created."""
    Framework = get_model("assessments", "Framework")
    created = 0
    for data in SHIPPED:
        if Framework.objects.filter(school__isnull=True, code=data["code"]).exists():
            continue
        _install_one(get_model, data)
        created += 1
    return created


def _install_one(get_model, data) -> None:
    Framework = get_model("assessments", "Framework")
    FrameworkVersion = get_model("assessments", "FrameworkVersion")
    RatingLevel = get_model("assessments", "RatingLevel")
    Area = get_model("assessments", "Area")
    Competency = get_model("assessments", "Competency")
    Indicator = get_model("assessments", "Indicator")

    title_en, title_nl = data["title"]
    framework = Framework.objects.create(
        code=data["code"],
        title_en=title_en,
        title_nl=title_nl,
        description=data["description"],
        purpose=data["purpose"],
    )
    version = FrameworkVersion.objects.create(
        framework=framework, number=1, status="published", published_at=timezone.now()
    )
    RatingLevel.objects.bulk_create(
        RatingLevel(version=version, value=value, title_en=en, title_nl=nl, is_passing=passing)
        for value, en, nl, passing in DEFAULT_SCALE
    )
    indicators = []
    for area_position, area_data in enumerate(data["areas"], start=1):
        area_en, area_nl = area_data["title"]
        area = Area.objects.create(
            version=version, code=area_data["code"], title_en=area_en, title_nl=area_nl, position=area_position
        )
        for position, competency_data in enumerate(area_data["competencies"], start=1):
            en, nl = competency_data["title"]
            competency = Competency.objects.create(
                area=area,
                code=competency_data["code"],
                title_en=en,
                title_nl=nl,
                description=competency_data["description"],
                position=position,
            )
            indicators.extend(
                Indicator(
                    competency=competency,
                    code=f"{competency_data['code']}.{number}",
                    title_en=indicator_en,
                    title_nl=indicator_nl,
                    position=number,
                )
                for number, (indicator_en, indicator_nl) in enumerate(competency_data["indicators"], start=1)
            )
    Indicator.objects.bulk_create(indicators)
