"""A nomination's form fields as plain values, for the version check of a save.

The nomination form edits the nomination with its organisations and its nominator as one
record, so all three are compared field by field (the names are the form's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trygghetspris_desktop.core.views import NominationView, NominatorView
from trygghetspris_desktop.db import models as m

if TYPE_CHECKING:
    from trygghetspris_desktop.core.nominations import _CleanNomination

LABELS = {
    "nominee_name": "Nominerad",
    "full_name": "Fullständigt namn",
    "kind": "Typ",
    "organisations": "Organisationer",
    "district": "Stadsdelsområde",
    "received_date": "Inkommen",
    "nominator_text": "Nomineringstext",
    "notes": "Anteckningar",
    "nominator_name": "Nominerad av",
    "nominator_email": "E-post",
    "nominator_phone": "Telefon",
    "nominator_organisation": "Nominerarens organisation",
}


def _fields(source: Any, organisations: tuple[str, ...], nominator: Any) -> dict[str, Any]:
    person = nominator or NominatorView()
    return {
        "nominee_name": source.nominee_name,
        "full_name": source.full_name,
        "kind": source.kind,
        "organisations": organisations,
        "district": source.district,
        "received_date": source.received_date,
        "nominator_text": source.nominator_text,
        "notes": source.notes,
        "nominator_name": person.name,
        "nominator_email": person.email,
        "nominator_phone": person.phone,
        "nominator_organisation": person.organisation,
    }


def view_fields(view: NominationView) -> dict[str, Any]:
    """What the user saw when the form opened."""
    return _fields(view, tuple(view.organisations), view.nominator)


def clean_fields(clean: _CleanNomination) -> dict[str, Any]:
    """What the user is saving."""
    return _fields(clean, tuple(clean.organisations), clean.nominator)


def row_fields(row: m.Nomination) -> dict[str, Any]:
    """What is stored now."""
    return _fields(row, tuple(org.name for org in row.organisations), row.nominator)


def part_fields(row: m.Nomination) -> tuple[object, ...]:
    """The stored organisations and nominator: the parts that live in rows of their own."""
    person = row.nominator
    return (
        tuple(org.name for org in row.organisations),
        None if person is None else (person.name, person.email, person.phone, person.organisation),
    )
