"""Folding text for search the Swedish way: case and accents do not matter.

"Österberg", "ÖSTERBERG", "österberg" and "osterberg" all fold to "osterberg"; "Åsa" and
"asa", "Lindén" and "linden" match too. A Swede typing on a keyboard without å, ä and ö
writes a and o, so those fold to their base letters like every other accent. Letters that
Unicode does not decompose (ø, æ, ß, ł, đ) get their usual replacements. The result is
only for comparing: never show it.

SQLite's ``lower()`` and ``LIKE`` fold only A–Z, so names are compared here, in Python.
"""

from __future__ import annotations

import re
import unicodedata

# Letters without a Unicode decomposition, as a Swedish reader would write them plainly.
_EXTRA = {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}


class _CharTable(dict[int, str]):
    """str.translate table filled on first sight of each character: its letters without
    accents (NFKD minus combining marks, a combining mark itself becomes nothing)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _EXTRA:
            plain = _EXTRA[char]
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        self[code] = plain
        return plain


_TABLE = _CharTable()
_COMMON = (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u"))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _plain(match: re.Match[str]) -> str:
    return match.group().translate(_TABLE)


def fold(text: str) -> str:
    """``text`` case- and accent-folded for comparison ("Österberg" -> "osterberg").

    Swedish text is mostly ASCII: its common letters are replaced directly (as fast as
    casefold itself on an archive of 100 000 nominations), the rare others through a table.
    """
    folded = text.casefold()
    if folded.isascii():
        return folded
    for letter, plain in _COMMON:
        folded = folded.replace(letter, plain)
    return folded if folded.isascii() else _NON_ASCII.sub(_plain, folded)


def contains_folded(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack``, case and accents folded."""
    return fold(needle) in fold(haystack)
