"""Finding a school's programme from an export's cell: its CREBO code ("25180"), its name, or both
("25180 Medewerker bakkerij")."""

import re

from django.utils.translation import gettext as _

from .outcomes import RowError


class ProgrammeFinder:
    def __init__(self, programmes):
        self.by_code, self.by_name = {}, {}
        for programme in programmes:
            if programme.code:
                self.by_code.setdefault(programme.code.strip().lower(), programme)
            self.by_name.setdefault(programme.name.strip().lower(), programme)

    def find(self, text: str, field: str = "programme"):
        key = text.strip().lower()
        found = self.by_code.get(key) or self.by_name.get(key)
        if found is None:
            code = re.match(r"\s*([0-9]{4,6})\b", key)
            found = self.by_code.get(code.group(1)) if code else None
        if found is None:
            raise RowError(
                _("“%(value)s” is not a programme of the school (by CREBO code or name): add it first.")
                % {"value": text},
                field,
            )
        return found
