from django.urls import path

from .views import courses

urlpatterns = [
    path("courses/<int:course_pk>/assessments/", courses.course_assessments, name="course_assessments"),
    path(
        "courses/enrolments/<int:enrolment_pk>/assessment/new/",
        courses.course_assessment_new,
        name="course_assessment_new",
    ),
]
