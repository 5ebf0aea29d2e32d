"""The jury's protocol of one year as plain data (:class:`ProtocolRecord`), built from the DB.

The protocol records how the decision was reached: the jury, the criteria, every score
(juror × nomination × criterion), the declared conflicts of interest with their reasons,
the ranking the scores gave, and the decision with its motivation. It is a read use case:
nothing here changes data. The renderer is :func:`documents.protocol.render_protocol`.

Which nominations are listed: every shortlisted one (and those decided on), plus any other
eligible nomination that some juror scored or declared a conflict for.
"""

from __future__ import annotations

from trygghetspris_desktop.core.decisions import get_decision
from trygghetspris_desktop.core.lookup import settings_row, year_row
from trygghetspris_desktop.core.scoring import SHORTLIST, score_sheet
from trygghetspris_desktop.core.tally import juror_value, tally
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.domain.protocol_data import (
    ProtocolConflict,
    ProtocolCriterion,
    ProtocolJuror,
    ProtocolNomination,
    ProtocolRankingRow,
    ProtocolRecord,
)

__all__ = ["ProtocolRecord", "protocol_record"]


def protocol_record(db: Database, year: int) -> ProtocolRecord:
    """The protocol of ``year``; a year without a jury or a decision is a UserError."""
    with db.read_session() as session:
        settings = settings_row(session)
        award_year = year_row(session, year)
        prize_name, organiser, place = settings.prize_name, settings.organiser, settings.place
        theme = award_year.theme
        has_jury = bool(award_year.jury)
    if not has_jury:
        raise UserError(
            f"Prisåret {year} har ingen jury: lägg till juryn under fliken Jury först.", "jury"
        )
    decision = get_decision(db, year)
    if decision is None or not decision.placements:
        raise UserError(
            f"Prisåret {year} har inget beslut ännu: fatta beslut under fliken Jury "
            "innan juryprotokollet kan skapas.",
            "decision",
        )
    sheet = score_sheet(db, year, all_eligible=True)
    decided = {p.nomination_id for p in decision.placements}
    touched = {n for (_j, n, _c) in sheet.scores} | {n for (_j, n) in sheet.conflicts}
    nominations = tuple(
        n for n in sheet.nominations if n.status in SHORTLIST or n.id in decided or n.id in touched
    )
    sheet = type(sheet)(
        year=sheet.year,
        jurors=sheet.jurors,
        criteria=sheet.criteria,
        nominations=nominations,
        scores=sheet.scores,
        conflicts=sheet.conflicts,
    )
    jurors = sheet.jurors
    names = {n.id: n.nominee_name for n in nominations}
    juror_names = {j.id: j.name for j in jurors}
    return ProtocolRecord(
        prize_name=prize_name,
        organiser=organiser,
        place=place or "Stockholm",
        year=year,
        theme=theme,
        jury=tuple(ProtocolJuror(j.name, j.title, j.is_chair) for j in jurors),
        criteria=tuple(
            ProtocolCriterion(c.name, c.description, c.weight, c.scale_min, c.scale_max)
            for c in sheet.criteria
        ),
        nominations=tuple(
            ProtocolNomination(
                name=n.nominee_name,
                full_name=n.full_name,
                organisations=n.organisations,
                status=n.status.label,
                scores=tuple(
                    tuple(sheet.scores.get((j.id, n.id, c.id)) for j in jurors)
                    for c in sheet.criteria
                ),
                conflicted=tuple((j.id, n.id) in sheet.conflicts for j in jurors),
                juror_means=tuple(
                    None if (j.id, n.id) in sheet.conflicts else juror_value(sheet, j.id, n.id)
                    for j in jurors
                ),
            )
            for n in nominations
        ),
        conflicts=tuple(
            ProtocolConflict(juror_names[j], names[n], reason)
            for j_view in jurors
            for n_view in nominations
            for (j, n), reason in sheet.conflicts.items()
            if j == j_view.id and n == n_view.id
        ),
        ranking=tuple(
            ProtocolRankingRow(
                rank=row.rank,
                nominee_name=row.nominee_name,
                mean=row.mean,
                median=row.median,
                spread=row.spread,
                score_count=row.score_count,
                juror_count=row.juror_count,
                conflicts=row.conflicts,
            )
            for row in tally(sheet)
        ),
        winners=tuple(p.nominee_name for p in decision.winners),
        mentions=tuple(p.nominee_name for p in decision.mentions),
        motivation=decision.motivation,
        decision_date=decision.decision_date,
    )
