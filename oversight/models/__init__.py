from .health import HealthLevel, HealthSettings, HealthSnapshot, PlacementHealth

__all__ = ["HealthLevel", "HealthSettings", "HealthSnapshot", "PlacementHealth"]
