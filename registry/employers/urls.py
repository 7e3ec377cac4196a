from django.urls import path

from .views import employer, public, teacher

urlpatterns = [
    path("courses/catalogue/<str:key>/", public.course_catalogue, name="course_catalogue"),
    path("courses/enrol/<str:token>/", public.course_employer_enrol, name="course_employer_enrol"),
    path("courses/employees/", employer.course_employees, name="course_employees"),
    path("courses/<int:pk>/employers/", teacher.course_employer_invitations, name="course_employer_invitations"),
    path(
        "courses/<int:pk>/employers/<int:invitation_pk>/revoke/",
        teacher.course_employer_invitation_revoke,
        name="course_employer_invitation_revoke",
    ),
    path("courses/<int:pk>/nominations/", teacher.course_nominations, name="course_nominations"),
    path(
        "courses/<int:pk>/enrolments/<int:enrolment_pk>/nominate/",
        teacher.course_nominate,
        name="course_nominate",
    ),
]
