"""The logo (the organiser's own, or the neutral emblem) and Swedish dates."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from pdf_reading import reader
from PIL import Image

from trygghetspris_desktop.documents import (
    DocumentError,
    render_diploma,
    render_press_release_pdf,
)
from trygghetspris_desktop.documents.dates import place_and_date, swedish_date
from trygghetspris_desktop.resources import resource_path


def _image_count(pdf: bytes) -> int:
    count = 0
    for page in reader(pdf).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        count += sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")
    return count


def test_default_logo_is_the_vector_emblem_not_an_image(igor) -> None:
    pdf = render_diploma(igor)
    assert _image_count(pdf) == 0
    assert resource_path("images", "emblem.png").stat().st_size > 1000


@pytest.mark.parametrize("suffix", [".png", ".jpg"])
def test_own_logo_replaces_the_emblem(igor, tmp_path: Path, suffix: str) -> None:
    logo = tmp_path / f"logo{suffix}"
    Image.new("RGB", (120, 40), (200, 30, 30)).save(logo)
    record = dataclasses.replace(igor, logo_path=logo)
    assert _image_count(render_diploma(record)) == 1
    assert _image_count(render_press_release_pdf(record)) == 1


def test_unsupported_missing_or_broken_logo_is_a_user_error(igor, tmp_path: Path) -> None:
    svg = tmp_path / "logo.svg"
    svg.write_text("<svg/>")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png at all")
    for path, words in (
        (svg, "PNG- eller JPEG"),
        (tmp_path / "missing.png", "kunde inte läsas"),
        (broken, "ingen läsbar bild"),
    ):
        with pytest.raises(DocumentError, match=words) as caught:
            render_diploma(dataclasses.replace(igor, logo_path=path))
        assert caught.value.field == "logo_path"


def test_swedish_dates() -> None:
    assert swedish_date(date(2022, 11, 17)) == "17 november 2022"
    assert swedish_date(date(2023, 1, 5)) == "5 januari 2023"
    assert [swedish_date(date(2022, m, 1)).split()[1] for m in (3, 5, 8, 10)] == [
        "mars",
        "maj",
        "augusti",
        "oktober",
    ]
    assert place_and_date("Stockholm", date(2021, 11, 11), 2021) == "Stockholm den 11 november 2021"
    assert place_and_date("Stockholm", None, 2022) == "Stockholm 2022"
    assert place_and_date("", None, 2022) == "2022"
