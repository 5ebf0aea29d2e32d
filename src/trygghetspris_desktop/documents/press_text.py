"""The press release's content, once, as a list of blocks; plus its plain-text and HTML forms.

The PDF (:mod:`.press_release`), the plain text and the HTML are all made from
:func:`press_release_blocks`, so the three always say the same thing in the same order.
The structure follows the city's 2022 press release: organiser and date, headline, lead,
body, quotes, the "awarded every year since …" sentence, the jury, the jury's motivation,
footnotes, keywords, contacts, links and the "Om …" boilerplate. A section with no data is
left out, heading and all. The year's theme, the ceremony and the prize amount are told
where known, once: a fact the lead or body already mentions is not repeated.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from trygghetspris_desktop.documents.dates import swedish_date
from trygghetspris_desktop.documents.text import clean, join_swedish, one_line, paragraphs
from trygghetspris_desktop.domain.award_record import AwardRecord, Laureate, Quote
from trygghetspris_desktop.domain.swedish import NBSP, swedish_amount, swedish_number
from trygghetspris_desktop.domain.templates import DEFAULT_HEADLINE, Winner, fill, template_values
from trygghetspris_desktop.domain.text_fold import fold

HEADLINE_WITHOUT_WINNER = "{prize_name} {year}"
JURY_INTRO = "Juryn som fattat beslut om årets vinnare är:"
MOTIVATION_HEADING = "Juryns motivering:"
CHAIR_MARK = " (ordf.)"


@dataclass(frozen=True)
class Block:
    """One piece of the press release.

    ``kind`` is one of: organiser, date, headline, lead, paragraph, intro, quote, heading,
    list, footnote, lines. ``lines`` holds the (clean, unescaped) text: one entry for a
    paragraph (which may contain ``\\n`` for a line break), one per item for list and lines.
    """

    kind: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def headline(record: AwardRecord) -> str:
    """The record's headline, or the default one (:data:`domain.templates.DEFAULT_HEADLINE`:
    "Projektet IGOR får …", "Verksamheten …", the name alone for a person)."""
    own = one_line(record.headline)
    if own:
        return own
    prize_name = one_line(record.prize_name)
    winners = [
        Winner(one_line(w.name), w.nominee_kind or None, w.organisations)
        for w in record.winners
        if one_line(w.name)
    ]
    if not winners:
        return HEADLINE_WITHOUT_WINNER.format(prize_name=prize_name, year=record.year).strip()
    return fill(DEFAULT_HEADLINE, template_values(winners, prize_name, record.year))


def release_date_text(record: AwardRecord) -> str:
    """ "17 november 2022" from the release date, else the decision date; "" when unknown."""
    day = record.release_date or record.decision_date
    return swedish_date(day) if day else ""


def quote_sentence(quote: Quote) -> str:
    """ "– {text}, säger {name}, {title}." with the quote's own end punctuation respected.

    A quote ending in "!", "?" or an ellipsis keeps it ("– Vi vinner! säger Anna."); one
    ending in ".", ",", ";" or ":" loses that mark for the comma. "" for an empty quote.
    """
    text = " ".join(clean(quote.text).split()).lstrip("–—-‒ ").strip()
    if not text:
        return ""
    name, title = one_line(quote.speaker_name), one_line(quote.speaker_title)
    if not name:
        return f"– {text}"
    attribution = f"säger {name}, {title}" if title else f"säger {name}"
    if not attribution.endswith((".", "!", "?")):
        attribution += "."
    if text.endswith(("!", "?", "…", "...")):
        return f"– {text} {attribution}"
    if text.endswith((".", ",", ";", ":")):
        text = text[:-1].rstrip()
    return f"– {text}, {attribution}"


def prize_noun(prize_name: str) -> str:
    """ "Stockholms stads trygghetspris" -> "Trygghetspriset" (the definite form); else "Priset"."""
    words = one_line(prize_name).split()
    last = words[-1].lower() if words else ""
    if last.endswith("priset"):
        return last.capitalize()
    if last.endswith("pris"):
        return last.capitalize() + "et"
    return "Priset"


def history_sentence(record: AwardRecord) -> str:
    """ "Trygghetspriset har delats ut årligen sedan 2012 i syfte att …"."""
    noun = prize_noun(record.prize_name)
    purpose = one_line(record.purpose).rstrip(" .")
    for prefix in ("i syfte att ", "att "):
        if purpose.lower().startswith(prefix):
            purpose = purpose[len(prefix) :]
    if record.first_year >= record.year:
        sentence = f"{noun} delas i år ut för första gången"
    else:
        sentence = f"{noun} har delats ut årligen sedan {record.first_year}"
    return f"{sentence} i syfte att {purpose}." if purpose else f"{sentence}."


def _mentioned(fact: str, text: str) -> bool:
    """Whether ``text`` already mentions ``fact`` (folded; "Trygghetskonferensen" is
    mentioned by "årets Trygghetskonferens")."""
    wanted = fold(" ".join(fact.split()))
    if len(wanted) > 8:
        wanted = wanted[:-2]  # the definite ending ("-en", "-et") may differ
    return bool(wanted) and wanted in fold(" ".join(text.split()))


def year_facts(record: AwardRecord) -> str:
    """ "Årets tema är ”…”. Priset delades ut vid Trygghetskonferensen den 26 oktober 2023.
    Prissumman är 50 000 kronor." — only what is known and not already said."""
    said = f"{record.headline}\n{record.lead}\n{record.body}"
    sentences = []
    theme = one_line(record.theme).rstrip(".")
    if theme and not _mentioned(theme, said):
        sentences.append(f"Årets tema är ”{theme}”.")
    event = one_line(record.ceremony_event)
    day = swedish_date(record.ceremony_date) if record.ceremony_date else ""
    if (event and not _mentioned(event, said)) or (day and day not in said):
        if event and day:
            sentences.append(f"Priset delades ut vid {event} den {day}.")
        elif event:
            sentences.append(f"Priset delades ut vid {event}.")
        else:
            sentences.append(f"Priset delades ut den {day}.")
    if record.prize_amount is not None:
        amount = swedish_amount(record.prize_amount)
        digits = swedish_number(record.prize_amount, "")
        if amount not in said and digits not in said.replace(" ", "").replace(NBSP, ""):
            sentences.append(f"Prissumman är {amount}.")
    return " ".join(sentences)


