"""The diploma with many or long organisations: it fits them, or refuses in words; never crashes.

Three organisations of about 290 characters, or thirty of about 24, once raised a TypeError
(a complex number from the square root of a negative height).
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_reading import page_texts

from trygghetspris_desktop.documents import DocumentError, render_diploma
from trygghetspris_desktop.documents.diploma import PAGE_SIZE, PRINT_MARGIN, DiplomaRenderer
from trygghetspris_desktop.documents.fonts import register_fonts
from trygghetspris_desktop.domain.award_record import AwardRecord


def _with(igor: AwardRecord, name: str, organisations: tuple[str, ...]) -> AwardRecord:
    winner = dataclasses.replace(igor.winners[0], name=name, organisations=organisations)
    return dataclasses.replace(igor, winners=(winner,))


def _thirty(length: int = 24) -> tuple[str, ...]:
    return tuple(f"Förening nr {i:02d} i Söderort"[:length].ljust(length, "x") for i in range(30))


def test_thirty_organisations_of_24_characters_fit_and_all_are_printed(igor) -> None:
    record = _with(igor, "IGOR", _thirty())
    (text,) = page_texts(render_diploma(record))
    squeezed = text.replace(" ", "")
    for organisation in _thirty():
        assert organisation.replace(" ", "") in squeezed
    assert "att stoppa mäns våld mot kvinnor - att rädda liv." in text  # the motivation too


def test_three_organisations_of_290_characters_are_refused_in_words(igor) -> None:
    long = tuple(("Samverkansorganisationen för trygghet " * 9)[:290] + f" {i}" for i in range(3))
    with pytest.raises(DocumentError) as caught:
        render_diploma(_with(igor, "IGOR", long))
    assert caught.value.field in {"motivation", "organisations"}
    assert "diplomet" in str(caught.value)


def test_organisations_that_fill_the_page_name_the_organisations(igor) -> None:
    with pytest.raises(DocumentError, match="Organisationerna för IGOR får inte plats") as caught:
        render_diploma(_with(igor, "IGOR", ("Ö" * 5000,)))
    assert caught.value.field == "organisations"


def test_one_short_organisation_is_set_as_before(igor) -> None:
    renderer = DiplomaRenderer(igor)
    renderer.fonts()
    organisations = "Polisen och Södermalms stadsdelsförvaltning"
    fitted = renderer.fit_organisations(organisations, igor.winners[0])
    assert (fitted.size, fitted.lines) == (16, 1)


_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ÅÄÖ-&", min_size=1, max_size=40)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    organisations=st.lists(
        st.builds(lambda word, n: (word * n)[:400], _words, st.integers(1, 40)), max_size=40
    ),
    name_length=st.integers(1, 700),
)
def test_any_organisations_and_name_lay_out_or_are_refused(
    igor, organisations: list[str], name_length: int
) -> None:
    register_fonts()
    name = ("Trygghetsvandrarna i Rinkeby " * 30)[:name_length].strip() or "X"
    record = _with(igor, name, tuple(organisations))
    renderer = DiplomaRenderer(record)
    renderer.fonts()
    try:
        layout = renderer.layout(record.winners[0], False)
    except DocumentError as error:
        assert error.field in {"name", "organisations", "motivation"}
        assert "diplomet" in str(error)
        return
    for wrapped, _x, top in layout.blocks:
        assert top - wrapped.height >= PRINT_MARGIN - 0.01
        assert top <= PAGE_SIZE[1] - PRINT_MARGIN
    motivation, _x, motivation_top = layout.blocks[-1]
    assert motivation.height <= layout.motivation_space + 0.01
    assert motivation_top - motivation.height >= layout.signature_line_y
