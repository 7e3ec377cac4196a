"""Recruitment: openings, candidate profiles, applications and the matching of learners to openings."""
