from django.urls import include, path

urlpatterns = [
    path("", include("feedback.questionnaires.urls")),
    path("", include("feedback.distribution.urls")),
    path("", include("feedback.results.urls")),
    path("", include("feedback.closeout.urls")),
]
