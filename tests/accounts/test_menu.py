import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("who", "shown", "hidden"),
    [
        ("mentor", ["Mentor courses", "My certificates", "My development"], ["Register", "Administration"]),
        ("coordinator", ["Mentor courses", "Register"], ["My development", "Administration"]),
        ("learner", ["Placements"], ["Mentor courses", "Register", "My development"]),
        ("staff", ["Register", "Administration"], ["My development"]),
    ],
)
def test_the_menu_offers_each_role_what_it_can_use(client, world, who, shown, hidden):
    client.force_login(getattr(world, who))
    html = client.get(reverse("dashboard")).text
    nav = html[html.index("<header>") : html.index("</header>")]
    for label in shown:
        assert f">{label}</a>" in nav
    for label in hidden:
        assert f">{label}</a>" not in nav
