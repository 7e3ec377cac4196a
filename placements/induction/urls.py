from django.urls import path

from . import template_views, views

urlpatterns = [
    path("induction-templates/", template_views.template_list, name="induction_templates"),
    path("induction-templates/new/", template_views.template_new, name="induction_template_new"),
    path("induction-templates/<int:pk>/", template_views.template_detail, name="induction_template_detail"),
    path("induction-templates/<int:pk>/edit/", template_views.template_edit, name="induction_template_edit"),
    path("induction-templates/<int:pk>/delete/", template_views.template_delete, name="induction_template_delete"),
    path("induction-templates/<int:pk>/default/", template_views.template_default, name="induction_template_default"),
    path(
        "induction-templates/<int:pk>/items/new/",
        template_views.template_item_new,
        name="induction_template_item_new",
    ),
    path(
        "induction-templates/<int:pk>/items/<int:item_pk>/edit/",
        template_views.template_item_edit,
        name="induction_template_item_edit",
    ),
    path(
        "induction-templates/<int:pk>/items/<int:item_pk>/delete/",
        template_views.template_item_delete,
        name="induction_template_item_delete",
    ),
    path("<int:pk>/induction/", views.checklist, name="induction_checklist"),
    path("<int:pk>/induction/create/", views.checklist_create, name="induction_checklist_create"),
    path("<int:pk>/induction/pdf/", views.checklist_pdf, name="induction_pdf"),
    path("<int:pk>/induction/items/new/", views.item_new, name="induction_item_new"),
    path("<int:pk>/induction/items/<int:item_pk>/edit/", views.item_edit, name="induction_item_edit"),
    path("<int:pk>/induction/items/<int:item_pk>/delete/", views.item_delete, name="induction_item_delete"),
    path("<int:pk>/induction/items/<int:item_pk>/done/", views.item_toggle, name="induction_item_toggle"),
    path("<int:pk>/induction/items/<int:item_pk>/confirm/", views.item_confirm, name="induction_item_confirm"),
]
