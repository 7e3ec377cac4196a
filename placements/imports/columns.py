"""The fields an import fills, and which column of an export holds each: guessed from Dutch and English column
titles ("Studentnummer", "Roepnaam", "E-mailadres", "KvK-nummer", "Naam leerbedrijf", "Plaats", "Praktijkopleider",
"E-mail praktijkopleider", "Begeleider school/BPV-begeleider", "Begindatum" ...), or as the school mapped
its previous export of the same kind."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import ImportKind

# Words that make a column about a parent or guardian, never about the learner themself.
GUARDIAN_WORDS = ("ouder", "verzorger", "voogd", "guardian", "parent")


@dataclass(frozen=True)
class Target:
    name: str
    label: str
    required: bool = False
    # Normalised titles (lower case, letters and digits only), best first: an exact match, else one contained
    # in the title (only synonyms of four letters or more, so "tel" does not match "hotel" by chance).
    synonyms: tuple[str, ...] = ()
    guardian: bool = False
    email: bool = False


STUDENT_NUMBER = Target(
    "student_number",
    _("Student number"),
    True,
    ("studentnummer", "studentnr", "deelnemernummer", "leerlingnummer", "stamnummer", "ovnummer", "studentnumber",
     "studentid", "student"),
)  # fmt: skip
PROGRAMME = Target(
    "programme",
    _("Programme (name or CREBO code)"),
    False,
    ("opleiding", "crebo", "crebocode", "crebonummer", "opleidingscode", "opleidingsnaam", "kwalificatie",
     "programme", "program", "qualification"),
)  # fmt: skip

LEARNER_TARGETS = (
    STUDENT_NUMBER,
    Target("first_name", _("First name"), True, ("roepnaam", "voornaam", "voornamen", "firstname", "givenname")),
    Target("prefix", _("Surname prefix (tussenvoegsel)"), False, ("tussenvoegsel", "tussenvoegsels",
                                                                   "voorvoegsel", "voorvoegsels", "prefix", "infix")),
    Target("last_name", _("Last name"), True, ("achternaam", "familienaam", "geslachtsnaam", "lastname", "surname",
                                               "familyname")),
    Target("email", _("E-mail address"), True, ("emailadres", "email", "emailaddress", "emailschool", "mail"),
           email=True),
    Target("date_of_birth", _("Date of birth"), False, ("geboortedatum", "geboren", "dateofbirth", "birthdate",
                                                        "birthday", "dob")),
    PROGRAMME,
    Target("cohort", _("Cohort"), False, ("cohort", "cohortjaar", "schooljaar", "startjaar", "intake")),
    Target("guardian_name", _("Parent or guardian: name"), False, ("naam", "name"), guardian=True),
    Target("guardian_email", _("Parent or guardian: e-mail"), False, ("email", "mail"), guardian=True, email=True),
    Target("guardian_phone", _("Parent or guardian: phone"), False, ("telefoon", "telefoonnummer", "mobiel",
                                                                     "phone", "tel"), guardian=True),
)  # fmt: skip

# A placement's company and people: found by KvK number and e-mail; the name and address columns are read for
# a company or person the app does not know yet (and fill a known company's empty fields).
PLACEMENT_TARGETS = (
    STUDENT_NUMBER,
    Target("kvk", _("KvK number of the company"), True, ("kvknummer", "kvknr", "kvk", "kvkbedrijf",
                                                         "kamervankoophandel", "chamberofcommerce", "cocnumber",
                                                         "registrationnumber")),
    Target("company_name", _("Company name (for a new company)"), False,
           ("bedrijfsnaam", "naamleerbedrijf", "leerbedrijf", "naambedrijf", "leerbedrijfnaam", "praktijkbedrijf",
            "stagebedrijf", "bpvbedrijf", "bedrijf", "organisatie", "companyname", "hostcompany", "company")),
    Target("address", _("Company address"), False, ("adres", "bezoekadres", "vestigingsadres", "adresleerbedrijf",
                                                    "straatenhuisnummer", "straat", "address", "street")),
    Target("postcode", _("Company postcode"), False, ("postcode", "postcodeleerbedrijf", "postalcode", "zipcode")),
    Target("city", _("Company city"), False, ("plaats", "vestigingsplaats", "plaatsleerbedrijf", "stad", "city",
                                              "town")),
    Target("sector", _("Company sector"), False, ("branche", "sector", "bedrijfstak", "industry")),
    Target("mentor_email", _("Work mentor's e-mail (praktijkopleider)"), True,
           ("emailpraktijkopleider", "praktijkopleideremail", "praktijkopleider", "werkbegeleider", "mentoremail",
            "workmentor", "mentor"), email=True),
    Target("mentor_name", _("Work mentor's name (for a new person)"), False,
           ("naampraktijkopleider", "praktijkopleider", "praktijkopleidernaam", "naamwerkbegeleider",
            "werkbegeleider", "mentornaam", "mentorname", "workmentor", "mentor")),
    Target("supervisor_email", _("School supervisor's e-mail"), True,
           ("emailbpvbegeleider", "emailbegeleiderschool", "bpvbegeleider", "bpvdocent", "begeleiderschool",
            "emaildocent", "supervisoremail", "supervisor", "begeleider", "docent"), email=True),
    Target("supervisor_name", _("School supervisor's name (for a new person)"), False,
           ("begeleiderschoolbpvbegeleider", "naambpvbegeleider", "naambegeleiderschool", "bpvbegeleider",
            "begeleiderschool", "bpvdocent", "supervisorname", "supervisor", "begeleider", "docent")),
    Target("start_date", _("Start date"), True, ("begindatum", "startdatum", "ingangsdatum", "startdate", "start",
                                                 "begin")),
    Target("end_date", _("End date"), True, ("einddatum", "afloopdatum", "enddate", "eind", "end")),
    Target("hours_per_week", _("Hours per week"), True, ("urenperweek", "urenweek", "uurperweek", "hoursperweek",
                                                         "uren", "hours")),
    PROGRAMME,
)  # fmt: skip

TARGETS = {ImportKind.LEARNERS: LEARNER_TARGETS, ImportKind.PLACEMENTS: PLACEMENT_TARGETS}


def targets(kind: str) -> tuple[Target, ...]:
    return TARGETS[ImportKind(kind)]


def normalise(title: str) -> str:
    """ "E-mailadres ouder/verzorger" -> "emailadresouderverzorger"; accents dropped ("Praktijkopleider é" -> e)."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", plain)


