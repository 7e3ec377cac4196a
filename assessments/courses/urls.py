from django.urls import path

from . import views

urlpatterns = [
    path("courses/<int:course_pk>/assessments/", views.course_assessments, name="course_assessments"),
    path(
        "courses/enrolments/<int:enrolment_pk>/assessment/new/",
        views.course_assessment_new,
        name="course_assessment_new",
    ),
]
