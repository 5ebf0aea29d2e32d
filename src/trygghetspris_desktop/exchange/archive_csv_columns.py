"""The columns of the archive list: one row per winner or honoured nominee of a year.

The archive list is the spreadsheet route for years registered afterwards from sources
(``trygghetspris import arkiv.csv --archive``, Arkiv → Importera arkivlista…, and
``export --format csv --archive``). Its file conventions are the nominations CSV's
(exchange/csv_io.py): ``;`` or ``,`` between values, UTF-8 (with or without BOM),
formula cells neutralised with an apostrophe, organisations separated by ``;``.

A year's own facts (theme, amount, ceremony, chair, source, the jury's motivation) may be
written on every row of the year or on one of them; rows that state one must agree.
"""

from __future__ import annotations

from trygghetspris_desktop.domain.enums import PlacementKind

ARCHIVE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("år", "Prisåret, t.ex. 2014. Måste fyllas i."),
    ("tema", "Årets tema."),
    ("vinnare", "Vinnarens eller den hedersomnämndes namn, t.ex. IGOR. Måste fyllas i."),
    ("fullständigt_namn", "Fullständigt namn eller förklaring av en förkortning."),
    ("typ", "Projekt, Verksamhet, Organisation eller Person; tomt (eller Okänd) = inte känd."),
    ("organisationer", "Inblandade organisationer, åtskilda med semikolon (;)."),
    ("stadsdelsområde", "Stadsdelsområdet, t.ex. Södermalm."),
    (
        "placering",
        "vinnare, delad vinnare (två eller fler vinnare samma år) eller hedersomnämnande. "
        "Tomt = vinnare.",
    ),
    (
        "motivering",
        "Juryns motivering (på vinnarens rad); på en rad med hedersomnämnande dess egen text.",
    ),
    ("prissumma", "Prissumman i kronor, t.ex. 50000."),
    ("prisutdelning", "Prisutdelningens datum, ÅÅÅÅ-MM-DD, inom prisåret."),
    ("evenemang", "Evenemanget där priset delades ut, t.ex. Trygghetskonferensen."),
    ("juryordförande", "Juryns ordförande, med namnet som det skrevs det året."),
    ("juryordförande_titel", "Ordförandens titel det året."),
    ("källa", "Varifrån uppgifterna kommer: en webbadress, ett dokument, ett diarienummer."),
)
ARCHIVE_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in ARCHIVE_COLUMNS)
REQUIRED_COLUMNS = ("år", "vinnare")

# The year's own facts: column -> the AwardYear (or chair) fact it states.
YEAR_FACT_COLUMNS = (
    "tema",
    "prissumma",
    "prisutdelning",
    "evenemang",
    "juryordförande",
    "juryordförande_titel",
    "källa",
)

WINNER = "vinnare"
SHARED_WINNER = "delad vinnare"
MENTION = "hedersomnämnande"
PLACEMENT_WORDS: dict[str, PlacementKind] = {
    WINNER: PlacementKind.WINNER,
    SHARED_WINNER: PlacementKind.WINNER,
    MENTION: PlacementKind.HONOURABLE_MENTION,
}
