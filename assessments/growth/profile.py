"""The coach competency profile as the list of items a mentor scores: the behavioural competencies of the
shipped framework's newest published version, then the team roles and the Big Five minimums (seed 001)."""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..frameworks_data.coach_personal import BIG_FIVE, TEAM_ROLES
from ..frameworks_data.coach_profile import FRAMEWORK as COACH_PROFILE
from ..models import Competency, FrameworkVersion

BEHAVIOUR_AREA = "III"
COMPETENCY_SCALE = 5
TRAIT_SCALE = 10


class Group:
    COMPETENCIES = "competencies"
    TEAM_ROLES = "team_roles"
    BIG_FIVE = "big_five"


GROUP_TITLES = {
    Group.COMPETENCIES: _("Behavioural competencies"),
    Group.TEAM_ROLES: _("Team roles"),
    Group.BIG_FIVE: _("Personality (Big Five)"),
}


@dataclass(frozen=True)
class ProfileItem:
    key: str
    group: str
    title: str
    description: str
    scale: int
    minimum: int | None = None

    @property
    def label(self) -> str:
        return f"{self.key} {self.title}" if self.group == Group.COMPETENCIES else self.title


@dataclass(frozen=True)
class Profile:
    version: FrameworkVersion | None
    items: tuple[ProfileItem, ...]

    def by_key(self) -> dict[str, ProfileItem]:
        return {item.key: item for item in self.items}

    def group(self, group: str) -> list[ProfileItem]:
        return [item for item in self.items if item.group == group]

    @property
    def competencies(self) -> list[ProfileItem]:
        return self.group(Group.COMPETENCIES)


def _pick(pair) -> str:
    english, dutch = pair
    return (dutch or english) if (get_language() or "en")[:2] == "nl" else (english or dutch)


def coach_profile_version() -> FrameworkVersion | None:
    """The newest published version of the shipped coach profile, or None when it is not installed."""
    return (
        FrameworkVersion.objects.filter(
            framework__school__isnull=True,
            framework__code=COACH_PROFILE["code"],
            status=FrameworkVersion.Status.PUBLISHED,
        )
        .order_by("-number")
        .first()
    )


def coach_profile(version: FrameworkVersion | None = None) -> Profile:
    """The profile's items in the visitor's language (two queries at most)."""
    version = version or coach_profile_version()
    items: list[ProfileItem] = []
    if version is not None:
        competencies = Competency.objects.filter(area__version=version, area__code=BEHAVIOUR_AREA).order_by(
            "position", "pk"
        )
        items.extend(
            ProfileItem(c.code, Group.COMPETENCIES, c.title, c.description, COMPETENCY_SCALE)
            for c in competencies
            if c.code
        )
    items.extend(
        ProfileItem(key, Group.TEAM_ROLES, _pick(title), _pick(text), COMPETENCY_SCALE)
        for key, title, text in TEAM_ROLES
    )
    items.extend(
        ProfileItem(key, Group.BIG_FIVE, _pick(title), _pick(text), TRAIT_SCALE, minimum)
        for key, title, minimum, text in BIG_FIVE
    )
    return Profile(version, tuple(items))


def item_title(profile: Profile, key: str) -> str:
    """The item's label; a key the profile no longer has (a newer version dropped it) shows as it is."""
    item = profile.by_key().get(key)
    return item.label if item else key
