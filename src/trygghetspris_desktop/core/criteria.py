"""Use cases for a year's scoring criteria."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from trygghetspris_desktop.core import validation as v
from trygghetspris_desktop.core.concurrency import check_version, refuse_if_changed, retry_on_stale
from trygghetspris_desktop.core.convert import criterion_view
from trygghetspris_desktop.core.lookup import criterion_row, year_row
from trygghetspris_desktop.core.views import CriterionView
from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain import limits
from trygghetspris_desktop.domain.errors import UserError

# Drawn from the prize's purpose: to stimulate work that makes the city safer and whose
# methods can be carried over to other parts of the city.
DEFAULT_CRITERIA: tuple[tuple[str, str], ...] = (
    ("Nytänkande", "Prövar nya arbetssätt, metoder eller samarbetsformer."),
    ("Samverkan", "Arbetar tillsammans med andra aktörer över organisationsgränser."),
    ("Effekt på tryggheten", "Bidrar märkbart till en ökad trygghet i staden."),
    ("Överförbarhet", "Metoder och arbetssätt kan överföras till andra verksamheter i staden."),
)


def list_criteria(db: Database, year: int) -> list[CriterionView]:
    with db.read_session() as session:
        return [criterion_view(row) for row in year_row(session, year).criteria]


def _clean(
    name: str, description: str, weight: float | str, scale_min: int | str, scale_max: int | str
) -> tuple[str, str, float, int, int]:
    clean_name = v.limited(v.required(name, "Kriteriets namn", "name"), "Namn", 200, "name")
    try:
        clean_weight = float(str(weight).replace(",", "."))
    except ValueError:
        raise UserError(f"Vikten «{weight}» är inget tal.", "weight") from None
    if not clean_weight > 0:
        raise UserError("Vikten måste vara större än 0.", "weight")
    top = limits.number_range("weight")[1]
    if not clean_weight <= top:  # also infinity and NaN
        raise UserError(f"Vikten får vara högst {limits.swedish_number(top)}.", "weight")
    try:
        low, high = int(str(scale_min)[:20]), int(str(scale_max)[:20])
    except ValueError:
        raise UserError("Skalan måste anges med heltal.", "scale") from None
    bottom, ceiling = limits.integer_range("scale_max")
    if not (bottom <= low and high <= ceiling):
        raise UserError(f"Skalan måste ligga inom {bottom}–{ceiling}.", "scale")
    if low >= high:
        raise UserError(
            f"Skalan {low}–{high} är felaktig: lägsta måste vara mindre än högsta.", "scale"
        )
    return clean_name, v.clean_text(description), clean_weight, low, high


def scores_exist(db: Database, year: int) -> bool:
    with db.read_session() as session:
        year_id = year_row(session, year).id
        return bool(
            session.scalar(
                select(func.count())
                .select_from(m.Score)
                .join(m.Criterion, m.Criterion.id == m.Score.criterion_id)
                .where(m.Criterion.year_id == year_id)
            )
        )


def add_criterion(
    db: Database,
    year: int,
    name: str,
    description: str = "",
    weight: float | str = 1.0,
    scale_min: int | str = 1,
    scale_max: int | str = 5,
) -> CriterionView:
    clean = _clean(name, description, weight, scale_min, scale_max)
    with db.session() as session:
        award_year = year_row(session, year)
        if any(c.name.lower() == clean[0].lower() for c in award_year.criteria):
            raise UserError(f"Kriteriet «{clean[0]}» finns redan {year}.", "name")
        row = m.Criterion(
            year_id=award_year.id,
            name=clean[0],
            description=clean[1],
            weight=clean[2],
            scale_min=clean[3],
            scale_max=clean[4],
            position=max((c.position for c in award_year.criteria), default=-1) + 1,
        )
        session.add(row)
        session.flush()
        return criterion_view(row)


CRITERION_LABELS = {
    "name": "Namn",
    "description": "Beskrivning",
    "weight": "Vikt",
    "scale_min": "Skalans lägsta",
    "scale_max": "Skalans högsta",
}


def get_criterion(db: Database, criterion_id: int) -> CriterionView:
    with db.read_session() as session:
        return criterion_view(criterion_row(session, criterion_id))


def update_criterion(
    db: Database,
    criterion_id: int,
    name: str,
    description: str = "",
    weight: float | str = 1.0,
    scale_min: int | str = 1,
    scale_max: int | str = 5,
    *,
    base: CriterionView | None = None,
) -> CriterionView:
    """Change a criterion.

    ``base`` is the criterion as the dialog opened it: a newer version saved meanwhile that
    differs in a field this save writes raises EditConflictError and writes nothing.
    """
    clean = _clean(name, description, weight, scale_min, scale_max)
    mine = dict(zip(CRITERION_LABELS, clean, strict=True))

    def attempt() -> CriterionView:
        with db.session() as session:
            row = criterion_row(session, criterion_id)
            if base is not None:
                check_version(
                    session,
                    row,
                    base_version=base.version,
                    base={key: getattr(base, key) for key in mine},
                    mine=mine,
                    theirs={key: getattr(row, key) for key in mine},
                    what=f"Kriteriet «{row.name}»",
                    labels=CRITERION_LABELS,
                )
            return _store(session, row, criterion_id, clean)

    return retry_on_stale(attempt)


def _store(
    session: Session, row: m.Criterion, criterion_id: int, clean: tuple[str, str, float, int, int]
) -> CriterionView:
    """Write ``clean`` into the row; refused while stored scores lie outside the new scale."""
    outside = session.scalar(
        select(func.count()).where(
            m.Score.criterion_id == criterion_id,
            (m.Score.value < clean[3]) | (m.Score.value > clean[4]),
        )
    )
    if outside:
        raise UserError(
            f"{outside} poäng ligger utanför den nya skalan {clean[3]}–{clean[4]}. "
            "Ändra dem först.",
            "scale",
        )
    row.name, row.description, row.weight = clean[0], clean[1], clean[2]
    row.scale_min, row.scale_max = clean[3], clean[4]
    session.flush()
    return criterion_view(row)


def remove_criterion(db: Database, criterion_id: int, *, base: CriterionView | None = None) -> None:
    """Remove a criterion with its scores; with ``base`` (the criterion as the list showed
    it) refused when someone changed it since (ChangedMeanwhileError)."""
    with db.session() as session:
        row = criterion_row(session, criterion_id)
        if base is not None:
            refuse_if_changed(
                session,
                f"Kriteriet «{row.name}»",
                {row.id: base.version},
                {row.id: row.version},
                "criterion",
            )
        for score in session.scalars(select(m.Score).where(m.Score.criterion_id == criterion_id)):
            session.delete(score)
        session.flush()  # scores first (audited), before the database cascade could take them
        session.delete(row)


def add_default_criteria(db: Database, year: int) -> list[CriterionView]:
    existing = {c.name.lower() for c in list_criteria(db, year)}
    for name, description in DEFAULT_CRITERIA:
        if name.lower() not in existing:
            add_criterion(db, year, name, description)
    return list_criteria(db, year)
