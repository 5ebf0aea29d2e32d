"""All of a year's documents at once, one at a time so that a caller can show progress."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from trygghetspris_desktop.domain.award_record import AwardRecord

DocumentMaker = Callable[[AwardRecord], bytes | str]


def _makers() -> list[tuple[str, DocumentMaker]]:
    from trygghetspris_desktop.documents import (
        press_release_html,
        press_release_text,
        render_diploma,
        render_press_release_pdf,
    )

    return [
        ("diplom-{year}.pdf", render_diploma),
        ("pressmeddelande-{year}.pdf", render_press_release_pdf),
        ("pressmeddelande-{year}.txt", press_release_text),
        ("pressmeddelande-{year}.html", press_release_html),
    ]


def document_names(year: int) -> list[str]:
    return [name.format(year=year) for name, _ in _makers()]


def iter_year_documents(record: AwardRecord) -> Iterator[tuple[str, bytes]]:
    """Yield (file name, bytes) for each document of the year, rendering lazily."""
    for name, make in _makers():
        data = make(record)
        yield name.format(year=record.year), data.encode("utf-8") if isinstance(data, str) else data


def year_documents(record: AwardRecord) -> dict[str, bytes]:
    return dict(iter_year_documents(record))
