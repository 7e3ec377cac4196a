from django.urls import path

from . import lookups
from .views import courses, work

urlpatterns = [
    path("courses/", courses.course_list, name="course_list"),
    path("courses/new/", courses.course_new, name="course_new"),
    path("courses/lookup/companies/", lookups.companies, name="course_lookup_companies"),
    path("courses/<int:pk>/", courses.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course_edit"),
    path("courses/<int:pk>/sessions/new/", courses.course_session_edit, name="course_session_new"),
    path("courses/<int:pk>/sessions/<int:session_pk>/edit/", courses.course_session_edit, name="course_session_edit"),
    path(
        "courses/<int:pk>/sessions/<int:session_pk>/attendance/",
        work.course_attendance,
        name="course_attendance",
    ),
    path("courses/<int:pk>/assignments/new/", courses.course_assignment_new, name="course_assignment_new"),
    path(
        "courses/<int:pk>/assignments/<int:assignment_pk>/",
        work.course_submission,
        name="course_submission",
    ),
    path(
        "courses/<int:pk>/assignments/<int:assignment_pk>/submissions/",
        work.course_assignment_submissions,
        name="course_assignment_submissions",
    ),
    path(
        "courses/<int:pk>/submissions/<int:submission_pk>/review/",
        work.course_submission_review,
        name="course_submission_review",
    ),
    path(
        "courses/<int:pk>/submissions/<int:submission_pk>/file/",
        work.course_submission_file,
        name="course_submission_file",
    ),
    path("courses/<int:pk>/enrol/", courses.course_enrol, name="course_enrol"),
    path(
        "courses/<int:pk>/enrolments/<int:enrolment_pk>/confirm/",
        courses.course_enrolment_confirm,
        name="course_enrolment_confirm",
    ),
    path(
        "courses/<int:pk>/enrolments/<int:enrolment_pk>/withdraw/",
        courses.course_enrolment_withdraw,
        name="course_enrolment_withdraw",
    ),
    path("courses/<int:pk>/complete/", work.course_complete_view, name="course_complete"),
    path("courses/<int:pk>/evaluation/", work.course_evaluation, name="course_evaluation"),
    path("courses/<int:pk>/evaluations/", work.course_evaluation_summary, name="course_evaluation_summary"),
]
