"""Use cases for the jury's decision: winner(s), honourable mentions, motivation, quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.concurrency import conflict_error, retry_on_stale
from trygghetspris_desktop.core.convert import (
    contact_view,
    juror_view,
    nomination_view,
    quote_view,
)
from trygghetspris_desktop.core.jury import require_one_chair
from trygghetspris_desktop.core.lookup import settings_row, year_row
from trygghetspris_desktop.core.views import (
    ContactView,
    DecisionView,
    NominationView,
    PlacementView,
)
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.concurrency import EditConflict, FieldConflict
from trygghetspris_desktop.domain.enums import (
    JuryRole,
    NominationStatus,
    PlacementKind,
    RecordKind,
    YearStatus,
)
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.templates import (
    DEFAULT_HEADLINE,
    DEFAULT_LEAD,
    Filled,
    Winner,
    fill_known,
    template_values,
)
from trygghetspris_desktop.domain.text_fold import fold

S = NominationStatus
NOT_DECIDABLE = (S.WITHDRAWN, S.NOT_ELIGIBLE)
# The candidates of a year run in the program (the decision dialog's list).
ELIGIBLE = (S.ELIGIBLE, S.SHORTLISTED, S.WINNER, S.HONOURABLE_MENTION, S.NOT_SELECTED)


@dataclass(frozen=True)
class QuoteInput:
    speaker_name: str
    speaker_title: str
    text: str
    intro: str = ""
    person_id: int | None = None


@dataclass(frozen=True)
class DecisionInput:
    winners: Sequence[int]  # nomination ids
    motivation: str
    mentions: Sequence[int] = ()
    decision_date: date | str | None = None
    release_date: date | str | None = None
    headline: str = ""
    lead: str = ""
    body: str = ""
    keywords: str = ""
    links: str = ""
    quotes: Sequence[QuoteInput] | None = None  # None keeps the stored quotes
    mention_motivations: dict[int, str] | None = None
    # A decision date outside the prize year ± 1 is refused until the user confirms it.
    date_confirmed: bool = False


class DecisionDateQuestion(UserError):
    """The decision date lies outside the prize year ± 1: ask, then decide again with
    ``date_confirmed=True``."""


def registered_candidates(db: Database, year: int) -> list[NominationView]:
    """The nominations a year registered afterwards can name as winner or mention: every
    one not withdrawn or ineligible, by name (no scores: the jury's work is not known)."""
    with db.read_session() as session:
        award_year = year_row(session, year)
        rows = sorted(
            (n for n in award_year.nominations if n.status not in NOT_DECIDABLE),
            key=lambda n: fold(n.nominee_name),
        )
        return [nomination_view(n, year) for n in rows]


def decision_blockers(db: Database, year: int) -> list[str]:
    """Why no decision can be recorded for ``year`` yet, in Swedish; empty when it can.

    Told before the user starts typing ("Fatta beslut" says it, not the refusal after).
    A year run in the program needs a jury with exactly one chair and a candidate; a year
    registered afterwards needs only a nomination to name as the winner.
    """
    with db.read_session() as session:
        award_year = year_row(session, year)
        registered = award_year.record_kind is RecordKind.REGISTERED
        decidable = [n for n in award_year.nominations if n.status not in NOT_DECIDABLE]
        candidates = decidable if registered else [n for n in decidable if n.status in ELIGIBLE]
        blockers = []
        if not registered:
            chairs = sum(member.role is JuryRole.CHAIR for member in award_year.jury)
            if not award_year.jury:
                blockers.append(
                    f"Juryn {year} är tom: lägg till juryn och välj en ordförande under Jury."
                )
            elif chairs != 1:
                blockers.append(
                    f"Juryn {year} har ingen ordförande: välj en och klicka «Gör till ordförande»."
                )
        if not candidates:
            if registered:
                blockers.append(
                    f"Det finns ingen nominering {year} att välja som vinnare: lägg till "
                    "vinnaren under Nomineringar."
                )
            else:
                blockers.append(
                    f"Det finns ingen behörig nominering {year} att välja som vinnare: "
                    "ändra status under Nomineringar."
                )
        if blockers and not registered:
            blockers.append(
                "Registreras året i efterhand från källor? Välj Efterhandsregistrerat under "
                "Arkiv → Redigera prisåret…: då räcker det som är känt."
            )
        return blockers


def _clean_quotes(quotes: Sequence[QuoteInput]) -> list[QuoteInput]:
    clean = []
    for number, quote in enumerate(quotes, start=1):
        where = f"Citat {number}: "
        try:
            clean.append(
                QuoteInput(
                    speaker_name=v.limited(
                        v.required(quote.speaker_name, "Namn", "speaker_name"), "Namn", 200
                    ),
                    speaker_title=v.limited(quote.speaker_title, "Titel", 300),
                    text=v.limited(
                        v.required(quote.text, "Citatets text", "quote_text"),
                        "Citat",
                        v.MAX_LONG_TEXT,
                    ),
                    intro=v.limited(quote.intro, "Inledning", 1000),
                    person_id=quote.person_id,
                )
            )
        except UserError as error:
            raise UserError(where + error.message, error.field) from None
    return clean


def suggested_texts(db: Database, year: int, winner_id: int) -> tuple[str, str]:
    """Headline and lead filled in from the settings' templates for a chosen winner."""
    headline, lead = suggest_texts(db, year, winner_id)
    return headline.text, lead.text


def suggest_texts(db: Database, year: int, winner_id: int) -> tuple[Filled, Filled]:
    """Headline and lead from the settings' templates (the default lead when none is set),
    each with the facts it had to leave out (see :func:`domain.templates.fill_known`)."""
    with db.read_session() as session:
        settings = settings_row(session)
        award_year = year_row(session, year)
        winner = session.get(m.Nomination, winner_id)
        if winner is None:
            raise UserError("Den valda nomineringen finns inte längre.", "winners")
        values = template_values(
            [
                Winner(
                    winner.nominee_name,
                    winner.kind.value if winner.kind is not None else None,
                    tuple(org.name for org in winner.organisations),
                )
            ],
            settings.prize_name,
            year,
            theme=award_year.theme,
            ceremony_event=award_year.ceremony_event,
            ceremony_date=award_year.ceremony_date,
            prize_amount=award_year.prize_amount,
        )
        return (
            fill_known(settings.headline_template or DEFAULT_HEADLINE, values),
            fill_known(settings.lead_template or DEFAULT_LEAD, values),
        )


def decide(
    db: Database, year: int, data: DecisionInput, *, base: DecisionView | None = None
) -> DecisionView:
    """Record the decision; the year becomes decided and the statuses follow.

    A year run in the program needs a jury with one chair, a motivation and a date; a year
    registered afterwards accepts what is known (a winner or a mention at the least).

    ``base`` is the decision as the dialog opened it (:func:`empty_decision` when there was
    none): if someone else has recorded or changed the decision since, in a part this save
    writes differently, nothing is written and EditConflictError says who, when and what
    (:func:`merged_input` applies the user's choice).
    """
    return retry_on_stale(lambda: _decide(db, year, data, base))


def _decide(
    db: Database, year: int, data: DecisionInput, base: DecisionView | None
) -> DecisionView:
    motivation = v.limited(data.motivation, "Juryns motivering", v.MAX_LONG_TEXT, "motivation")
    overlap = set(data.winners) & set(data.mentions)
    if overlap:
        raise UserError("En nominering kan inte både vinna och få hedersomnämnande.", "mentions")
    decision_date = v.parse_date(data.decision_date, "Beslutsdatum", "decision_date")
    release_date = v.parse_date(data.release_date, "Pressmeddelandets datum", "release_date")
    quotes = _clean_quotes(data.quotes) if data.quotes is not None else None
    with db.session() as session:
        award_year = year_row(session, year)
        if award_year.record_kind is RecordKind.REGISTERED:
            if not data.winners and not data.mentions:
                raise UserError("Välj vinnaren (eller ett hedersomnämnande).", "winners")
        else:
            v.required(data.motivation, "Juryns motivering", "motivation")
            require_one_chair([juror_view(j) for j in award_year.jury], year)
            if not data.winners:
                raise UserError("Välj minst en vinnare.", "winners")
            if decision_date is None:
                raise UserError(
                    f"Beslutsdatum måste fyllas i för ett år som körs i programmet ({year}).",
                    "decision_date",
                )
        if (
            decision_date is not None
            and abs(decision_date.year - year) > 1
            and not data.date_confirmed
        ):
            raise DecisionDateQuestion(
                f"Beslutsdatumet {decision_date.isoformat()} ligger långt från prisåret "
                f"{year}. Stämmer det?",
                "decision_date",
            )
        chosen = {}
        for nomination_id in (*data.winners, *data.mentions):
            row = session.get(m.Nomination, nomination_id)
            if row is None or row.year_id != award_year.id:
                raise UserError(
                    f"Nomineringen (id {nomination_id}) hör inte till {year}.", "winners"
                )
            if row.status in NOT_DECIDABLE:
                raise UserError(
                    f"«{row.nominee_name}» är {row.status.label.lower()} och kan inte väljas.",
                    "winners",
                )
            chosen[nomination_id] = row
        decision = award_year.decision
        if base is not None:
            mine = _input_fields(data, motivation, decision_date, release_date, quotes)
            _check_decision(session, award_year, decision, base, mine)
        if decision is None:
            decision = m.Decision(year_id=award_year.id, motivation=motivation)
            session.add(decision)
        else:
            decision.placements.clear()
            # Every decision saved is a new version, whichever of its parts changed (the
            # placements and the year's quotes are rows of their own).
            flag_modified(decision, "motivation")
            session.flush()
        decision.motivation = motivation
        decision.decision_date = decision_date
        decision.release_date = release_date
        decision.headline = v.limited(data.headline, "Rubrik", 500, "headline")
        decision.lead = v.limited(data.lead, "Ingress", v.MAX_LONG_TEXT, "lead")
        decision.body = v.limited(data.body, "Brödtext", v.MAX_LONG_TEXT, "body")
        decision.keywords = v.limited(data.keywords, "Nyckelord", 1000, "keywords")
        decision.links = v.limited(data.links, "Länkar", 5000, "links")
        mention_texts = data.mention_motivations or {}
        for position, nomination_id in enumerate(data.winners):
            decision.placements.append(
                m.Placement(
                    nomination_id=nomination_id, kind=PlacementKind.WINNER, position=position
                )
            )
        for position, nomination_id in enumerate(data.mentions):
            decision.placements.append(
                m.Placement(
                    nomination_id=nomination_id,
                    kind=PlacementKind.HONOURABLE_MENTION,
                    position=position,
                    motivation=v.clean_text(mention_texts.get(nomination_id, "")),
                )
            )
        for row in award_year.nominations:
            if row.id in data.winners:
                row.status = S.WINNER
            elif row.id in data.mentions:
                row.status = S.HONOURABLE_MENTION
            elif row.status in (S.SHORTLISTED, S.WINNER, S.HONOURABLE_MENTION):
                row.status = S.NOT_SELECTED
        if quotes is not None:
            for old in list(award_year.quotes):
                session.delete(old)
            session.flush()
            for position, quote in enumerate(quotes):
                session.add(
                    m.Quote(
                        year_id=award_year.id,
                        person_id=quote.person_id,
                        speaker_name=quote.speaker_name,
                        speaker_title=quote.speaker_title,
                        intro=quote.intro,
                        text=quote.text,
                        position=position,
                    )
                )
        if award_year.status is not YearStatus.PUBLISHED:
            award_year.status = YearStatus.DECIDED
        session.flush()
    return get_decision(db, year) or _never()


DECISION_LABELS = {
    "winners": "Vinnare",
    "mentions": "Hedersomnämnanden",
    "motivation": "Juryns motivering",
    "mention_motivations": "Motiveringar till hedersomnämnandena",
    "decision_date": "Beslutsdatum",
    "release_date": "Pressmeddelandets datum",
    "headline": "Rubrik",
    "lead": "Ingress",
    "body": "Brödtext",
    "keywords": "Nyckelord",
    "links": "Länkar",
    "quotes": "Citat",
}


def empty_decision(year: int) -> DecisionView:
    """No decision recorded: the base of a dialog that opened before any (version 0)."""
    return DecisionView(year, "", None, None, "", "", "", "", "", (), (), version=0)


def decision_fields(view: DecisionView) -> dict[str, Any]:
    """A decision as plain comparable values, by the names of DECISION_LABELS."""
    return {
        "winners": tuple(p.nomination_id for p in view.winners),
        "mentions": tuple(p.nomination_id for p in view.mentions),
        "motivation": view.motivation,
        "mention_motivations": tuple(
            (p.nomination_id, p.motivation) for p in view.mentions if p.motivation
        ),
        "decision_date": view.decision_date,
        "release_date": view.release_date,
        "headline": view.headline,
        "lead": view.lead,
        "body": view.body,
        "keywords": view.keywords,
        "links": view.links,
        "quotes": tuple(
            QuoteInput(q.speaker_name, q.speaker_title, q.text, q.intro, q.person_id)
            for q in view.quotes
        ),
    }


def _input_fields(
    data: DecisionInput,
    motivation: str,
    decision_date: date | None,
    release_date: date | None,
    quotes: list[QuoteInput] | None,
) -> dict[str, Any]:
    """What a save writes, as :func:`decision_fields` names it (quotes None: kept)."""
    texts = data.mention_motivations or {}
    fields = {
        "winners": tuple(data.winners),
        "mentions": tuple(data.mentions),
        "motivation": motivation,
        "mention_motivations": tuple(
            (key, v.clean_text(texts.get(key, "")))
            for key in data.mentions
            if v.clean_text(texts.get(key, ""))
        ),
        "decision_date": decision_date,
        "release_date": release_date,
        "headline": v.limited(data.headline, "Rubrik", 500, "headline"),
        "lead": v.limited(data.lead, "Ingress", v.MAX_LONG_TEXT, "lead"),
        "body": v.limited(data.body, "Brödtext", v.MAX_LONG_TEXT, "body"),
        "keywords": v.limited(data.keywords, "Nyckelord", 1000, "keywords"),
        "links": v.limited(data.links, "Länkar", 5000, "links"),
    }
    if quotes is not None:
        fields["quotes"] = tuple(quotes)
    return fields


def _check_decision(
    session: Session,
    award_year: m.AwardYear,
    decision: m.Decision | None,
    base: DecisionView,
    mine: dict[str, Any],
) -> None:
    version = decision.version if decision is not None else 0
    if version == base.version:
        return
    stored = _decision_view(award_year) if decision is not None else None
    theirs = decision_fields(stored or empty_decision(award_year.year))
    seen = decision_fields(base)
    fields = [
        FieldConflict(name, DECISION_LABELS[name], seen[name], mine[name], theirs[name])
        for name in mine
        if mine[name] != theirs[name]
    ]
    if not any(field.changed_by_them for field in fields):
        return
    raise conflict_error(
        session,
        what=f"Beslutet för {award_year.year}",
        entity="decision",
        entity_id=decision.id if decision is not None else 0,
        seen={decision.id: base.version} if decision is not None else {},
        current_version=version,
        fields=fields,
        labels=DECISION_LABELS,
    )


def merged_input(
    data: DecisionInput, conflict: EditConflict, choice: dict[str, str]
) -> DecisionInput:
    """``data`` with each differing part taken from ``choice`` ("mine" / "theirs")."""
    merged = conflict.merged({f.name: f.mine for f in conflict.fields}, choice)
    changes: dict[str, Any] = {}
    for name, value in merged.items():
        if name in ("winners", "mentions"):
            changes[name] = list(value)
        elif name == "mention_motivations":
            changes[name] = dict(value)
        elif name == "quotes":
            changes[name] = list(value)
        else:
            changes[name] = value
    if "mentions" in changes and "mention_motivations" not in changes:
        kept = data.mention_motivations or {}
        changes["mention_motivations"] = {k: t for k, t in kept.items() if k in changes["mentions"]}
    return replace(data, **changes)


def _never() -> DecisionView:
    raise AssertionError("decision vanished inside its own transaction")


def get_decision(db: Database, year: int) -> DecisionView | None:
    with db.read_session() as session:
        return _decision_view(year_row(session, year))


def _decision_view(award_year: m.AwardYear) -> DecisionView | None:
    year = award_year.year
    decision = award_year.decision
    if decision is None:
        return None
    return DecisionView(
        year=year,
        motivation=decision.motivation,
        decision_date=decision.decision_date,
        release_date=decision.release_date,
        headline=decision.headline,
        lead=decision.lead,
        body=decision.body,
        keywords=decision.keywords,
        links=decision.links,
        placements=tuple(
            PlacementView(p.nomination_id, p.nomination.nominee_name, p.kind, p.motivation)
            for p in decision.placements
        ),
        quotes=tuple(quote_view(q) for q in award_year.quotes),
        version=decision.version,
    )


def list_contacts(db: Database, year: int | None = None) -> list[ContactView]:
    """Global press contacts, plus the year's own when ``year`` is given."""
    with db.read_session() as session:
        query = select(m.PressContact).where(m.PressContact.year_id.is_(None))
        rows = list(session.scalars(query.order_by(m.PressContact.position)))
        if year is not None:
            year_id = year_row(session, year).id
            rows += list(
                session.scalars(
                    select(m.PressContact)
                    .where(m.PressContact.year_id == year_id)
                    .order_by(m.PressContact.position)
                )
            )
        return [contact_view(row, year if row.year_id else None) for row in rows]


CONTACTS_LABELS = {"contacts": "Presskontakter"}


def _contact_lines(rows: Sequence[tuple[str, str, str, str]]) -> tuple[str, ...]:
    """The contacts as one line each, for comparing and for the conflict dialog."""
    return tuple(", ".join(part for part in row if part) for row in rows)


def save_contacts(
    db: Database,
    contacts: Sequence[ContactView],
    *,
    base: Sequence[ContactView] | None = None,
) -> list[ContactView]:
    """Replace the global press contacts with ``contacts`` (in that order).

    ``base`` is the list as the dialog opened it: when someone else has saved other
    contacts since, and they differ from these, nothing is written and EditConflictError
    shows both lists (keep mine: save again with the stored list as ``base``). Saving the
    list as it is stored writes nothing.
    """
    clean = []
    for number, contact in enumerate(contacts, start=1):
        try:
            clean.append(
                (
                    v.limited(v.required(contact.name, "Namn", "name"), "Namn", 200),
                    v.limited(contact.title, "Titel", 300),
                    v.email(contact.email),
                    v.phone(contact.phone),
                )
            )
        except UserError as error:
            raise UserError(f"Presskontakt {number}: {error.message}", error.field) from None
    with db.session() as session:
        stored = list(
            session.scalars(
                select(m.PressContact)
                .where(m.PressContact.year_id.is_(None))
                .order_by(m.PressContact.position)
            )
        )
        now = [(row.name, row.title, row.email, row.phone) for row in stored]
        if now == clean:
            return [contact_view(row) for row in stored]
        if base is not None:
            seen = [(c.name, c.title, c.email, c.phone) for c in base]
            if now != seen:
                versions = {c.id: c.version for c in base}
                versions.update({row.id: 0 for row in stored if row.id not in versions})
                raise conflict_error(
                    session,
                    what="Listan med presskontakter",
                    entity="press_contact",
                    entity_id=0,
                    seen=versions,
                    current_version=0,
                    fields=[
                        FieldConflict(
                            "contacts",
                            CONTACTS_LABELS["contacts"],
                            _contact_lines(seen),
                            _contact_lines(clean),
                            _contact_lines(now),
                        )
                    ],
                    labels=CONTACTS_LABELS,
                )
        for row in stored:
            session.delete(row)
        session.flush()
        for position, (name, title, email, phone) in enumerate(clean):
            session.add(
                m.PressContact(name=name, title=title, email=email, phone=phone, position=position)
            )
    return list_contacts(db)


def check_contacts(contacts: Sequence[ContactView]) -> None:
    """Validate press contacts without saving (a form checks all its parts before saving any).

    Raises the same UserError :func:`save_contacts` would ("Presskontakt 2: ...").
    """
    for number, contact in enumerate(contacts, start=1):
        try:
            v.limited(v.required(contact.name, "Namn", "name"), "Namn", 200)
            v.limited(contact.title, "Titel", 300)
            v.email(contact.email)
            v.phone(contact.phone)
        except UserError as error:
            raise UserError(f"Presskontakt {number}: {error.message}", error.field) from None
