"""The jury's protocol ("Juryprotokoll") as an A4 landscape PDF: plain data in, bytes out.

Sections, in the order a reader checks a decision: the jury, the criteria, the declared
conflicts of interest (jäv) with their reasons, every score (one table per nomination:
criteria down, jurors across, each juror's weighted mean at the foot), the ranking, the
decision with the jury's motivation, and a signature line for every juror.

Like the other documents it is written in ReportLab's invariant mode with only the bundled
(embedded) fonts, carries metadata (title, author, subject, language sv-SE), and escapes
every user string, so ``<b>`` or ``&`` in a name or a reason prints as typed.
:class:`ProtocolRecord` is built by :func:`core.protocol.protocol_record`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from trygghetspris_desktop.documents.base import CREATOR, LANGUAGE
from trygghetspris_desktop.documents.dates import place_and_date, swedish_date
from trygghetspris_desktop.documents.fonts import (
    INITIAL_FONT,
    SANS,
    SANS_BOLD,
    face,
    register_fonts,
)
from trygghetspris_desktop.documents.numbered_canvas import NumberedCanvas
from trygghetspris_desktop.documents.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from trygghetspris_desktop.documents.styles import GOLD, GREY, INK, NAVY
from trygghetspris_desktop.documents.text import clean, markup, one_line, paragraphs
from trygghetspris_desktop.domain.protocol_data import ProtocolRecord

PAGE_SIZE = landscape(A4)
MARGIN = 18 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
LIGHT = (0.94, 0.95, 0.97)
CONFLICT_FILL = (0.90, 0.90, 0.90)
CONFLICT_MARK = "jäv"
MISSING_MARK = "–"


def number(value: float | None, decimals: int = 2) -> str:
    """``3.5`` -> ``"3,50"``; None -> a dash."""
    if value is None:
        return MISSING_MARK
    return f"{value:.{decimals}f}".replace(".", ",")


def weight_text(weight: float) -> str:
    return number(weight, 0) if float(weight).is_integer() else number(weight, 2).rstrip("0")


def _style(name: str, font: str, size: float, leading: float, **extra: Any) -> ParagraphStyle:
    options: dict[str, Any] = {"textColor": INK, "splitLongWords": 1}
    options.update(extra)
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, **options)


STYLES = {
    "title": _style("title", SANS_BOLD, 20, 25, textColor=NAVY, spaceAfter=2),
    "subtitle": _style("subtitle", SANS, 12, 16, textColor=GREY, spaceAfter=10),
    "heading": _style(
        "heading",
        SANS_BOLD,
        12,
        16,
        textColor=NAVY,
        spaceBefore=12,
        spaceAfter=5,
        keepWithNext=1,
    ),
    "subheading": _style("subheading", SANS_BOLD, 10, 13, spaceBefore=6, spaceAfter=3),
    "body": _style("body", SANS, 9.5, 13.5, spaceAfter=5),
    "cell": _style("cell", SANS, 8.5, 11),
    "cell_bold": _style("cell_bold", SANS_BOLD, 8.5, 11),
    "head": _style("head", SANS_BOLD, 8, 10, textColor=NAVY),
    "head_right": _style("head_right", SANS_BOLD, 8, 10, textColor=NAVY, alignment=2),
    "head_centre": _style("head_centre", SANS_BOLD, 8, 10, textColor=NAVY, alignment=1),
    "note": _style("note", SANS, 8, 10.5, textColor=GREY, spaceBefore=2),
    "sign_name": _style("sign_name", SANS_BOLD, 9, 11.5),
    "sign_title": _style("sign_title", SANS, 8, 10, textColor=GREY),
}


class ProtocolRenderer:
    """Renders a :class:`ProtocolRecord`; each section is a small method returning flowables.

    Attributes:
        record: the data to render (never modified).
    """

    def __init__(self, record: ProtocolRecord) -> None:
        self.record = record

    # -- text helpers ------------------------------------------------------------------
    def para(self, text: str, style: str = "cell") -> Paragraph:
        """A Paragraph showing user ``text`` literally (escaped, fallback glyphs)."""
        font = face(SANS_BOLD if STYLES[style].fontName == SANS_BOLD else SANS)
        return Paragraph(markup(clean(text), font), STYLES[style])

    def title(self) -> str:
        return f"Juryprotokoll – {one_line(self.record.prize_name)} {self.record.year}"

    def table(
        self, rows: list[list[Any]], widths: list[float], extra: Sequence[tuple[Any, ...]] = ()
    ) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, GREY),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        table.setStyle(TableStyle(commands + list(extra)))
        return table

    # -- sections ----------------------------------------------------------------------
    def header(self) -> list[Flowable]:
        record = self.record
        subtitle = one_line(record.organiser)
        if record.theme.strip():
            subtitle += f" · Årets tema: {one_line(record.theme)}"
        return [
            self.para(self.title(), "title"),
            self.para(subtitle, "subtitle"),
        ]

    def jury(self) -> list[Flowable]:
        rows: list[list[Any]] = [
            [self.para("Namn", "head"), self.para("Titel", "head"), self.para("Roll", "head")]
        ]
        for juror in self.record.jury:
            rows.append(
                [
                    self.para(juror.name, "cell_bold" if juror.is_chair else "cell"),
                    self.para(juror.title),
                    self.para("Ordförande" if juror.is_chair else "Ledamot"),
                ]
            )
        return [
            self.para("Juryn", "heading"),
            self.table(rows, [70 * mm, 150 * mm, 41 * mm]),
        ]

    def criteria(self) -> list[Flowable]:
        flowables: list[Flowable] = [self.para("Bedömningskriterier", "heading")]
        if not self.record.criteria:
            return [*flowables, self.para("Inga kriterier var fastställda.", "body")]
        rows: list[list[Any]] = [
            [self.para(h, "head") for h in ("Kriterium", "Beskrivning", "Vikt", "Skala")]
        ]
        for criterion in self.record.criteria:
            rows.append(
                [
                    self.para(criterion.name, "cell_bold"),
                    self.para(criterion.description),
                    weight_text(criterion.weight),
                    f"{criterion.scale_min}–{criterion.scale_max}",
                ]
            )
        flowables.append(self.table(rows, [60 * mm, 161 * mm, 18 * mm, 22 * mm]))
        return flowables

    def conflicts(self) -> list[Flowable]:
        flowables: list[Flowable] = [self.para("Jäv", "heading")]
        if not self.record.conflicts:
            return [*flowables, self.para("Ingen jurymedlem anmälde jäv.", "body")]
        rows: list[list[Any]] = [
            [self.para(h, "head") for h in ("Jurymedlem", "Nominering", "Orsak")]
        ]
        for conflict in self.record.conflicts:
            rows.append(
                [
                    self.para(conflict.juror),
                    self.para(conflict.nomination),
                    self.para(conflict.reason),
                ]
            )
        flowables.append(self.table(rows, [60 * mm, 60 * mm, 141 * mm]))
        flowables.append(
            self.para(
                "En jurymedlem som anmält jäv har inte bedömt nomineringen och räknas inte "
                "med i dess resultat.",
                "note",
            )
        )
        return flowables

    def scores(self) -> list[Flowable]:
        record = self.record
        flowables: list[Flowable] = [CondPageBreak(70 * mm), self.para("Poäng", "heading")]
        if not record.nominations or not record.criteria:
            return [*flowables, self.para("Inga poäng har registrerats.", "body")]
        flowables.append(
            self.para(
                "Varje jurymedlems poäng per kriterium. Viktat medel: jurymedlemmens "
                f"medelvärde vägt med kriteriernas vikter. «{CONFLICT_MARK}» = jäv, "
                f"«{MISSING_MARK}» = ingen poäng.",
                "note",
            )
        )
        jurors = record.jury
        first = 70 * mm
        juror_width = min(32 * mm, (CONTENT_WIDTH - first) / max(1, len(jurors)))
        widths = [first] + [juror_width] * len(jurors)
        for nomination in record.nominations:
            head = [self.para("Kriterium (vikt, skala)", "head")]
            head += [self.para(j.name, "head_centre") for j in jurors]
            rows: list[list[Any]] = [head]
            for c_index, criterion in enumerate(record.criteria):
                row: list[Any] = [
                    self.para(
                        f"{criterion.name} ({weight_text(criterion.weight)}, "
                        f"{criterion.scale_min}–{criterion.scale_max})"
                    )
                ]
                for j_index in range(len(jurors)):
                    if _flag(nomination.conflicted, j_index):
                        row.append(CONFLICT_MARK)
                        continue
                    value = _cell(nomination.scores, c_index, j_index)
                    row.append(MISSING_MARK if value is None else str(value))
                rows.append(row)
            means: list[Any] = [self.para("Viktat medel", "cell_bold")]
            for j_index in range(len(jurors)):
                if _flag(nomination.conflicted, j_index):
                    means.append(CONFLICT_MARK)
                else:
                    means.append(number(_at(nomination.juror_means, j_index)))
            rows.append(means)
            extra: list[tuple[Any, ...]] = [
                ("ALIGN", (1, 1), (-1, -1), "CENTER"),
                ("FONTNAME", (1, -1), (-1, -1), SANS_BOLD),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, NAVY),
                ("BACKGROUND", (0, -1), (-1, -1), LIGHT),
            ]
            for j_index in range(len(jurors)):
                if _flag(nomination.conflicted, j_index):
                    column = j_index + 1
                    extra.append(("BACKGROUND", (column, 1), (column, -1), CONFLICT_FILL))
                    extra.append(("TEXTCOLOR", (column, 1), (column, -1), GREY))
            caption = nomination.name
            if nomination.organisations:
                caption += " – " + ", ".join(nomination.organisations)
            flowables.append(
                KeepTogether([self.para(caption, "subheading"), self.table(rows, widths, extra)])
            )
        return flowables

    def ranking(self) -> list[Flowable]:
        heads = (
            "Plats",
            "Nominering",
            "Viktat medel",
            "Median",
            "Spridning (std.avv.)",
            "Antal poäng",
            "Jurymedlemmar",
            "Jäv",
        )
        rows: list[list[Any]] = [
            [self.para(h, "head" if i < 2 else "head_right") for i, h in enumerate(heads)]
        ]
        for row in self.record.ranking:
            rows.append(
                [
                    str(row.rank) if row.rank else MISSING_MARK,
                    self.para(row.nominee_name, "cell_bold" if row.rank == 1 else "cell"),
                    number(row.mean),
                    number(row.median),
                    number(row.spread),
                    str(row.score_count),
                    str(row.juror_count),
                    str(row.conflicts),
                ]
            )
        widths = [14 * mm, 80 * mm, 26 * mm, 22 * mm, 35 * mm, 26 * mm, 36 * mm, 22 * mm]
        return [
            CondPageBreak(40 * mm),
            self.para("Rangordning", "heading"),
            self.table(rows, widths, [("ALIGN", (2, 1), (-1, -1), "RIGHT")]),
            self.para(
                "Viktat medel: medelvärdet av jurymedlemmarnas viktade medel; jurymedlemmar "
                "med jäv räknas inte.",
                "note",
            ),
        ]

    def decision(self) -> list[Flowable]:
        record = self.record
        flowables: list[Flowable] = [CondPageBreak(50 * mm), self.para("Beslut", "heading")]
        winners = ", ".join(one_line(w) for w in record.winners) or MISSING_MARK
        label = "Vinnare" if len(record.winners) < 2 else "Vinnare (delat pris)"
        flowables.append(self.para(f"{label}: {winners}", "subheading"))
        if record.mentions:
            flowables.append(
                self.para(
                    "Hedersomnämnande: " + ", ".join(one_line(m) for m in record.mentions),
                    "body",
                )
            )
        if record.decision_date is not None:
            flowables.append(
                self.para(f"Beslutsdatum: {swedish_date(record.decision_date)}", "body")
            )
        flowables.append(self.para("Juryns motivering", "subheading"))
        for part in paragraphs(record.motivation):
            flowables.append(self.para(part, "body"))
        return flowables

    def signatures(self) -> list[Flowable]:
        record = self.record
        dateline = place_and_date(record.place, record.decision_date, record.year)
        if record.decision_date is None:
            dateline = f"{one_line(record.place) or 'Ort'} den ____________________"
        cells: list[Any] = []
        for juror in record.jury:
            title = juror.title + (" (ordförande)" if juror.is_chair else "")
            cells.append(
                [
                    Spacer(1, 14 * mm),
                    self.para(juror.name, "sign_name"),
                    self.para(title, "sign_title"),
                ]
            )
        columns = 3
        rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
        if rows and len(rows[-1]) < columns:
            rows[-1] += [""] * (columns - len(rows[-1]))
        width = CONTENT_WIDTH / columns
        table = Table(rows or [[""]], colWidths=[width] * columns, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]
        table.setStyle(TableStyle(commands))
        return [
            CondPageBreak(len(rows) * 32 * mm + 30 * mm),
            self.para("Underskrifter", "heading"),
            self.para(
                "Juryn intygar med sina underskrifter att protokollet återger juryns "
                "bedömning och beslut.",
                "body",
            ),
            self.para(dateline, "body"),
            _SignatureGrid(table, len(cells), columns, width),
        ]

    def story(self) -> list[Flowable]:
        return [
            *self.header(),
            *self.jury(),
            *self.criteria(),
            *self.conflicts(),
            *self.scores(),
            *self.ranking(),
            *self.decision(),
            *self.signatures(),
        ]

    def later_pages(self, canvas: Any, doc: Any) -> None:
        """A running head on every page: what this is, so a loose page is identifiable."""
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, PAGE_SIZE[1] - 11 * mm, self.title())
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.5)
        y = PAGE_SIZE[1] - 12.5 * mm
        canvas.line(MARGIN, y, PAGE_SIZE[0] - MARGIN, y)
        canvas.restoreState()

    def render(self) -> bytes:
        register_fonts()
        buffer = io.BytesIO()
        record = self.record
        doc = SimpleDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=self.title(),
            author=one_line(record.organiser),
            subject=f"Juryns bedömning och beslut, {one_line(record.prize_name)} {record.year}",
            keywords=f"juryprotokoll, {one_line(record.prize_name)}, {record.year}",
            creator=CREATOR,
            invariant=1,
            lang=LANGUAGE,
            initialFontName=INITIAL_FONT,
            pageCompression=1,
        )
        doc.build(
            self.story(),
            onFirstPage=lambda c, d: None,
            onLaterPages=self.later_pages,
            canvasmaker=NumberedCanvas,
        )
        return buffer.getvalue()


class _SignatureGrid(Flowable):
    """The signature table with a ruled line above each name (drawn, not a table border)."""

    def __init__(self, table: Table, count: int, columns: int, column_width: float) -> None:
        super().__init__()
        self.table = table
        self.count = count
        self.columns = columns
        self.column_width = column_width

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)
        heights = self.table._rowHeights  # measured by wrap()
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        top = self.height
        for index in range(self.count):
            row, column = divmod(index, self.columns)
            y = top - sum(heights[:row]) - 14 * mm + 1
            x = column * self.column_width
            canvas.line(x, y, x + self.column_width - 12 * mm, y)
        canvas.restoreState()


def _at(values: tuple[Any, ...], index: int) -> Any:
    return values[index] if index < len(values) else None


def _flag(values: tuple[bool, ...], index: int) -> bool:
    return bool(_at(values, index))


def _cell(scores: tuple[tuple[int | None, ...], ...], c_index: int, j_index: int) -> int | None:
    row = scores[c_index] if c_index < len(scores) else ()
    return _at(row, j_index)


def render_protocol(record: ProtocolRecord) -> bytes:
    """The jury's protocol as a PDF (A4 landscape)."""
    return ProtocolRenderer(record).render()


__all__ = [
    "ProtocolRenderer",
    "number",
    "render_protocol",
]
