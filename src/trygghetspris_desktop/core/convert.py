"""ORM rows → plain views. Called inside a session, so relations may be loaded here."""

from __future__ import annotations

from trygghetspris_desktop.core.views import (
    AttachmentView,
    ContactView,
    CriterionView,
    JurorView,
    NominationView,
    NominatorView,
    QuoteView,
    SettingsView,
    YearView,
)
from trygghetspris_desktop.db import models as m


def settings_view(row: m.PrizeSettings) -> SettingsView:
    return SettingsView(
        prize_name=row.prize_name,
        organiser=row.organiser,
        first_year=row.first_year,
        purpose=row.purpose,
        default_prize_amount=row.default_prize_amount,
        place=row.place,
        address=row.address,
        phone=row.phone,
        web=row.web,
        about_heading=row.about_heading,
        about_text=row.about_text,
        logo_path=row.logo_path,
        headline_template=row.headline_template,
        lead_template=row.lead_template,
        districts=tuple(line.strip() for line in row.districts.splitlines() if line.strip()),
        backups_to_keep=row.backups_to_keep,
        personal_data_retention_months=row.personal_data_retention_months,
        attachment_max_mb=row.attachment_max_mb,
        version=row.version,
    )


def year_view(row: m.AwardYear) -> YearView:
    return YearView(
        id=row.id,
        year=row.year,
        theme=row.theme,
        nomination_deadline=row.nomination_deadline,
        ceremony_date=row.ceremony_date,
        ceremony_event=row.ceremony_event,
        prize_amount=row.prize_amount,
        status=row.status,
        notes=row.notes,
        version=row.version,
        record_kind=row.record_kind,
        sources=row.sources,
        nomination_count=row.nomination_count,
    )


def nomination_view(row: m.Nomination, year: int) -> NominationView:
    nominator = row.nominator
    return NominationView(
        id=row.id,
        year=year,
        nominee_name=row.nominee_name,
        full_name=row.full_name,
        kind=row.kind,
        organisations=tuple(org.name for org in row.organisations),
        district=row.district,
        nominator_text=row.nominator_text,
        received_date=row.received_date,
        status=row.status,
        status_reason=row.status_reason,
        notes=row.notes,
        nominator=NominatorView(
            name=nominator.name,
            email=nominator.email,
            phone=nominator.phone,
            organisation=nominator.organisation,
        )
        if nominator is not None
        else None,
        attachments=tuple(
            AttachmentView(a.id, a.filename, a.stored_name, a.size_bytes) for a in row.attachments
        ),
        version=row.version,
    )


def juror_view(row: m.JuryMembership) -> JurorView:
    return JurorView(
        id=row.id,
        person_id=row.person_id,
        name=row.printed_name or row.person.name,
        title=row.title,
        role=row.role,
        position=row.position,
        person_name=row.person.name,
        version=row.version,
    )


def criterion_view(row: m.Criterion) -> CriterionView:
    return CriterionView(
        id=row.id,
        name=row.name,
        description=row.description,
        weight=row.weight,
        scale_min=row.scale_min,
        scale_max=row.scale_max,
        position=row.position,
        version=row.version,
    )


def quote_view(row: m.Quote) -> QuoteView:
    return QuoteView(
        id=row.id,
        speaker_name=row.speaker_name,
        speaker_title=row.speaker_title,
        text=row.text,
        intro=row.intro,
        person_id=row.person_id,
        position=row.position,
    )


def contact_view(row: m.PressContact, year: int | None = None) -> ContactView:
    return ContactView(
        id=row.id,
        name=row.name,
        title=row.title,
        email=row.email,
        phone=row.phone,
        year=year,
        version=row.version,
    )
