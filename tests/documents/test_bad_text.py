"""User text appears exactly as typed, whatever it contains; nothing crashes the renderers."""

from __future__ import annotations

import dataclasses
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_reading import all_text, reader

from trygghetspris_desktop.documents import (
    DocumentError,
    press_release_html,
    press_release_text,
    render_diploma,
    render_press_release_pdf,
)
from trygghetspris_desktop.domain.award_record import JuryMember, Laureate, Organiser, Quote

NASTY = "Föreningen <b>Fet</b> &amp; \"Citat\" 'enkla' <unclosed & <br/> </para> 😀 ✓ 漢字"


def test_markup_is_shown_literally_in_both_pdfs(igor) -> None:
    record = dataclasses.replace(
        igor,
        winners=(Laureate(NASTY, organisations=("<i>Org</i>",)),),
        motivation=NASTY,
        lead=NASTY,
    )
    for pdf in (render_diploma(record), render_press_release_pdf(record)):
        text = all_text(pdf)
        for literal in ("<b>Fet</b>", "&amp;", '"Citat"', "'enkla'", "<unclosed &", "<br/>"):
            assert literal in text
        assert "😀" in text and "✓" in text
        assert "\ufffd" in text  # characters no bundled font has are visibly replaced


def test_control_characters_do_not_break_the_pdf(igor) -> None:
    dirty = "Rad ett\x00\x07\x1b\r\nRad två\x0bRad tre\u2028slut\x7f\x9f"
    record = dataclasses.replace(igor, motivation=dirty, winners=(Laureate("IG\x00OR"),))
    for pdf in (render_diploma(record), render_press_release_pdf(record)):
        text = all_text(pdf)
        assert "Rad ett" in text and "Rad två" in text and "Rad tre" in text
        assert "IGOR" in text
        assert "\x00" not in text
    assert "\x00" not in press_release_text(record)
    assert "\x07" not in press_release_html(record)


def test_2000_characters_of_motivation_flow_onto_more_pages(igor) -> None:
    short = dataclasses.replace(igor, quotes=(), organiser=Organiser("Stockholms stad"))
    assert len(reader(render_press_release_pdf(short)).pages) == 1
    motivation = ("Juryn har särskilt uppmärksammat arbetet. " * 50)[:2000]
    record = dataclasses.replace(short, motivation=motivation)
    pdf = render_press_release_pdf(record)
    pages = reader(pdf).pages
    assert len(pages) == 2
    text = all_text(pdf)
    assert text.count("Juryn har särskilt uppmärksammat arbetet.") == 47
    assert f"Sida 1 av {len(pages)}" in text
    assert f"Sida {len(pages)} av {len(pages)}" in text


def test_a_one_page_press_release_has_no_page_number(igor) -> None:
    record = dataclasses.replace(igor, quotes=(), organiser=Organiser("Stockholms stad"))
    pdf = render_press_release_pdf(record)
    assert len(reader(pdf).pages) == 1
    assert "Sida" not in all_text(pdf)


any_text = st.text(max_size=300)
some_text = st.text(
    alphabet=st.characters(codec=None) | st.sampled_from([*string.printable, "\x00"]),
    max_size=80,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=some_text,
    motivation=any_text,
    lead=any_text,
    quote=any_text,
    title=some_text,
    keyword=some_text,
    mention=some_text,
)
def test_random_text_never_crashes(igor, name, motivation, lead, quote, title, keyword, mention):
    record = dataclasses.replace(
        igor,
        prize_name=title,
        headline=title,
        lead=lead,
        body=quote,
        motivation=motivation,
        winners=(Laureate(name, full_name=title, organisations=(title, mention)),),
        mentions=(Laureate(mention, motivation=motivation),),
        jury=(JuryMember(name, title, is_chair=True), JuryMember(mention, keyword)),
        quotes=(Quote(name, title, quote, intro=keyword),),
        keywords=(keyword,),
        links=(keyword,),
    )
    try:
        diploma = render_diploma(record)
    except DocumentError as error:
        assert error.field in {"motivation", "name"}, str(error)
    else:
        assert len(reader(diploma).pages) == 2
    press = render_press_release_pdf(record)
    assert len(reader(press).pages) >= 1
    text = press_release_text(record)
    html = press_release_html(record)
    assert html.startswith("<!DOCTYPE html>")
    assert "\x00" not in text and "\x00" not in html
