"""The press release's wording rules, and its plain-text and HTML forms."""

from __future__ import annotations

import dataclasses

import pytest
from pdf_reading import all_text

from trygghetspris_desktop.documents import (
    press_release_html,
    press_release_text,
    render_press_release_pdf,
)
from trygghetspris_desktop.documents.press_text import (
    history_sentence,
    press_release_blocks,
    quote_sentence,
)
from trygghetspris_desktop.domain.award_record import Contact, JuryMember, Laureate, Quote


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi är stolta", "– Vi är stolta, säger Anna Berg, ordförande."),
        ("Vi är stolta.", "– Vi är stolta, säger Anna Berg, ordförande."),
        ("Vad gör vi nu?", "– Vad gör vi nu? säger Anna Berg, ordförande."),
        ("Äntligen!", "– Äntligen! säger Anna Berg, ordförande."),
        ("– Redan med tankstreck.", "– Redan med tankstreck, säger Anna Berg, ordförande."),
        ("Och sedan…", "– Och sedan… säger Anna Berg, ordförande."),
    ],
)
def test_quote_punctuation(text: str, expected: str) -> None:
    assert quote_sentence(Quote("Anna Berg", "ordförande", text)) == expected


def test_quote_without_title_or_text() -> None:
    assert quote_sentence(Quote("Mats Löfving", "", "Bra.")) == "– Bra, säger Mats Löfving."
    assert quote_sentence(Quote("Mats Löfving", "x", "  ")) == ""


def test_history_sentence_is_robust(igor) -> None:
    expected = (
        "Trygghetspriset har delats ut årligen sedan 2012 i syfte att stimulera verksamheter "
        "som bidrar till en ökad trygghet i staden."
    )
    assert history_sentence(igor) == expected
    for typed in (
        "att stimulera verksamheter som bidrar till en ökad trygghet i staden.",
        "i syfte att stimulera verksamheter som bidrar till en ökad trygghet i staden",
    ):
        assert history_sentence(dataclasses.replace(igor, purpose=typed)) == expected
    assert (
        history_sentence(dataclasses.replace(igor, purpose=""))
        == "Trygghetspriset har delats ut årligen sedan 2012."
    )
    first = dataclasses.replace(igor, year=2012, purpose="")
    assert history_sentence(first) == "Trygghetspriset delas i år ut för första gången."


def test_default_headline_comes_from_the_template(igor) -> None:
    record = dataclasses.replace(igor, headline="")
    expected = "Projektet IGOR får Stockholms stads trygghetspris 2022"
    assert press_release_blocks(record)[2].lines == (expected,)
    own = dataclasses.replace(igor, headline="Egen rubrik")
    assert "Egen rubrik" in press_release_text(own)
    assert expected not in press_release_text(own)


def test_empty_sections_are_left_out(igor) -> None:
    bare = dataclasses.replace(
        igor,
        jury=(),
        motivation="",
        contacts=(),
        keywords=(),
        links=(),
        release_date=None,
        decision_date=None,
        winners=(Laureate("IGOR"),),
    )
    text = press_release_text(bare)
    for heading in ("Juryn som", "Juryns motivering", "Kontakter", "Nyckelord", "Länkar", "* "):
        assert heading not in text
    assert "november" not in text  # no date is invented
    full = dataclasses.replace(
        igor, keywords=("trygghet", "Södermalm"), links=("https://example.se/igor",)
    )
    text = press_release_text(full)
    assert "Nyckelord\n\ntrygghet, Södermalm" in text
    assert "Länkar\n\nhttps://example.se/igor" in text


def test_text_html_and_pdf_say_the_same_in_the_same_order(igor) -> None:
    record = dataclasses.replace(
        igor,
        keywords=("trygghet",),
        contacts=(*igor.contacts, Contact("Per Ek", "Presschef", phone="08-123")),
        second_signatory=JuryMember("X", "Y"),
    )
    text = press_release_text(record)
    html = press_release_html(record)
    pdf_text = all_text(render_press_release_pdf(record))
    for block in press_release_blocks(record):
        for line in block.lines:
            assert line in text
            assert line in pdf_text, line
    landmarks = ["Juryns motivering:", "Nyckelord", "Kontakter", "Presschef: Per Ek", "Om Stock"]
    for document in (text, html, pdf_text):
        positions = [document.find(mark) for mark in landmarks]
        assert -1 not in positions and positions == sorted(positions)


def test_html_is_a_complete_escaped_document(igor) -> None:
    record = dataclasses.replace(
        igor, headline='<script>alert("x")</script> & co', lead="<b>fet</b> &amp; 'citat'"
    )
    html = press_release_html(record)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="sv">' in html and '<meta charset="utf-8">' in html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert "&lt;b&gt;fet&lt;/b&gt; &amp;amp; &#x27;citat&#x27;" in html
    assert html.rstrip().endswith("</html>")
