def test_healthz_reports_database_and_broker(client, db, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": "in-process",
        "outbox": {"waiting": 0, "failed": 0},
    }


def test_healthz_answers_503_when_the_broker_is_unreachable(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")


def test_healthz_checks_the_real_broker_when_one_is_configured(client, db, settings):
    if not settings.REDIS_URL:
        return
    assert client.get("/healthz").json()["broker"] == "ok"
