"""The diploma: what it says, page per laureate, fitting, dates, limits."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from pdf_reading import page_texts, reader
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from trygghetspris_desktop.documents import DocumentError, max_motivation_length, render_diploma
from trygghetspris_desktop.documents.diploma import PRINT_MARGIN, DiplomaRenderer
from trygghetspris_desktop.documents.text import clean
from trygghetspris_desktop.domain.award_record import JuryMember, Laureate

WIDTH, HEIGHT = landscape(A4)


def test_igor_diploma_says_what_a_diploma_says(igor) -> None:
    (text,) = page_texts(render_diploma(igor))
    for expected in (
        "Stockholms stads trygghetspris 2022",
        "tilldelas",
        "IGOR",
        "Polisen och Södermalms stadsdelsförvaltning",
        "2022 års Trygghetspris tilldelas projektet IGOR",
        "att stoppa mäns våld mot kvinnor - att rädda liv.",
        "Stockholm den 17 november 2022",
        "Alexander Ojanne",
        "social- och trygghetsborgarråd",
    ):
        assert expected in text


def test_page_is_a4_landscape(igor) -> None:
    page = reader(render_diploma(igor)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(WIDTH, abs=0.01)
    assert float(page.mediabox.height) == pytest.approx(HEIGHT, abs=0.01)


def test_one_page_per_winner_and_mention(igor) -> None:
    record = dataclasses.replace(
        igor,
        winners=(*igor.winners, Laureate("Nattvandrarna", organisations=("Fryshuset",))),
        mentions=(Laureate("Grannsamverkan Bagarmossen", motivation="För ett troget arbete."),),
    )
    texts = page_texts(render_diploma(record))
    assert len(texts) == 3
    assert "tilldelas" in texts[0] and "IGOR" in texts[0]
    assert "tilldelas" in texts[1] and "Nattvandrarna" in texts[1]
    assert "Hedersomnämnande" in texts[2] and "tilldelas" not in texts[2]
    assert "För ett troget arbete." in texts[2]
    assert "2022 års Trygghetspris" not in texts[2]  # the winner's motivation is not the mention's


def test_no_laureate_is_a_user_error(igor) -> None:
    with pytest.raises(DocumentError, match="ingen vinnare") as caught:
        render_diploma(dataclasses.replace(igor, winners=(), mentions=()))
    assert caught.value.field == "winners"


def test_only_a_mention_still_gives_a_diploma(igor) -> None:
    record = dataclasses.replace(igor, winners=(), mentions=(Laureate("Fältassistenterna"),))
    (text,) = page_texts(render_diploma(record))
    assert "Hedersomnämnande" in text and "Fältassistenterna" in text


@pytest.mark.parametrize(
    ("decision", "ceremony", "expected"),
    [
        (date(2022, 11, 17), date(2022, 11, 10), "Stockholm den 17 november 2022"),
        (None, date(2021, 11, 11), "Stockholm den 11 november 2021"),
        (None, None, "Stockholm 2022"),
    ],
)
def test_place_and_date(igor, decision, ceremony, expected) -> None:
    record = dataclasses.replace(igor, decision_date=decision, ceremony_date=ceremony)
    (text,) = page_texts(render_diploma(record))
    assert expected in text
    if decision is None and ceremony is None:
        assert " den " not in text


def test_second_signatory(igor) -> None:
    second = JuryMember("Veronica Carstorp Wolgast", "tf. socialdirektör, Stockholms stad")
    (text,) = page_texts(render_diploma(dataclasses.replace(igor, second_signatory=second)))
    assert "Alexander Ojanne" in text and "Veronica Carstorp Wolgast" in text
    assert "tf. socialdirektör, Stockholms stad" in text


LONG_NAME = (
    "Föreningen för trygga och levande stadsdelar i Hässelby, Vällingby och Spånga "
    "med omnejd samt Nattvandrarna i Söderort"
)


def test_long_name_shrinks_then_wraps_and_is_never_clipped(igor) -> None:
    record = dataclasses.replace(igor, winners=(Laureate(LONG_NAME),))
    renderer = DiplomaRenderer(record)
    renderer.fonts()
    short = renderer.fit_name(igor.winners[0])
    fitted = renderer.fit_name(record.winners[0])
    assert short.lines == 1
    assert fitted.lines == 2 and fitted.size < short.size
    (text,) = page_texts(render_diploma(record))
    assert LONG_NAME in text


def test_medium_name_shrinks_to_stay_on_one_line(igor) -> None:
    name = "Trygghetsvandringarna i Skärholmen och Vårberg"
    renderer = DiplomaRenderer(igor)
    renderer.fonts()
    fitted = renderer.fit_name(Laureate(name))
    assert fitted.lines == 1
    assert fitted.size < renderer.fit_name(igor.winners[0]).size


def test_every_text_stays_inside_the_print_margin(igor) -> None:
    record = dataclasses.replace(
        igor,
        winners=(Laureate(LONG_NAME, organisations=("Polisen", "Stockholmshem AB")),),
        second_signatory=JuryMember("Veronica Carstorp Wolgast", "tf. socialdirektör"),
    )
    page = reader(render_diploma(record)).pages[0]
    origins: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            origins.append((x, y, text))

    page.extract_text(visitor_text=visit)
    assert len(origins) > 10
    for x, y, text in origins:
        assert PRINT_MARGIN < x < WIDTH - PRINT_MARGIN, text
        assert PRINT_MARGIN < y < HEIGHT - PRINT_MARGIN, text
    assert 15 * mm <= PRINT_MARGIN


def test_crop_marks_enlarge_the_sheet_and_keep_an_a4_trim_box(igor) -> None:
    page = reader(render_diploma(igor, crop_marks=True)).pages[0]
    assert float(page.mediabox.width) > WIDTH + 10 * mm
    assert float(page.trimbox.width) == pytest.approx(WIDTH, abs=0.01)
    assert float(page.trimbox.height) == pytest.approx(HEIGHT, abs=0.01)
    plain = reader(render_diploma(igor)).pages[0]
    assert float(plain.mediabox.width) == pytest.approx(WIDTH, abs=0.01)


MESSAGE = re.compile(
    r"^Juryns motivering är för lång för diplomet: (\d[\d ]*) tecken för mycket "
    r"\(högst (\d[\d ]*)\)\.$"
)


def _number(text: str) -> int:
    return int(text.replace(" ", ""))


def test_too_long_motivation_says_by_how_much(igor) -> None:
    motivation = (igor.motivation.replace("\n\n", " ") + " ") * 3  # about 2 600 characters
    record = dataclasses.replace(igor, motivation=motivation)
    with pytest.raises(DocumentError) as caught:
        render_diploma(record)
    match = MESSAGE.match(str(caught.value))
    assert match, str(caught.value)
    excess, limit = _number(match[1]), _number(match[2])
    assert excess + limit == len(clean(motivation))
    assert (caught.value.excess, caught.value.limit) == (excess, limit)
    # The limit is measured: the allowed text prints, a little more does not.
    render_diploma(dataclasses.replace(igor, motivation=motivation[:limit]))
    with pytest.raises(DocumentError):
        render_diploma(dataclasses.replace(igor, motivation=motivation[: limit + 12]))


def test_motivation_shrinks_before_it_fails(igor) -> None:
    renderer = DiplomaRenderer(igor)
    renderer.fonts()
    layout = renderer.layout(igor.winners[0], False)
    short = renderer.fit_motivation("Kort motivering.", layout.motivation_space, igor.winners[0])
    full = renderer.fit_motivation(igor.motivation, layout.motivation_space, igor.winners[0])
    assert full.size < short.size
    assert full.height <= layout.motivation_space


def test_max_motivation_length_matches_what_prints(igor) -> None:
    limit = max_motivation_length()
    assert 900 < limit < 3000
    prose = (igor.motivation.replace("\n\n", " ") + " ") * 4
    render_diploma(dataclasses.replace(igor, motivation=prose[: int(limit * 0.9)]))
    with pytest.raises(DocumentError):
        render_diploma(dataclasses.replace(igor, motivation=prose[: int(limit * 1.15)]))


def test_motivation_of_2000_characters_is_refused_not_crashed(igor) -> None:
    record = dataclasses.replace(igor, motivation="Lång motivering. " * 118)
    with pytest.raises(DocumentError, match="tecken för mycket"):
        render_diploma(record)