def footnote(laureate: Laureate) -> str:
    """ "* IGOR står för I gemensam organisation mot relationsvåld." ("" without full_name)."""
    name, full_name = one_line(laureate.name), one_line(laureate.full_name).rstrip(" .")
    if not name or not full_name:
        return ""
    return f"* {name} står för {full_name}."


def _paragraph_blocks(kind: str, text: str) -> list[Block]:
    return [Block(kind, (part,)) for part in paragraphs(text)]


def _section(heading: str, blocks: list[Block]) -> list[Block]:
    return [Block("heading", (heading,)), *blocks] if blocks else []


def _quotes(record: AwardRecord) -> list[Block]:
    blocks: list[Block] = []
    for quote in record.quotes:
        sentence = quote_sentence(quote)
        if not sentence:
            continue
        blocks += _paragraph_blocks("intro", quote.intro)
        blocks.append(Block("quote", (sentence,)))
    return blocks


def _jury(record: AwardRecord) -> list[Block]:
    members = []
    for member in record.jury:
        name, title = one_line(member.name), one_line(member.title)
        if not name:
            continue
        line = f"{name}, {title}" if title else name
        members.append(line + (CHAIR_MARK if member.is_chair else ""))
    return _section(JURY_INTRO, [Block("list", tuple(members))] if members else [])


def _mentions(record: AwardRecord) -> list[Block]:
    blocks: list[Block] = []
    for mention in record.mentions:
        name = one_line(mention.name)
        if not name:
            continue
        organisations = join_swedish([one_line(o) for o in mention.organisations])
        blocks.append(Block("paragraph", (f"{name} ({organisations})" if organisations else name,)))
        blocks += _paragraph_blocks("paragraph", mention.motivation)
    heading = "Hedersomnämnande" if len(record.mentions) == 1 else "Hedersomnämnanden"
    return _section(heading, blocks)


