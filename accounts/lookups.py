"""What the search-as-you-type fields (core/combobox.py) compare and show for companies, schools and people."""

from core.lookups import Lookup


def company_label(company) -> str:
    # Companies of the same name are told apart by their city, as in the companies register.
    return f"{company.name} ({company.city})" if company.city else company.name


def person_label(person) -> str:
    return f"{person.get_full_name()} ({person.email})"


# Only the name: its folded form has a trigram index (registry migration 0003); the city is shown, not searched.
COMPANIES = Lookup(fields=("name",), label=company_label, order_by=("name", "pk"))
SCHOOLS = Lookup(fields=("name", "short_name"), label=str, order_by=("name", "pk"))
PEOPLE = Lookup(
    fields=("first_name", "last_name", "email"), label=person_label, order_by=("last_name", "first_name", "pk")
)
