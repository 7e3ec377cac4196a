"""Shared, domain-free building blocks used by every app; imports none of the apps."""
