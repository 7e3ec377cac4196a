"""Mentor-course and certificate to-dos on the dashboard: one query per list."""

from accounts.models import Role, User
from accounts.selectors import roles_of

from .certificates.selectors import certificates_expiring_soon
from .courses.selectors import (
    assignments_to_hand_in,
    courses_ready_for_certificates,
    enrolments_awaiting_confirmation,
    evaluations_to_fill_in,
    submissions_to_review,
)
from .register.selectors import companies_needing_attention

LIMIT = 10


def registry_todo(user: User) -> dict:
    roles = roles_of(user)
    todo = {}
    if roles.has(Role.COMPANY_ADMIN):
        todo["enrolments_to_confirm"] = list(enrolments_awaiting_confirmation(user)[:LIMIT])
    if roles.has(Role.TEACHER):
        todo["submissions_to_review"] = list(submissions_to_review(user)[:LIMIT])
    if roles.has(Role.MENTOR) or roles.has(Role.COMPANY_ADMIN):
        todo["assignments_to_hand_in"] = list(assignments_to_hand_in(user)[:LIMIT])
        todo["evaluations_to_fill_in"] = list(evaluations_to_fill_in(user)[:LIMIT])
    if roles.school_staff_school_ids or roles.is_staff:
        todo["courses_ready_for_certificates"] = list(courses_ready_for_certificates(user)[:LIMIT])
        todo["certificates_expiring"] = list(certificates_expiring_soon(user)[:LIMIT])
    if roles.has(Role.COORDINATOR):
        todo["companies_flagged"] = list(companies_needing_attention(user)[:LIMIT])
    todo["any"] = any(todo.values())
    return todo
