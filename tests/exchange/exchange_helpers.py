"""Helpers for the exchange tests: table counts and a rich database with every kind of row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import func, select

from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.db.models import (
    Attachment,
    AwardYear,
    Base,
    Conflict,
    Criterion,
    Decision,
    JuryMembership,
    Nomination,
    NominationOrganisation,
    Nominator,
    Person,
    Placement,
    PressContact,
    PrizeSettings,
    Quote,
    Score,
)
from trygghetspris_desktop.domain.enums import (
    JuryRole,
    NominationKind,
    NominationStatus,
    PlacementKind,
    YearStatus,
)

MakeDb = Callable[[str], Database]


def table_counts(db: Database) -> dict[str, int]:
    """Rows per table: compared before and after a refused import."""
    with db.read_session() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def fill_rich(db: Database) -> None:
    """Two years with jury, criteria, scores, a conflict, decisions, quotes and contacts."""
    with db.session() as s:
        s.add(
            PrizeSettings(
                id=1,
                prize_name="Stockholms stads trygghetspris",
                organiser="Stockholms stad",
                first_year=2012,
                purpose="stimulera verksamheter",
                default_prize_amount=50000,
                address="Ragnar Östbergs plan 1\n105 35 Stockholm",
                districts="Bromma\nFarsta",
            )
        )
        anna = Person(name="Anna Ordförande", email="anna@example.se")
        bo = Person(name="Bo Ledamot", phone="08-123 45")
        cia = Person(name="Cia Citat", organisation="Polisen")
        s.add_all([anna, bo, cia])
        s.add(PressContact(name="Mona Press", title="Kommunikationschef", position=1))
        s.flush()
        for number, theme in ((2021, "Trygghet i parken"), (2022, "")):
            award = AwardYear(
                year=number,
                theme=theme,
                nomination_deadline=date(number, 9, 15),
                ceremony_date=date(number, 11, 11) if number == 2021 else None,
                ceremony_event="Trygghetskonferensen",
                prize_amount=50000 if number == 2021 else None,
                status=YearStatus.PUBLISHED,
                notes="Anteckning <&> 🙂",
            )
            s.add(award)
            chair = JuryMembership(
                award_year=award, person=anna, role=JuryRole.CHAIR, title="borgarråd", position=1
            )
            member = JuryMembership(award_year=award, person=bo, title="direktör", position=2)
            s.add_all([chair, member])
            crit_a = Criterion(award_year=award, name="Nytänkande", weight=2.0, position=1)
            crit_b = Criterion(
                award_year=award,
                name="Samverkan",
                weight=1.5,
                scale_min=0,
                scale_max=10,
                position=2,
            )
            s.add_all([crit_a, crit_b])
            noms = []
            for i, name in enumerate(("IGOR", "Nattvandrarna", "Kalle"), 1):
                nominator = Nominator(
                    name=f"Nominerare {i}",
                    email=f"n{i}@example.se",
                    phone="070-123 45 67",
                    organisation="Förening",
                    anonymised_at=datetime(2024, 1, 2, 3, 4, 5) if i == 3 else None,
                )
                nom = Nomination(
                    award_year=award,
                    nominee_name=name,
                    full_name="I gemensam organisation mot relationsvåld" if i == 1 else "",
                    kind=NominationKind.PROJECT if i == 1 else NominationKind.ORGANISATION,
                    district="Södermalm",
                    nominator_text=f'=Text {i}\nmed två rader, "citat"; semikolon',
                    received_date=date(number, 5, i),
                    status=(
                        NominationStatus.WINNER,
                        NominationStatus.HONOURABLE_MENTION,
                        NominationStatus.NOT_ELIGIBLE,
                    )[i - 1],
                    status_reason="Utanför staden" if i == 3 else "",
                    notes="-intern",
                    nominator=nominator if i != 2 else None,
                )
                s.add(nom)
                nom.organisations.extend(
                    [
                        NominationOrganisation(name="Polisen", position=0),
                        NominationOrganisation(name="Södermalms stadsdelsförvaltning", position=1),
                    ][: 3 - i]
                )
                if i == 1:
                    nom.attachments.append(
                        Attachment(
                            filename="bilaga.pdf",
                            stored_name=f"{number}-1.pdf",
                            size_bytes=1234,
                            added_at=datetime(number, 5, 1, 12, 0, 0),
                        )
                    )
                noms.append(nom)
            s.flush()
            for membership in (chair, member):
                for nom in noms[:2]:
                    if membership is member and nom is noms[1]:
                        continue  # declared conflict below
                    for crit, value in ((crit_a, 4), (crit_b, 7)):
                        s.add(
                            Score(
                                membership_id=membership.id,
                                nomination_id=nom.id,
                                criterion_id=crit.id,
                                scale_min=crit.scale_min,
                                scale_max=crit.scale_max,
                                value=value,
                            )
                        )
            s.add(Conflict(membership_id=member.id, nomination_id=noms[1].id, reason="Styrelse"))
            decision = Decision(
                award_year=award,
                motivation="Första stycket.\n\nAndra stycket.",
                decision_date=date(number, 10, 1),
                headline=f"Projektet IGOR får priset {number}",
                lead="Ingress",
                body="Brödtext",
                keywords="trygghet, samverkan",
                links="https://example.se",
            )
            s.add(decision)
            decision.placements.append(
                Placement(nomination=noms[0], kind=PlacementKind.WINNER, position=1)
            )
            decision.placements.append(
                Placement(
                    nomination=noms[1],
                    kind=PlacementKind.HONOURABLE_MENTION,
                    motivation="Eget omnämnande",
                    position=2,
                )
            )
            s.add(
                Quote(
                    award_year=award,
                    person_id=anna.id,
                    speaker_name=anna.name,
                    speaker_title="ordförande",
                    text="Citat ett",
                    position=1,
                )
            )
            s.add(
                Quote(
                    award_year=award,
                    person_id=None,
                    speaker_name="Extern Talare",
                    intro="Inledning:",
                    text="Citat två",
                    position=2,
                )
            )
            s.flush()
            s.add(PressContact(year_id=award.id, name=f"Årskontakt {number}", position=1))
