import re

from django.core import mail
from django.urls import reverse

from tests.factories import UserFactory
from tests.helpers import wait_for_mail


def test_reset_mail_arrives_and_its_link_sets_a_new_password(client, task_worker):
    user = UserFactory(email="henk@example.org", first_name="Henk")
    response = client.post(reverse("password_reset"), {"email": "HENK@example.org"})
    assert response.status_code == 302

    outbox = wait_for_mail(1)
    assert len(outbox) == 1
    assert outbox[0].to == ["henk@example.org"]
    assert "Hello Henk" in outbox[0].body
    link = re.search(r"https?://[^/]+(/accounts/password-reset/\S+/)", outbox[0].body).group(1)

    page = client.get(link, follow=True)
    assert page.context["validlink"]
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-2026", "new_password2": "a-new-long-password-2026"},
    )
    user.refresh_from_db()
    assert user.check_password("a-new-long-password-2026")


def test_reset_mail_is_in_the_users_language(client, task_worker):
    UserFactory(email="anja@example.org", first_name="Anja", language="nl")
    client.post(reverse("password_reset"), {"email": "anja@example.org"})
    outbox = wait_for_mail(1)
    assert "Hallo Anja" in outbox[0].body


def test_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []
