"""One competency of the coach competency profile (seed 001) as data: code, (English, Dutch) title, indicators."""


def competency(code, en, nl, description, indicators):
    return {"code": code, "title": (en, nl), "description": description, "indicators": indicators}
