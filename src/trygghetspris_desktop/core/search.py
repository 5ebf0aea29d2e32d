"""Search across all years and all text, fast enough to run on every keystroke.

Every item's case-folded text is split into word tokens; each distinct token keeps the
sorted list of items that contain it, and all tokens are joined into one vocabulary
string. A query word of three or more letters is found with ``str.find`` in that
vocabulary (a few hundred kB rather than the whole archive's text) and the item lists of
the matching tokens are united; several words intersect. A word of one or two letters
would occur in nearly every text, so it matches the *start* of a word instead ("tr"
finds "trygghet", not "centrum"), looked up by bisection in the sorted tokens. Words with
punctuation are checked against the texts themselves. So an item matches when every
query word of three or more letters occurs in its text and every shorter word begins one
of its words. 100 000 nominations answer within a few milliseconds (benchmarks/).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from operator import contains

from sqlalchemy import select

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database

SEPARATOR = "\x00"
TOKEN = re.compile(r"\w+")
MIN_INDEXED = 3  # shorter query words match too many tokens to be worth looking up


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
    """An immutable word-token index over :class:`SearchItem` s, in the order given."""

    def __init__(self, items: Iterable[SearchItem]) -> None:
        self.items = list(items)
        self._texts = [item.text.casefold() for item in self.items]
        postings: dict[str, list[int]] = {}
        for number, text in enumerate(self._texts):
            for token in set(TOKEN.findall(text)):
                postings.setdefault(token, []).append(number)
        tokens = list(postings)
        self._postings = [postings[token] for token in tokens]
        self._sorted_tokens = sorted(tokens)
        self._sorted_postings = [postings[token] for token in self._sorted_tokens]
        self._starts: list[int] = []
        offset = 0
        for token in tokens:
            self._starts.append(offset)
            offset += len(token) + 1
        self._vocabulary = SEPARATOR.join(tokens)

    def __len__(self) -> int:
        return len(self.items)

    def _items_with(self, part: str) -> set[int]:
        """Items having a token that contains ``part`` (a single word run)."""
        found: set[int] = set()
        vocabulary, starts = self._vocabulary, self._starts
        position = vocabulary.find(part)
        while position != -1:
            found.update(self._postings[bisect.bisect_right(starts, position) - 1])
            end = vocabulary.find(SEPARATOR, position)
            if end == -1:
                break
            position = vocabulary.find(part, end + 1)
        return found

    def _items_starting(self, prefix: str) -> set[int]:
        """Items having a token that starts with ``prefix``."""
        tokens = self._sorted_tokens
        low = bisect.bisect_left(tokens, prefix)
        high = bisect.bisect_left(tokens, prefix + "\U0010ffff")
        found: set[int] = set()
        for number in range(low, high):
            found.update(self._sorted_postings[number])
        return found

    def search(self, query: str, limit: int = 200) -> tuple[list[SearchHit], int]:
        """Items matching every word of ``query``; returns (first ``limit`` hits, total)."""
        words = query.casefold().split()
        if not words:
            return [], 0
        lookups: list[tuple[Callable[[str], set[int]], str]] = []
        unchecked = []  # words with punctuation: checked in the texts
        for word in dict.fromkeys(words):
            if TOKEN.fullmatch(word):
                short = len(word) < MIN_INDEXED
                lookups.append((self._items_starting if short else self._items_with, word))
            else:
                unchecked.append(word)
                lookups += [
                    (self._items_with, p) for p in TOKEN.findall(word) if len(p) >= MIN_INDEXED
                ]
        texts = self._texts
        if lookups:
            candidates: set[int] | None = None
            for lookup, part in sorted(lookups, key=lambda item: -len(item[1])):
                found = lookup(part)
                candidates = found if candidates is None else candidates & found
                if not candidates:
                    break
            matches = sorted(candidates or ())
        else:  # only punctuation and very short runs ("08-5"): one scan of the texts, in C
            matches = list(compress(range(len(texts)), map(contains, texts, repeat(unchecked[0]))))
        if unchecked:
            matches = [i for i in matches if all(w in texts[i] for w in unchecked)]
        first = max(words, key=len)
        hits = []
        for number in matches[:limit]:
            at = max(texts[number].find(first), 0)
            hits.append(
                SearchHit(self.items[number], _snippet(self.items[number].text, at, len(first)))
            )
        return hits, len(matches)


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
