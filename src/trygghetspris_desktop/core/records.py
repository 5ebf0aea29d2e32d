"""Building the documents' input (:class:`AwardRecord`) from a stored year."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from trygghetspris_desktop.core.enums import PlacementKind
from trygghetspris_desktop.core.errors import UserError
from trygghetspris_desktop.core.lookup import settings_row, year_row
from trygghetspris_desktop.core.templates import DEFAULT_HEADLINE, fill, template_values
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.documents.model import (
    AwardRecord,
    Contact,
    JuryMember,
    Laureate,
    Organiser,
    Quote,
)


def _split_list(text: str, separators: str = ",\n") -> tuple[str, ...]:
    items = [text]
    for separator in separators:
        items = [part for item in items for part in item.split(separator)]
    return tuple(item.strip() for item in items if item.strip())


def award_record(db: Database, year: int, data_dir: Path | None = None) -> AwardRecord:
    """The record of a decided year; a year without a decision is a UserError."""
    with db.read_session() as session:
        settings = settings_row(session)
        award_year = year_row(session, year)
        decision = award_year.decision
        if decision is None or not decision.placements:
            raise UserError(
                f"Prisåret {year} har inget beslut ännu: välj vinnare under fliken Jury "
                "innan diplom och pressmeddelande kan skapas.",
                "year",
            )
        laureates = []
        for placement in decision.placements:
            nomination = placement.nomination
            laureates.append(
                Laureate(
                    name=nomination.nominee_name,
                    kind=placement.kind.value,
                    full_name=nomination.full_name,
                    organisations=tuple(org.name for org in nomination.organisations),
                    district=nomination.district,
                    motivation=placement.motivation
                    if placement.kind is PlacementKind.HONOURABLE_MENTION and placement.motivation
                    else decision.motivation,
                )
            )
        winners = tuple(lau for lau in laureates if lau.kind == PlacementKind.WINNER.value)
        mentions = tuple(
            lau for lau in laureates if lau.kind == PlacementKind.HONOURABLE_MENTION.value
        )
        headline = decision.headline
        if not headline and winners:
            headline = fill(
                settings.headline_template or DEFAULT_HEADLINE,
                template_values(
                    winners[0].name, settings.prize_name, year, winners[0].organisations
                ),
            )
        contacts = session.scalars(
            select(m.PressContact)
            .where((m.PressContact.year_id.is_(None)) | (m.PressContact.year_id == award_year.id))
            .order_by(m.PressContact.year_id.is_(None), m.PressContact.position)
        ).all()
        logo = None
        if settings.logo_path:
            candidate = Path(settings.logo_path)
            if not candidate.is_absolute() and data_dir is not None:
                candidate = data_dir / candidate
            logo = candidate if candidate.is_file() else None
        return AwardRecord(
            prize_name=settings.prize_name,
            year=year,
            first_year=settings.first_year,
            organiser=Organiser(
                name=settings.organiser,
                address_lines=tuple(
                    line.strip() for line in settings.address.splitlines() if line.strip()
                ),
                phone=settings.phone,
                web=settings.web,
                about_heading=settings.about_heading,
                about_text=settings.about_text,
            ),
            purpose=settings.purpose,
            theme=award_year.theme,
            place=settings.place or "Stockholm",
            ceremony_event=award_year.ceremony_event,
            ceremony_date=award_year.ceremony_date,
            decision_date=decision.decision_date,
            release_date=decision.release_date,
            headline=headline,
            lead=decision.lead,
            body=decision.body,
            motivation=decision.motivation,
            winners=winners,
            mentions=mentions,
            jury=tuple(
                JuryMember(
                    name=member.person.name,
                    title=member.title,
                    is_chair=member.role.value == "chair",
                )
                for member in award_year.jury
            ),
            quotes=tuple(
                Quote(
                    speaker_name=q.speaker_name,
                    speaker_title=q.speaker_title,
                    text=q.text,
                    intro=q.intro,
                )
                for q in award_year.quotes
            ),
            keywords=_split_list(decision.keywords, ","),
            links=_split_list(decision.links, "\n"),
            contacts=tuple(
                Contact(name=c.name, title=c.title, email=c.email, phone=c.phone) for c in contacts
            ),
            prize_amount=award_year.prize_amount
            if award_year.prize_amount is not None
            else settings.default_prize_amount,
            logo_path=logo,
        )
