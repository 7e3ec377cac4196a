from .digest import DigestSent
from .health import HealthLevel, HealthSettings, HealthSnapshot, PlacementHealth

__all__ = ["DigestSent", "HealthLevel", "HealthSettings", "HealthSnapshot", "PlacementHealth"]
