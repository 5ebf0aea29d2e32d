"""The 2022 press release, rendered from the typed-in record, says everything the city's did."""

from __future__ import annotations

import re
from pathlib import Path

import igor as seed
from pdf_reading import all_text, normalise

from trygghetspris_desktop.documents import render_press_release_pdf

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(normalise(text)) if s]


def expected_sentences() -> list[str]:
    """Every sentence of the seed's body that our record carries."""
    expected = sentences(seed.LEAD) + sentences(seed.BODY)
    for quote in (seed.QUOTE_OJANNE, seed.QUOTE_LOFVING, seed.QUOTE_OSTERBERG):
        expected += sentences(quote)
    expected += [seed.INTRO_LOFVING, seed.INTRO_OSTERBERG]
    expected += [f"{m.name}, {m.title}" for m in seed.JURY]
    expected += ["Alexander Ojanne, social- och trygghetsborgarråd (ordf.)"]
    expected += ["Juryn som fattat beslut om årets vinnare är:", "Juryns motivering:"]
    expected += sentences(seed.MOTIVATION)
    expected += ["* IGOR står för I gemensam organisation mot relationsvåld."]
    expected += [
        "Kommunikationschef socialförvaltningen: Mona Thorin",
        "mona.thorin@stockholm.se, 0850825106",
    ]
    expected += ["Om Stockholms stad", *sentences(seed.ABOUT_TEXT)]
    expected += ["Ragnar Östbergs plan 1", "105 35 Stockholm", "08 508 290 00"]
    expected += ["http://start.stockholm"]
    expected += [
        "Trygghetspriset har delats ut årligen sedan 2012 i syfte att stimulera verksamheter "
        "som bidrar till en ökad trygghet i staden."
    ]
    return expected


def test_pdf_contains_every_sentence_of_the_seed(igor) -> None:
    text = all_text(render_press_release_pdf(igor))
    missing = [s for s in expected_sentences() if s not in text]
    assert missing == []
    assert len(expected_sentences()) > 40  # the check really covers the whole release


def test_quotes_end_with_who_said_them(igor) -> None:
    text = all_text(render_press_release_pdf(igor))
    assert (
        "därigenom även rädda liv, säger Alexander Ojanne, social- och trygghetsborgarråd "
        "samt juryns ordförande." in text
    )
    assert "– Arbetet med att stoppa" in text


def test_sections_come_in_the_seeds_order(igor) -> None:
    text = all_text(render_press_release_pdf(igor))
    landmarks = [
        "Stockholms stad",
        "17 november 2022",
        "Projektet IGOR får Stockholms stads trygghetspris 2022",
        "Vid årets Trygghetskonferens",
        "Priset är tänkt",
        "– Mäns våld",
        "Trygghetspriset har delats ut",
        "Juryn som fattat beslut",
        "Juryns motivering:",
        "* IGOR står för",
        "Kontakter",
        "Om Stockholms stad",
    ]
    positions = [text.find(mark) for mark in landmarks]
    assert -1 not in positions
    assert positions == sorted(positions)


def _seed_file() -> Path | None:
    here = Path(__file__).resolve()
    for base in here.parents:
        for candidate in (
            base / "resources" / "seed" / "press-release-2022-igor.txt",
            base / "shared" / "seed" / "press-release-2022-igor.txt",
            base.parent / "shared" / "seed" / "press-release-2022-igor.txt",
        ):
            if candidate.is_file():
                return candidate
    return None


def test_fixture_texts_are_verbatim_from_the_seed() -> None:
    path = _seed_file()
    assert path is not None, "resources/seed/press-release-2022-igor.txt is missing"
    source = normalise(path.read_text(encoding="utf-8"))
    texts = [seed.LEAD, seed.BODY, seed.QUOTE_OJANNE, seed.QUOTE_LOFVING, seed.QUOTE_OSTERBERG]
    texts += [seed.INTRO_LOFVING, seed.INTRO_OSTERBERG]
    texts += seed.MOTIVATION.split("\n\n") + seed.ABOUT_TEXT.split("\n\n")
    assert [t for t in texts if normalise(t) not in source] == []


def test_the_shipped_2022_data_renders_every_sentence_of_the_seed(db) -> None:
    """The same check on the data a new data folder starts with (resources/seed, imported)."""
    from trygghetspris_desktop.core.records import award_record

    text = all_text(render_press_release_pdf(award_record(db, 2022)))
    missing = [s for s in expected_sentences() if s not in text]
    assert missing == []
    assert "Projektet IGOR får Stockholms stad trygghetspris 2022" in text  # the seed's headline
