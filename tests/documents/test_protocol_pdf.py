"""documents.protocol: the jury's protocol as a PDF, read back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from trygghetspris_desktop.documents.protocol import render_protocol
from trygghetspris_desktop.domain.protocol_data import (
    ProtocolConflict,
    ProtocolCriterion,
    ProtocolJuror,
    ProtocolNomination,
    ProtocolRankingRow,
    ProtocolRecord,
)

JURY = (
    ProtocolJuror("Alexander Ojanne", "social- och trygghetsborgarråd", True),
    ProtocolJuror("Veronica Carstorp Wolgast", "tf. socialdirektör"),
    ProtocolJuror("Mats Löfving", "regionpolischef"),
)
CRITERIA = (
    ProtocolCriterion("Nytänkande", "Prövar nya arbetssätt.", 2.0),
    ProtocolCriterion("Samverkan", "Över organisationsgränser.", 1.0),
)


def record(**changes) -> ProtocolRecord:  # type: ignore[no-untyped-def]
    values = dict(
        prize_name="Stockholms stads trygghetspris",
        organiser="Stockholms stad",
        year=2026,
        jury=JURY,
        criteria=CRITERIA,
        nominations=(
            ProtocolNomination(
                "IGOR",
                scores=((5, 4, 3), (2, 1, 4)),
                conflicted=(False, False, False),
                juror_means=(4.0, 3.0, 10 / 3),
            ),
            ProtocolNomination(
                "Trygga <gårdar> & co",
                scores=((3, None, 2), (3, None, 5)),
                conflicted=(False, True, False),
                juror_means=(3.0, None, 3.0),
            ),
        ),
        conflicts=(
            ProtocolConflict(
                "Veronica Carstorp Wolgast", "Trygga <gårdar> & co", "Styrelseledamot <b>2024</b>"
            ),
        ),
        ranking=(
            ProtocolRankingRow(1, "IGOR", 3.4444, 3.3333, 0.4157, 6, 3, 0),
            ProtocolRankingRow(2, "Trygga <gårdar> & co", 3.0, 3.0, 0.0, 4, 2, 1),
        ),
        winners=("IGOR",),
        mentions=("Trygga <gårdar> & co",),
        motivation="Juryns motivering, första stycket.\n\nAndra stycket 😀.",
        decision_date=date(2026, 10, 1),
    )
    values.update(changes)
    return ProtocolRecord(**values)  # type: ignore[arg-type]


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_protocol(record())


def test_protocol_lists_jury_criteria_scores_conflicts_ranking_decision(pdf: bytes) -> None:
    text = text_of(pdf)
    for expected in (
        "Juryprotokoll – Stockholms stads trygghetspris 2026",
        "Alexander Ojanne",
        "social- och trygghetsborgarråd",
        "Ordförande",
        "Nytänkande",
        "Prövar nya arbetssätt.",
        "Styrelseledamot <b>2024</b>",  # escaped: printed as typed
        "Trygga <gårdar> & co",
        "Rangordning",
        "3,44",
        "Vinnare: IGOR",
        "Hedersomnämnande: Trygga <gårdar> & co",
        "Beslutsdatum: 1 oktober 2026",
        "Juryns motivering, första stycket.",
        "Underskrifter",
        "Stockholm den 1 oktober 2026",
    ):
        assert expected in text, expected


def test_score_table_rows_read_back(pdf: bytes) -> None:
    text = text_of(pdf)
    # Criterion row: name (weight, scale) then one score per juror, in jury order.
    assert "Nytänkande (2, 1–5) 5 4 3" in text
    assert "Samverkan (1, 1–5) 2 1 4" in text
    assert "Viktat medel 4,00 3,00 3,33" in text
    # The conflicted juror's column says jäv instead of a score.
    assert "Nytänkande (2, 1–5) 3 jäv 2" in text
    assert "Viktat medel 3,00 jäv 3,00" in text


def test_landscape_metadata_embedded_fonts_and_determinism(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Juryprotokoll – Stockholms stads trygghetspris 2026"
    assert meta.author == "Stockholms stad"
    assert "/Lang" in reader.trailer["/Root"]
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            base = str(font.get_object()["/BaseFont"])
            assert "Helvetica" not in base, base
    assert render_protocol(record()) == pdf


def test_empty_parts_and_a_long_motivation_render() -> None:
    pdf = render_protocol(
        record(criteria=(), nominations=(), conflicts=(), ranking=(), motivation="ord " * 600)
    )
    text = text_of(pdf)
    assert "Inga kriterier var fastställda." in text
    assert "Ingen jurymedlem anmälde jäv." in text
    assert "Inga poäng har registrerats." in text
