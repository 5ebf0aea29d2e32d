"""Search across all years and all text, fast enough to run on every keystroke.

The index keeps one lower-cased string per searchable item and joins them into one big
string; a query is a handful of ``str.find`` calls in C, and a bisect maps each hit back
to its item. 100 000 nominations search in a few milliseconds (see benchmarks/).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database

SEPARATOR = "\x00"


@dataclass(frozen=True)
class SearchItem:
    year: int
    kind: str  # Swedish label: "Nominering", "Jury", "Motivering", "Citat", "Tema"
    title: str
    text: str  # the full text searched (title included)
    nomination_id: int | None = None


@dataclass(frozen=True)
class SearchHit:
    item: SearchItem
    snippet: str


class SearchIndex:
    """An immutable index over :class:`SearchItem` s."""

    def __init__(self, items: Iterable[SearchItem]) -> None:
        self.items = list(items)
        lowered = [item.text.casefold().replace(SEPARATOR, " ") for item in self.items]
        self._starts: list[int] = []
        offset = 0
        for text in lowered:
            self._starts.append(offset)
            offset += len(text) + 1
        self._blob = SEPARATOR.join(lowered)

    def __len__(self) -> int:
        return len(self.items)

    def search(self, query: str, limit: int = 200) -> tuple[list[SearchHit], int]:
        """Items containing every word of ``query``; returns (first ``limit`` hits, total)."""
        words = query.casefold().split()
        if not words:
            return [], 0
        # Find the rarest-looking (longest) word with str.find, then check the others per item.
        words.sort(key=len, reverse=True)
        first, rest = words[0], words[1:]
        hits: list[SearchHit] = []
        total = 0
        blob, starts = self._blob, self._starts
        position = blob.find(first)
        while position != -1:
            index = bisect.bisect_right(starts, position) - 1
            start = starts[index]
            end = blob.find(SEPARATOR, start)
            end = len(blob) if end == -1 else end
            text = blob[start:end]
            if all(word in text for word in rest):
                total += 1
                if len(hits) < limit:
                    hits.append(
                        SearchHit(
                            self.items[index],
                            _snippet(self.items[index].text, position - start, len(first)),
                        )
                    )
            position = blob.find(first, end + 1)
        return hits, total


def _snippet(text: str, at: int, length: int, width: int = 60) -> str:
    start = max(0, at - width)
    end = min(len(text), at + length + width)
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def build_index(db: Database) -> SearchIndex:
    """Everything searchable: nominations (with organisations and texts), jury, decisions."""
    items: list[SearchItem] = []
    with db.read_session() as session:
        years = dict(session.execute(select(m.AwardYear.id, m.AwardYear.year)).all())
        for year_id, theme in session.execute(select(m.AwardYear.id, m.AwardYear.theme)):
            if theme:
                items.append(SearchItem(years[year_id], "Tema", theme, theme))
        organisations: dict[int, list[str]] = {}
        for nomination_id, name in session.execute(
            select(m.NominationOrganisation.nomination_id, m.NominationOrganisation.name)
        ):
            organisations.setdefault(nomination_id, []).append(name)
        for row in session.execute(
            select(
                m.Nomination.id,
                m.Nomination.year_id,
                m.Nomination.nominee_name,
                m.Nomination.full_name,
                m.Nomination.district,
                m.Nomination.nominator_text,
            )
        ):
            orgs = " ".join(organisations.get(row.id, ()))
            text = " ".join(
                part
                for part in (
                    row.nominee_name,
                    row.full_name,
                    orgs,
                    row.district,
                    row.nominator_text,
                )
                if part
            )
            items.append(
                SearchItem(years[row.year_id], "Nominering", row.nominee_name, text, row.id)
            )
        for year_id, name, title in session.execute(
            select(m.JuryMembership.year_id, m.Person.name, m.JuryMembership.title).join(m.Person)
        ):
            items.append(SearchItem(years[year_id], "Jury", name, f"{name} {title}"))
        for year_id, motivation in session.execute(
            select(m.Decision.year_id, m.Decision.motivation)
        ):
            items.append(SearchItem(years[year_id], "Motivering", "Juryns motivering", motivation))
        for year_id, speaker, title, text in session.execute(
            select(m.Quote.year_id, m.Quote.speaker_name, m.Quote.speaker_title, m.Quote.text)
        ):
            items.append(SearchItem(years[year_id], "Citat", speaker, f"{speaker} {title} {text}"))
    items.sort(key=lambda item: -item.year)
    return SearchIndex(items)
