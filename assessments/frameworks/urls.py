from django.urls import path, register_converter

from .views import items, versions


class ItemKindConverter:
    """The kinds of things inside a framework version that the generic item views handle."""

    regex = "level|area|competency|indicator"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ItemKindConverter, "framework_item")

VERSION = "frameworks/versions/<int:version_pk>/"

urlpatterns = [
    path("frameworks/", versions.framework_list, name="framework_list"),
    path("frameworks/new/", versions.framework_new, name="framework_new"),
    path("frameworks/<int:pk>/", versions.framework_detail, name="framework_detail"),
    path("frameworks/<int:pk>/edit/", versions.framework_edit, name="framework_edit"),
    path("frameworks/<int:pk>/versions/new/", versions.framework_version_new, name="framework_version_new"),
    path(f"{VERSION}clone/", versions.framework_clone, name="framework_clone"),
    path(f"{VERSION}publish/", versions.framework_publish, name="framework_publish"),
    path(f"{VERSION}retire/", versions.framework_retire, name="framework_retire"),
    path(f"{VERSION}delete/", versions.framework_version_delete, name="framework_version_delete"),
    path(f"{VERSION}level/new/", items.framework_item_form, {"kind": "level"}, name="framework_level_new"),
    path(f"{VERSION}level/<int:item_pk>/", items.framework_item_form, {"kind": "level"}, name="framework_level_edit"),
    path(f"{VERSION}area/new/", items.framework_item_form, {"kind": "area"}, name="framework_area_new"),
    path(f"{VERSION}area/<int:item_pk>/", items.framework_item_form, {"kind": "area"}, name="framework_area_edit"),
    path(
        f"{VERSION}area/<int:parent_pk>/competency/new/",
        items.framework_item_form,
        {"kind": "competency"},
        name="framework_competency_new",
    ),
    path(
        f"{VERSION}competency/<int:item_pk>/",
        items.framework_item_form,
        {"kind": "competency"},
        name="framework_competency_edit",
    ),
    path(
        f"{VERSION}competency/<int:parent_pk>/indicator/new/",
        items.framework_item_form,
        {"kind": "indicator"},
        name="framework_indicator_new",
    ),
    path(
        f"{VERSION}indicator/<int:item_pk>/",
        items.framework_item_form,
        {"kind": "indicator"},
        name="framework_indicator_edit",
    ),
    path(
        f"{VERSION}<framework_item:kind>/<int:item_pk>/delete/",
        items.framework_item_delete,
        name="framework_item_delete",
    ),
    path(f"{VERSION}<framework_item:kind>/<int:item_pk>/move/", items.framework_item_move, name="framework_item_move"),
]
