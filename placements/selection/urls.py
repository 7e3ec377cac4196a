from django.urls import path

from . import views

urlpatterns = [
    path("openings/<int:pk>/criteria/", views.selection_criteria, name="selection_criteria"),
    path("openings/<int:pk>/interviewers/", views.selection_interviewers, name="selection_interviewers"),
    path("openings/<int:pk>/anonymised/", views.selection_anonymised, name="selection_anonymised"),
    path("openings/<int:pk>/comparison/", views.selection_comparison, name="selection_comparison"),
    path("criteria/<int:pk>/edit/", views.selection_criterion_edit, name="selection_criterion_edit"),
    path("criteria/<int:pk>/delete/", views.selection_criterion_delete, name="selection_criterion_delete"),
    path("criteria/<int:pk>/move/", views.selection_criterion_move, name="selection_criterion_move"),
    path("candidates/<int:pk>/", views.selection_candidate, name="selection_candidate"),
    path("candidates/<int:pk>/score/", views.selection_score, name="selection_score"),
    path("candidates/<int:pk>/decide/", views.selection_decide, name="selection_decide"),
]