def _score(target: Target, title: str) -> tuple[int, ...] | None:
    """How well a normalised column title fits a field (higher is better), or None when it does not."""
    words = [word for word in GUARDIAN_WORDS if word in title]
    if bool(words) != target.guardian:
        return None
    says_mail = "mail" in title
    if says_mail and not target.email:  # "E-mailadres praktijkopleider" is neither an address nor a name
        return None
    for word in words:  # "naamouderverzorger" is a guardian's "naam"
        title = title.replace(word, "")
    shortest = 1 if target.guardian else 4
    for rank, synonym in enumerate(target.synonyms):
        exact = title == synonym
        if exact or (len(synonym) >= shortest and synonym in title):
            # An e-mail field prefers the column that says "mail" over the one with the person's name; a title
            # that fits both a person's e-mail and their name ("BPV-begeleider") goes to the e-mail, which is
            # needed, unless another column says "mail".
            return (int(target.email and says_mail), 4 if exact else 2, int(target.email), -rank)
    return None


def guess_columns(kind: str, headers: list[str], *, remembered: dict | None = None) -> dict[str, int | None]:
    """field -> column index (or None): first as remembered for the school (by title), then by the best guess."""
    columns: dict[str, int | None] = {target.name: None for target in targets(kind)}
    used: set[int] = set()
    for name, title in (remembered or {}).items():
        if name in columns and title in headers and headers.index(title) not in used:
            columns[name] = headers.index(title)
            used.add(columns[name])
    titles = [normalise(header) for header in headers]
    candidates = []
    for order, target in enumerate(targets(kind)):
        if columns[target.name] is not None:
            continue
        for index, title in enumerate(titles):
            score = _score(target, title)
            if score is not None and index not in used:
                candidates.append((score, -order, -index, target.name, index))
    for *_rank, name, index in sorted(candidates, reverse=True):
        if columns[name] is None and index not in used:
            columns[name] = index
            used.add(index)
    return columns


def column_titles(columns: dict[str, int | None], headers: list[str]) -> dict[str, str]:
    """The mapping by column title, to be remembered for the school's next export."""
    return {name: headers[index] for name, index in columns.items() if index is not None and index < len(headers)}
