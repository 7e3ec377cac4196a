"""Names of the `world` fixture's people, for tests that go through every role."""

EVERYONE = [
    "learner",
    "other_learner",
    "mentor",
    "colleague_mentor",
    "other_mentor",
    "supervisor",
    "colleague_teacher",
    "other_teacher",
    "coordinator",
    "other_coordinator",
    "company_admin",
    "other_company_admin",
    "outsider",
    "staff",
    "nobody",
]

# Who may read a placement's coaching trajectory (plan, sessions, hours, obstacles, progress).
COACHING_VIEWERS = {"learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "staff"}
