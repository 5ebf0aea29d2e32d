"""Small builders for test data, all going through the real use cases in core/."""

from __future__ import annotations

from trygghetspris_desktop.core import criteria, jury, nominations, years
from trygghetspris_desktop.core.nominations import NominationInput
from trygghetspris_desktop.core.views import NominatorView
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.enums import JuryRole, NominationStatus

JURORS = ("Anna Andersson", "Bo Berg", "Cecilia Ek", "David Dahl", "Eva Ström")
NOMINEES = ("Nattvandrarna", "Trygga gårdar", "Ljus i parken")


def make_year(db: Database, year: int = 2025, **fields: object) -> int:
    years.create_year(db, year, **fields)
    return year


def add_nominations(db: Database, year: int, names=NOMINEES, status=None) -> list[int]:  # type: ignore[no-untyped-def]
    ids = []
    for number, name in enumerate(names, start=1):
        view = nominations.add_nomination(
            db,
            year,
            NominationInput(
                nominee_name=name,
                organisations=(f"Organisation {number}",),
                district="Södermalm",
                nominator_text=f"Beskrivning av {name}",
                received_date=f"{year}-09-0{number}",
                nominator=NominatorView(name=f"Nominerare {number}", email=f"n{number}@example.se"),
            ),
        )
        ids.append(view.id)
    if status is not None:
        path = {
            NominationStatus.ELIGIBLE: [NominationStatus.ELIGIBLE],
            NominationStatus.SHORTLISTED: [NominationStatus.ELIGIBLE, NominationStatus.SHORTLISTED],
        }[status]
        for step in path:
            nominations.change_status(db, ids, step)
    return ids


def make_jury(db: Database, year: int, names=JURORS) -> list[int]:  # type: ignore[no-untyped-def]
    ids = []
    for number, name in enumerate(names):
        role = JuryRole.CHAIR if number == 0 else JuryRole.MEMBER
        ids.append(jury.appoint_new_person(db, year, name, f"Titel {number}", role).id)
    return ids


def make_criteria(db: Database, year: int) -> list[int]:
    return [c.id for c in criteria.add_default_criteria(db, year)]
