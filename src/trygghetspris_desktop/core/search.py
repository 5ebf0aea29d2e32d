"""Search across all years and all text, fast enough to run on every keystroke.

Every item's folded text (case and accents, :func:`domain.text_fold.fold`: "osterberg"
finds "Österberg") is split into word tokens; each distinct token keeps the set
of items that contain it, and all tokens are joined into one vocabulary string. A query
word of three or more letters is found with ``str.find`` in that vocabulary (a few hundred
kB rather than the whole archive's text) and the items of the matching tokens are united;
several words intersect. A word of one or two letters would occur in nearly every text, so
it matches the *start* of a word instead ("tr" finds "trygghet", not "centrum"), looked up
by bisection in the sorted tokens. Words with punctuation are checked against the texts
themselves. So an item matches when every query word of three or more letters occurs in
its text and every shorter word begins one of its words.

Sets of items are bitmaps (Python integers, bit *n* = item *n*): a token found in many
items keeps its bitmap (one bit per item: 12.5 kB for 100 000 items), a rarer token the
array of its item numbers (4 bytes each), whichever is smaller. Uniting and intersecting
bitmaps, and counting the hits, are single integer operations, so even "t" (90 % of the
archive) answers in about a millisecond. The index keeps each item's text once (the folded
text is made again for the few hits shown) and its year, kind and title in arrays: about
60 MB for 100 000 nominations, against 210 MB for lists of folded texts, item objects and
Python lists of item numbers (benchmarks/run.py, "memory").

SQLite's FTS5 was measured against it on the same texts (see the note of issue 13): its
trigram tokenizer gives the same hits and keeps the index on disk, but answers the broad
queries of the first keystrokes about four times slower, needs triggers that slow every
import, and has no PostgreSQL counterpart; this index works the same on both engines.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import overload

from sqlalchemy import select

from trygghetspris_desktop.db import models as m
from trygghetspris_desktop.db.engine import Database
from trygghetspris_desktop.domain.text_fold import fold  # case and accents, the Swedish way

SEPARATOR = "\x00"
TOKEN = re.compile(r"\w+")
TEXT_BLOCK = 1024  # texts joined into one string
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
        # The texts in blocks of TEXT_BLOCK joined into one string each, with each text's
        # end: 100 000 strings of their own cost their headers and leave the heap in pieces
        # among the indexing's short-lived words (about 20 MB more than the text).
        self._blocks: list[str] = []
        self._text_ends = array("I")  # within its block
        pending: list[str] = []
        self._years = array("i")
        self._kind_codes = array("B")
        self._kinds: list[str] = []
        self._title_ends = array("i")  # the title is text[:end]; -1: in _titles
        self._titles: dict[int, str] = {}
        self._ids = array("q")  # nomination id, or -1
        kind_code: dict[str, int] = {}
        postings: dict[str, array[int]] = {}
        number = -1
        for number, item in enumerate(items):
            if len(pending) == TEXT_BLOCK:
                self._blocks.append("".join(pending))
                pending.clear()
            self._text_ends.append((self._text_ends[-1] if pending else 0) + len(item.text))
            pending.append(item.text)
            self._years.append(item.year)
            if item.kind not in kind_code:
                kind_code[item.kind] = len(self._kinds)
                self._kinds.append(item.kind)
            self._kind_codes.append(kind_code[item.kind])
            if item.text.startswith(item.title):
                self._title_ends.append(len(item.title))
            else:
                self._title_ends.append(-1)
                self._titles[number] = item.title
            self._ids.append(-1 if item.nomination_id is None else item.nomination_id)
            for token in set(TOKEN.findall(fold(item.text))):
                found = postings.get(token)
                if found is None:
                    postings[token] = array("I", (number,))
                else:
                    found.append(number)
        if pending:
            self._blocks.append("".join(pending))
        del pending
        self._count = number + 1
        self._bytes = (self._count + 7) // 8
        tokens = list(postings)
        # A bitmap costs count/8 bytes, an item number 4: a token keeps the smaller. The
        # numbers of all the rarer tokens share one array (token t: members[ends[t-1]:ends[t]]).
        self._bitmaps: dict[int, int] = {}
        self._members = array("I")
        self._ends = array("I")
        for number, token in enumerate(tokens):
            found = postings.pop(token)
            if len(found) * 32 > self._count:
                self._bitmaps[number] = _bitmap(found, self._bytes)
            else:
                self._members.extend(found)
            self._ends.append(len(self._members))
        self._starts = array("I")
        offset = 0
        for token in tokens:
            self._starts.append(offset)
            offset += len(token) + 1
        self._vocabulary = SEPARATOR.join(tokens)
        self._sorted_numbers = array("I", sorted(range(len(tokens)), key=tokens.__getitem__))
        del tokens
        self._with = lru_cache(maxsize=64)(self._items_with)
        self._starting = lru_cache(maxsize=64)(self._items_starting)

    def __len__(self) -> int:
        return self._count

    def _text(self, number: int) -> str:
        block, place = divmod(number, TEXT_BLOCK)
        start = self._text_ends[number - 1] if place else 0
        return self._blocks[block][start : self._text_ends[number]]

    def item(self, number: int) -> SearchItem:
        text = self._text(number)
        end = self._title_ends[number]
        nomination_id = self._ids[number]
        return SearchItem(
            self._years[number],
            self._kinds[self._kind_codes[number]],
            text[:end] if end >= 0 else self._titles[number],
            text,
            None if nomination_id < 0 else nomination_id,
        )

    def _token(self, number: int) -> str:
        start = self._starts[number]
        end = self._vocabulary.find(SEPARATOR, start)
        return self._vocabulary[start:] if end == -1 else self._vocabulary[start:end]

    def _union(self, token_numbers: Iterable[int]) -> int:
        """The items of any of these tokens, as a bitmap."""
        bits = 0
        rare: bytearray | None = None
        members, ends, bitmaps = self._members, self._ends, self._bitmaps
        for token in token_numbers:
            bitmap = bitmaps.get(token)
            if bitmap is not None:
                bits |= bitmap
                continue
            if rare is None:
                rare = bytearray(self._bytes)
            for number in members[ends[token - 1] if token else 0 : ends[token]]:
                rare[number >> 3] |= 1 << (number & 7)
        return bits | int.from_bytes(rare, "little") if rare is not None else bits

    def _items_with(self, part: str) -> int:
        """Items having a token that contains ``part`` (a single word run)."""
        return self._union(self._tokens_with(part))

    def _tokens_with(self, part: str) -> Iterator[int]:
        vocabulary, starts = self._vocabulary, self._starts
        position = vocabulary.find(part)
        while position != -1:
            yield bisect.bisect_right(starts, position) - 1
            end = vocabulary.find(SEPARATOR, position)
            if end == -1:
                break
            position = vocabulary.find(part, end + 1)

    def _items_starting(self, prefix: str) -> int:
        """Items having a token that starts with ``prefix``."""
        numbers, token = self._sorted_numbers, self._token
        low = bisect.bisect_left(numbers, prefix, key=token)
        high = bisect.bisect_left(numbers, prefix + "\U0010ffff", key=token)
        return self._union(numbers[low:high])

    def _numbers(self, bits: int) -> Iterator[int]:
        """The item numbers of a bitmap, in order."""
        digits = bin(bits)[:1:-1]  # bit 0 first
        position = digits.find("1")
        while position != -1:
            yield position
            position = digits.find("1", position + 1)

    def search(self, query: str, limit: int = 200) -> tuple[Sequence[SearchHit], int]:
        """Items matching every word of ``query``; returns (first ``limit`` hits, total)."""
        words = fold(query).split()
        if not words:
            return [], 0
        lookups: list[tuple[Callable[[str], int], str]] = []
        unchecked = []  # words with punctuation: checked in the texts
        for word in dict.fromkeys(words):
            if TOKEN.fullmatch(word):
                short = len(word) < MIN_INDEXED
                lookups.append((self._starting if short else self._with, word))
            else:
                unchecked.append(word)
                lookups += [(self._with, p) for p in TOKEN.findall(word) if len(p) >= MIN_INDEXED]
        if lookups:
            bits = -1
            for lookup, part in sorted(lookups, key=lambda item: -len(item[1])):
                bits &= lookup(part)
                if not bits:
                    break
            candidates: Iterable[int] = self._numbers(bits)
        else:  # only punctuation and very short runs ("08-5"): a scan of the texts
            candidates = range(self._count)
        if unchecked:
            text = self._text
            matches = [i for i in candidates if all(w in fold(text(i)) for w in unchecked)]
            total = len(matches)
        else:
            total = bits.bit_count()
            matches = []
            for number in candidates:
                if len(matches) == limit:
                    break
                matches.append(number)
        return SearchHits(self, matches[:limit], max(words, key=len)), total

    def hit(self, number: int, word: str) -> SearchHit:
        """Item ``number`` with its snippet around the first place of (folded) ``word``."""
        item = self.item(number)
        at = max(fold(item.text).find(word), 0)
        return SearchHit(item, _snippet(item.text, at, len(word)))


class SearchHits(Sequence[SearchHit]):
    """A search's hits, each made (item and snippet) when first asked for.

    A table shows the few dozen rows that fit, not the 500 found: making every snippet
    up front was a third of each keystroke's time on 100 000 nominations.
    """

    def __init__(self, index: SearchIndex, numbers: list[int], word: str) -> None:
        self._index = index
        self._numbers = numbers
        self._word = word
        self._made: dict[int, SearchHit] = {}

    def __len__(self) -> int:
        return len(self._numbers)

    @overload
    def __getitem__(self, position: int) -> SearchHit: ...
    @overload
    def __getitem__(self, position: slice) -> list[SearchHit]: ...
    def __getitem__(self, position: int | slice) -> SearchHit | list[SearchHit]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self._numbers)))]
        if position < 0:
            position += len(self._numbers)
        if not 0 <= position < len(self._numbers):
            raise IndexError(position)
        made = self._made.get(position)
        if made is None:
            made = self._made[position] = self._index.hit(self._numbers[position], self._word)
        return made

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SearchHits({len(self._numbers)} hits for {self._word!r})"


def _bitmap(numbers: array[int], size: int) -> int:
    bits = bytearray(size)
    for number in numbers:
        bits[number >> 3] |= 1 << (number & 7)
    return int.from_bytes(bits, "little")


def _snippet(text: str, at: int, length: int, width: int = 60) -> str:
    start = max(0, at - width)
    end = min(len(text), at + length + width)
    snippet = " ".join(text[start:end].split())
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")


def build_index(db: Database) -> SearchIndex:
    """Everything searchable: nominations (with organisations and texts), jury, decisions.

    Newest year first; within a year its theme, nominations (by id), jury, motivation and
    quotes. Read a year at a time, so that only one year's rows are held while indexing.
    """
    return SearchIndex(_items(db))


def _items(db: Database) -> Iterator[SearchItem]:
    with db.read_session() as session:
        years = session.execute(
            select(m.AwardYear.id, m.AwardYear.year, m.AwardYear.theme).order_by(
                m.AwardYear.year.desc(), m.AwardYear.id
            )
        ).all()
        for year_id, year, theme in years:
            if theme:
                yield SearchItem(year, "Tema", theme, theme)
            organisations: dict[int, list[str]] = {}
            for nomination_id, name in session.execute(
                select(m.NominationOrganisation.nomination_id, m.NominationOrganisation.name)
                .join(m.Nomination, m.Nomination.id == m.NominationOrganisation.nomination_id)
                .where(m.Nomination.year_id == year_id)
                .order_by(m.NominationOrganisation.id)
            ):
                organisations.setdefault(nomination_id, []).append(name)
            for nomination_id, nominee, full_name, district, text in session.execute(
                select(
                    m.Nomination.id,
                    m.Nomination.nominee_name,
                    m.Nomination.full_name,
                    m.Nomination.district,
                    m.Nomination.nominator_text,
                )
                .where(m.Nomination.year_id == year_id)
                .order_by(m.Nomination.id)
            ):
                orgs = " ".join(organisations.get(nomination_id, ()))
                searched = " ".join(
                    part for part in (nominee, full_name, orgs, district, text) if part
                )
                yield SearchItem(year, "Nominering", nominee, searched, nomination_id)
            for printed, name, title in session.execute(
                select(m.JuryMembership.printed_name, m.Person.name, m.JuryMembership.title)
                .join(m.Person)
                .where(m.JuryMembership.year_id == year_id)
                .order_by(m.JuryMembership.id)
            ):
                # Found by the name printed that year and by the person's current name.
                shown = printed or name
                also = f" {name}" if name != shown else ""
                yield SearchItem(year, "Jury", shown, f"{shown}{also} {title}")
            for (motivation,) in session.execute(
                select(m.Decision.motivation).where(m.Decision.year_id == year_id)
            ):
                yield SearchItem(year, "Motivering", "Juryns motivering", motivation)
            for speaker, title, text in session.execute(
                select(m.Quote.speaker_name, m.Quote.speaker_title, m.Quote.text)
                .where(m.Quote.year_id == year_id)
                .order_by(m.Quote.id)
            ):
                yield SearchItem(year, "Citat", speaker, f"{speaker} {title} {text}")
