import pytest

from tests.feedback.factories_feedback import ensure_shipped


@pytest.fixture(autouse=True)
def _shipped_questionnaires(request):
    """Every feedback test starts with the shipped questionnaires, also after another test's flush."""
    if request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(request.fixturenames):
        request.getfixturevalue("db" if "transactional_db" not in request.fixturenames else "transactional_db")
        ensure_shipped()