def _contacts(record: AwardRecord) -> list[Block]:
    blocks = []
    for contact in record.contacts:
        name, title = one_line(contact.name), one_line(contact.title)
        first = f"{title}: {name}" if title and name else (name or title)
        second = ", ".join(
            part for part in (one_line(contact.email), one_line(contact.phone)) if part
        )
        lines = tuple(line for line in (first, second) if line)
        if lines:
            blocks.append(Block("lines", lines))
    return _section("Kontakter", blocks)


def _about(record: AwardRecord) -> list[Block]:
    organiser = record.organiser
    body = _paragraph_blocks("paragraph", organiser.about_text)
    address = tuple(
        line
        for line in (
            one_line(organiser.name),
            *(one_line(a) for a in organiser.address_lines),
            one_line(organiser.phone),
            one_line(organiser.web),
        )
        if line
    )
    heading = one_line(organiser.about_heading)
    if body and not heading and one_line(organiser.name):
        heading = f"Om {one_line(organiser.name)}"
    if address and (body or len(address) > 1):
        body.append(Block("lines", address))
    return _section(heading, body) if heading else body


def press_release_blocks(record: AwardRecord) -> list[Block]:
    """The press release of ``record``, in reading order."""
    blocks: list[Block] = []
    organiser = one_line(record.organiser.name)
    if organiser:
        blocks.append(Block("organiser", (organiser,)))
    if date_text := release_date_text(record):
        blocks.append(Block("date", (date_text,)))
    blocks.append(Block("headline", (headline(record),)))
    blocks += _paragraph_blocks("lead", record.lead)
    blocks += _paragraph_blocks("paragraph", record.body)
    if facts := year_facts(record):
        blocks.append(Block("paragraph", (facts,)))
    blocks += _quotes(record)
    blocks.append(Block("paragraph", (history_sentence(record),)))
    blocks += _jury(record)
    blocks += _section(MOTIVATION_HEADING, _paragraph_blocks("paragraph", record.motivation))
    blocks += _mentions(record)
    notes = [footnote(laureate) for laureate in (*record.winners, *record.mentions)]
    blocks += [Block("footnote", (note,)) for note in notes if note]
    keywords = ", ".join(one_line(k) for k in record.keywords if one_line(k))
    blocks += _section("Nyckelord", [Block("paragraph", (keywords,))] if keywords else [])
    blocks += _contacts(record)
    links = tuple(one_line(link) for link in record.links if one_line(link))
    blocks += _section("Länkar", [Block("lines", links)] if links else [])
    blocks += _about(record)
    return blocks


def press_release_text(record: AwardRecord) -> str:
    """The press release as plain text (UTF-8 safe, no control characters)."""
    return "\n\n".join(block.text for block in press_release_blocks(record)) + "\n"


_HTML_TAGS = {
    "organiser": '<p class="organiser">{}</p>',
    "date": '<p class="date">{}</p>',
    "headline": "<h1>{}</h1>",
    "lead": '<p class="lead"><strong>{}</strong></p>',
    "paragraph": "<p>{}</p>",
    "intro": '<p class="intro">{}</p>',
    "quote": '<p class="quote">{}</p>',
    "heading": "<h2>{}</h2>",
    "footnote": '<p class="footnote"><small>{}</small></p>',
    "lines": "<p>{}</p>",
}


def _html_text(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>\n")


def press_release_html(record: AwardRecord) -> str:
    """The press release as a small, complete, fully escaped HTML document (lang="sv")."""
    body: list[str] = []
    for block in press_release_blocks(record):
        if block.kind == "list":
            items = "".join(f"<li>{_html_text(line)}</li>\n" for line in block.lines)
            body.append(f"<ul>\n{items}</ul>")
        else:
            body.append(_HTML_TAGS[block.kind].format(_html_text(block.text)))
    title = _html_text(headline(record))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )
