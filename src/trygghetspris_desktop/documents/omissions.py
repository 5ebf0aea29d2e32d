"""What a year's documents will leave out because it is not known, said before they are made.

A year registered afterwards may lack its chair, jury, motivation or dates. The documents
never print a placeholder for them: they leave the part out (the diploma's signature line,
the press release's jury list and motivation heading) or print less (only the year in the
date line). These functions say so in plain Swedish, so the window and the command line can
tell the user first: "Diplomet får ingen underskrift: juryns ordförande 2013 är inte känd."
"""

from __future__ import annotations

from trygghetspris_desktop.documents.text import one_line, paragraphs
from trygghetspris_desktop.domain.award_record import AwardRecord


def _has_motivation(record: AwardRecord) -> bool:
    return any(paragraphs(w.motivation or record.motivation) for w in record.winners) or bool(
        paragraphs(record.motivation)
    )


def diploma_omissions(record: AwardRecord) -> list[str]:
    """What the diploma of ``record`` leaves out, one sentence each (empty: nothing)."""
    year = record.year
    missing = []
    if record.chair is None or not one_line(record.chair.name):
        missing.append(f"Diplomet får ingen underskrift: juryns ordförande {year} är inte känd.")
    if record.winners and not _has_motivation(record):
        missing.append(f"Diplomet får ingen motivering: juryns motivering {year} är inte känd.")
    if record.decision_date is None and record.ceremony_date is None:
        missing.append(
            f"Diplomets datumrad visar bara årtalet: dagen för beslutet och prisutdelningen "
            f"{year} är inte kända."
        )
    return missing


def press_release_omissions(record: AwardRecord) -> list[str]:
    """What the press release of ``record`` leaves out, one sentence each."""
    year = record.year
    missing = []
    if record.release_date is None and record.decision_date is None:
        missing.append(
            f"Pressmeddelandet får ingen datumrad: pressmeddelandets datum och beslutsdagen "
            f"{year} är inte kända."
        )
    if not paragraphs(record.lead):
        missing.append("Pressmeddelandet får ingen ingress (fyll i den under Fatta beslut).")
    jury = [member for member in record.jury if one_line(member.name)]
    if not jury:
        missing.append(f"Pressmeddelandet får ingen jurylista: juryn {year} är inte känd.")
    elif not any(member.is_chair for member in jury):
        missing.append(
            f"Jurylistan får ingen ordförande (ordf.): juryns ordförande {year} är inte känd."
        )
    if not _has_motivation(record):
        missing.append(
            f"Pressmeddelandet får ingen motivering: juryns motivering {year} är inte känd."
        )
    if not one_line(record.theme):
        missing.append(f"Årets tema nämns inte: temat {year} är inte känt.")
    if not one_line(record.ceremony_event) and record.ceremony_date is None:
        missing.append(f"Prisutdelningen nämns inte: evenemang och datum {year} är inte kända.")
    if record.prize_amount is None:
        missing.append(f"Prissumman nämns inte: prissumman {year} är inte känd.")
    if not record.quotes:
        missing.append("Pressmeddelandet får inga citat.")
    return missing
