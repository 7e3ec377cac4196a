from django.conf import settings
from django.urls import reverse


def test_my_account_lists_roles_and_saves_details(client, world):
    client.force_login(world.mentor)
    page = client.get(reverse("my_account"))
    assert "Bakkerij De Korenschoof" in page.text
    assert "Work mentor" in page.text

    response = client.post(
        reverse("my_account"),
        {
            "first_name": "Marieke",
            "last_name": "Visser",
            "phone": "06-12345678",
            "language": "nl",
            "notification_level": "essential",
        },
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"
    world.mentor.refresh_from_db()
    assert world.mentor.last_name == "Visser"
    assert world.mentor.language == "nl"


def test_my_account_rejects_an_empty_name_and_keeps_the_old_one(client, world):
    client.force_login(world.mentor)
    response = client.post(reverse("my_account"), {"first_name": "", "last_name": "Visser", "language": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["first_name"]
    world.mentor.refresh_from_db()
    assert world.mentor.first_name == "Marieke"


def test_preferred_language_is_used_after_login(client, world):
    world.mentor.language = "nl"
    world.mentor.save()
    client.force_login(world.mentor)
    assert client.get(reverse("dashboard")).text.count('<html lang="nl">') == 1


def test_my_account_lists_every_role_with_its_organisation_in_the_persons_language(client, world):
    from accounts.models import Role
    from tests.factories import grant

    grant(world.mentor, Role.TEACHER, world.school)
    client.force_login(world.mentor)
    page = client.get(reverse("my_account")).text
    assert "Bakkerij De Korenschoof" in page and "Rijnland Vakcollege" in page
    assert page.index("<span>Work mentor</span>") < page.index("<span>School supervisor</span>")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    dutch = client.get(reverse("my_account")).text
    assert "<span>Werkmentor</span>" in dutch and "<span>BPV-begeleider</span>" in dutch
