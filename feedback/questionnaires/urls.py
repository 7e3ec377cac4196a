from django.urls import path

from . import views

urlpatterns = [
    path("questionnaires/", views.questionnaire_list, name="feedback_questionnaires"),
    path("questionnaires/<int:pk>/", views.questionnaire_detail, name="feedback_questionnaire"),
    path("questionnaires/<int:pk>/copy/", views.questionnaire_copy, name="feedback_questionnaire_copy"),
    path("questionnaires/<int:pk>/new-version/", views.version_new, name="feedback_version_new"),
    path("versions/<int:version_pk>/publish/", views.version_publish, name="feedback_version_publish"),
    path("versions/<int:version_pk>/questions/new/", views.question_edit, name="feedback_question_new"),
    path("versions/<int:version_pk>/questions/<int:item_pk>/", views.question_edit, name="feedback_question_edit"),
    path(
        "versions/<int:version_pk>/questions/<int:item_pk>/delete/",
        views.question_delete,
        name="feedback_question_delete",
    ),
]
