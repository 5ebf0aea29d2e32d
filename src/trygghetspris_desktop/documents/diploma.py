"""The diploma: A4 landscape, one page per winner and per honourable mention.

Top to bottom, centred: the logo, the prize and year, "tilldelas" (or "Hedersomnämnande"),
the name (fitted: shrinks, then wraps, never clipped), the organisations, the jury's
motivation (its size fitted to the space left), then the place and date beside the
signature line(s). Nothing is drawn nearer the trim than :data:`PRINT_MARGIN`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from trygghetspris_desktop.documents.base import PdfRenderer
from trygghetspris_desktop.documents.dates import place_and_date
from trygghetspris_desktop.documents.errors import DocumentError, swedish_count
from trygghetspris_desktop.documents.fitting import first_fit, longest_fitting_prefix, sizes
from trygghetspris_desktop.documents.fonts import SERIF, SERIF_ITALIC, SERIF_SMALL_CAPS, face
from trygghetspris_desktop.documents.logo import draw_logo
from trygghetspris_desktop.documents.styles import GOLD, NAVY, DiplomaStyles, TextStyle
from trygghetspris_desktop.documents.text import clean, join_swedish, one_line, paragraphs, runs
from trygghetspris_desktop.documents.typeset import Paragraph, Wrapped, wrap
from trygghetspris_desktop.domain.award_record import AwardRecord, JuryMember, Laureate

PAGE_SIZE = landscape(A4)
PRINT_MARGIN = 15 * mm  # the outer border line; nothing is drawn nearer the edge
WINNER_WORDING = "tilldelas"
MENTION_WORDING = "Hedersomnämnande"

CONTENT_WIDTH = PAGE_SIZE[0] - 2 * 34 * mm
MOTIVATION_WIDTH = 215 * mm
TOP = PAGE_SIZE[1] - 25 * mm  # top of the logo
BOTTOM = 27 * mm  # foot of the signatory's title
LOGO_HEIGHT = 19 * mm
SIGNATURE_SPACE = 13 * mm  # room above a signature line for the hand
SIGNATURE_WIDTH = 72 * mm

# (font sizes to try, most lines allowed) for the name, in order.
NAME_STAGES = (
    (sizes(44, 30, 2), 1),
    (sizes(34, 22, 2), 2),
    (sizes(21, 14, 1), 4),
)
MOTIVATION_SIZES = sizes(13.5, 9.5, 0.25)  # the last is the floor
# (font sizes to try, most lines allowed) for the organisations line, in order.
ORGANISATION_STAGES = (
    (sizes(16, 13, 1), 2),
    (sizes(12.5, 10, 0.5), 3),
    (sizes(10, 9, 0.5), 6),
)
_REFERENCE_MOTIVATION = (
    "Juryn vill lyfta fram ett engagerat och nyskapande samarbete som gör staden tryggare för "
    "alla som bor, arbetar och vistas här. Verksamheten provar nya arbetssätt, når ut till dem "
    "som behöver stöd och visar hur myndigheter kan arbeta tillsammans över gränserna. "
) * 30


@dataclass(frozen=True)
class CropMarks:
    """Crop marks outside the A4 trim, in the form ReportLab's canvas expects."""

    borderWidth: float = 12 * mm
    markLength: float = 8 * mm
    markWidth: float = 0.3
    markColor: Any = black
    markLast: int = 1
    bleedWidth: float = 0


@dataclass
class PageLayout:
    """Everything one page shows, already laid out; ``top``/``y`` values are in points."""

    blocks: list[tuple[Wrapped, float, float]]  # (paragraphs, left x, top y)
    ornament_y: float
    signature_line_y: float
    signature_centres: list[float]
    motivation_space: float  # the height the motivation may take


class DiplomaRenderer(PdfRenderer):
    """Renders the diploma pages of one year.

    Attributes:
        record: the year's data.
        crop_marks: draw crop marks (the page grows beyond A4; the TrimBox stays A4).
    """

    initial_font = SERIF  # the diploma is all EB Garamond; DejaVu only as a fallback

    def __init__(self, record: AwardRecord, *, crop_marks: bool = False) -> None:
        super().__init__(record)
        self.crop_marks = crop_marks
        self.styles = DiplomaStyles

    # -- hooks -------------------------------------------------------------------------
    def fonts(self) -> None:
        """Only the faces the diploma sets (a fallback is parsed when a text needs it)."""
        for name in (SERIF, SERIF_ITALIC, SERIF_SMALL_CAPS):
            face(name)

    def document_title(self) -> str:
        names = join_swedish([one_line(w.name) for w in self.record.winners if one_line(w.name)])
        base = f"Diplom – {one_line(self.record.prize_name)} {self.record.year}"
        return f"{base} – {names}" if names else base

    def pages(self) -> list[tuple[Laureate, bool]]:
        """(laureate, is_mention) per page: the winners, then the honourable mentions."""
        pages = [(w, False) for w in self.record.winners] + [
            (m, True) for m in self.record.mentions
        ]
        if not pages:
            raise DocumentError(
                f"Det finns ingen vinnare eller hedersomnämnande för {self.record.year} "
                "att skriva diplom för.",
                field="winners",
            )
        return pages

    def make_canvas(self, buffer: io.BytesIO) -> Canvas:
        options = self.canvas_options()
        if self.crop_marks:
            marks = CropMarks()
            border = marks.borderWidth
            trim = (border, border, border + PAGE_SIZE[0], border + PAGE_SIZE[1])
            options.update(cropMarks=marks, trimBox=trim, bleedBox=trim, artBox=trim)
        canvas = Canvas(buffer, pagesize=PAGE_SIZE, **options)
        self.apply_metadata(canvas)
        return canvas

    def render(self) -> bytes:
        self.fonts()
        layouts = [self.layout(laureate, mention) for laureate, mention in self.pages()]
        buffer = io.BytesIO()
        canvas = self.make_canvas(buffer)
        for layout in layouts:
            self.draw_page(canvas, layout)
            canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    # -- layout ------------------------------------------------------------------------
    def motivation_of(self, laureate: Laureate, mention: bool) -> str:
        if mention:
            return laureate.motivation
        return laureate.motivation or self.record.motivation

    def layout(self, laureate: Laureate, mention: bool) -> PageLayout:
        """Lay out one page; raises :class:`DocumentError` when the text cannot fit."""
        centre_x = (PAGE_SIZE[0] - CONTENT_WIDTH) / 2
        blocks: list[tuple[Wrapped, float, float]] = []

        def stack(wrapped: Wrapped, top: float, x: float = centre_x) -> float:
            blocks.append((wrapped, x, top))
            return top - wrapped.height

        styles = self.styles
        title = f"{one_line(self.record.prize_name)} {self.record.year}"
        cursor = TOP - LOGO_HEIGHT - 5 * mm
        cursor = stack(self._wrap(title, styles.title), cursor)
        ornament_y = cursor - 3.5 * mm
        cursor = ornament_y - 3.5 * mm
        wording = MENTION_WORDING if mention else WINNER_WORDING
        cursor = stack(self._wrap(wording, styles.awarded), cursor) - 2.5 * mm
        cursor = stack(self.fit_name(laureate), cursor) - 1 * mm
        organisations = join_swedish([one_line(o) for o in laureate.organisations])
        if organisations:
            cursor = stack(self.fit_organisations(organisations, laureate), cursor)

        line_y, centres, bottom_blocks = self.layout_signatures()
        blocks += bottom_blocks
        space_top = cursor - 7 * mm
        space_bottom = line_y + SIGNATURE_SPACE + 3 * mm
        motivation = self.motivation_of(laureate, mention)
        if paragraphs(motivation):
            fitted = self.fit_motivation(motivation, space_top - space_bottom, laureate)
            middle = (space_top + space_bottom) / 2
            left = (PAGE_SIZE[0] - MOTIVATION_WIDTH) / 2
            blocks.append((fitted, left, middle + fitted.height / 2))
        return PageLayout(blocks, ornament_y, line_y, centres, space_top - space_bottom)

    @staticmethod
    def _wrap(text: str, style: TextStyle, width: float = CONTENT_WIDTH) -> Wrapped:
        return wrap([tuple(runs(one_line(text), face(style.font)))], style, width)

    def fit_name(self, laureate: Laureate) -> Wrapped:
        """The name at the largest size that fits one line, else two, else up to four."""
        name = [tuple(runs(one_line(laureate.name), face(SERIF)))]
        for candidates, max_lines in NAME_STAGES:

            def fits(wrapped: Wrapped, limit: int = max_lines) -> bool:
                return wrapped.lines <= limit

            fitted = first_fit(name, self.styles.name, CONTENT_WIDTH, candidates, fits)
            if fitted is not None:
                return fitted
        raise DocumentError(
            f"Namnet är för långt för diplomet: {one_line(laureate.name)[:40]}…", field="name"
        )

    def fit_organisations(self, organisations: str, laureate: Laureate) -> Wrapped:
        """The organisations at 16 pt on two lines at most, else smaller on up to six."""
        text = [tuple(runs(organisations, face(SERIF_ITALIC)))]
        base = self.styles.organisations

        def style_for(size: float) -> TextStyle:
            return replace(base, size=size, leading=size * 1.25)

        for candidates, max_lines in ORGANISATION_STAGES:

            def fits(wrapped: Wrapped, limit: int = max_lines) -> bool:
                return wrapped.lines <= limit

            fitted = first_fit(text, style_for, CONTENT_WIDTH, candidates, fits)
            if fitted is not None:
                return fitted
        count = len(laureate.organisations)
        raise DocumentError(
            f"Organisationerna för {one_line(laureate.name)[:40]} får inte plats på diplomet "
            f"({swedish_count(count)} {'organisation' if count == 1 else 'organisationer'}, "
            f"{swedish_count(len(organisations))} tecken); korta namnen eller ta bort några.",
            field="organisations",
        )

    def fit_motivation(self, text: str, height: float, laureate: Laureate) -> Wrapped:
        """The motivation at the largest size that fits ``height``; too long raises."""

        def paragraphs_of(source: str) -> list[Paragraph]:
            return [tuple(runs(part, face(SERIF))) for part in paragraphs(source)]

        def fits(wrapped: Wrapped) -> bool:
            return wrapped.height <= height

        def guess(at_largest: Wrapped) -> float:
            # A text's area grows with the square of its size (no room at all: the floor).
            return at_largest.size * (max(height, 0.0) / at_largest.height) ** 0.5

        fitted = first_fit(
            paragraphs_of(text),
            self.styles.motivation,
            MOTIVATION_WIDTH,
            MOTIVATION_SIZES,
            fits,
            guess,
        )
        if fitted is not None:
            return fitted
        cleaned = clean(text)
        floor = self.styles.motivation(MOTIVATION_SIZES[-1])
        limit = longest_fitting_prefix(
            len(cleaned), lambda n: fits(wrap(paragraphs_of(cleaned[:n]), floor, MOTIVATION_WIDTH))
        )
        whose = "" if len(self.pages()) == 1 else f" för {one_line(laureate.name)}"
        if limit == 0:
            raise DocumentError(
                f"Namnet och organisationerna{whose} tar hela sidan; juryns motivering får "
                "inte plats på diplomet. Korta namnet eller organisationerna.",
                field="organisations",
            )
        raise DocumentError(
            f"Juryns motivering{whose} är för lång för diplomet: "
            f"{swedish_count(len(cleaned) - limit)} tecken för mycket "
            f"(högst {swedish_count(limit)}).",
            field="motivation",
            excess=len(cleaned) - limit,
            limit=limit,
        )

    def signatories(self) -> list[JuryMember]:
        """Who signs: the chair (and a second signatory). A chair who is not known (a year
        registered afterwards) gets no line at all: never a blank or a placeholder name."""
        people = (self.record.chair, self.record.second_signatory)
        return [p for p in people if p is not None and one_line(p.name)]

    def layout_signatures(self) -> tuple[float, list[float], list[tuple[Wrapped, float, float]]]:
        """The signature line's height, the column centres (date first) and their text."""
        styles = self.styles
        people = self.signatories()
        columns = len(people) + 1
        spacing = 82 * mm if columns == 3 else 110 * mm
        centre = PAGE_SIZE[0] / 2
        centres = [centre + (i - (columns - 1) / 2) * spacing for i in range(columns)]
        names = [self._wrap(p.name, styles.signatory, SIGNATURE_WIDTH) for p in people]
        titles = [self._wrap(p.title, styles.signatory_title, SIGNATURE_WIDTH) for p in people]
        heights = [n.height + t.height for n, t in zip(names, titles, strict=True)]
        below = max(heights, default=self._wrap("0", styles.signatory, SIGNATURE_WIDTH).height)
        line_y = BOTTOM + below + 1.5 * mm
        blocks: list[tuple[Wrapped, float, float]] = []
        for x, name, title in zip(centres[1:], names, titles, strict=True):
            left = x - SIGNATURE_WIDTH / 2
            blocks.append((name, left, line_y - 1.5 * mm))
            blocks.append((title, left, line_y - 1.5 * mm - name.height))
        record = self.record
        dateline = place_and_date(
            one_line(record.place), record.decision_date or record.ceremony_date, record.year
        )
        # The date stands level with the signatory's name, under no line of its own.
        date = self._wrap(dateline, styles.dateline, SIGNATURE_WIDTH)
        blocks.append((date, centres[0] - SIGNATURE_WIDTH / 2, line_y - 1.5 * mm))
        return line_y, centres, blocks

    # -- drawing -----------------------------------------------------------------------
    def draw_page(self, canvas: Canvas, layout: PageLayout) -> None:
        self.draw_border(canvas)
        logo_width = 80 * mm
        draw_logo(
            canvas,
            self.record.logo_path,
            (PAGE_SIZE[0] - logo_width) / 2,
            TOP - LOGO_HEIGHT,
            logo_width,
            LOGO_HEIGHT,
        )
        self.draw_ornament(canvas, layout.ornament_y)
        for wrapped, x, top in layout.blocks:
            wrapped.draw(canvas, x, top)
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(0.6)
        for x in layout.signature_centres[1:]:
            half = SIGNATURE_WIDTH / 2 - 4 * mm
            canvas.line(x - half, layout.signature_line_y, x + half, layout.signature_line_y)

    def draw_border(self, canvas: Canvas) -> None:
        width, height = PAGE_SIZE
        canvas.saveState()
        canvas.setStrokeColor(NAVY)
        canvas.setLineWidth(2.4)
        inset = PRINT_MARGIN + 1.2  # the stroke's outer edge sits on the margin
        canvas.rect(inset, inset, width - 2 * inset, height - 2 * inset, stroke=1, fill=0)
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(0.7)
        inner = PRINT_MARGIN + 3.2 * mm
        canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner, stroke=1, fill=0)
        canvas.setFillColor(GOLD)
        for x in (inner, width - inner):
            for y in (inner, height - inner):
                self._diamond(canvas, x, y, 1.6 * mm)
        canvas.restoreState()

    def draw_ornament(self, canvas: Canvas, y: float) -> None:
        """A short gold rule with a diamond, under the prize's name."""
        centre = PAGE_SIZE[0] / 2
        canvas.saveState()
        canvas.setStrokeColor(GOLD)
        canvas.setFillColor(GOLD)
        canvas.setLineWidth(0.6)
        canvas.line(centre - 32 * mm, y, centre - 3 * mm, y)
        canvas.line(centre + 3 * mm, y, centre + 32 * mm, y)
        self._diamond(canvas, centre, y, 1.3 * mm)
        canvas.restoreState()

    @staticmethod
    def _diamond(canvas: Canvas, x: float, y: float, r: float) -> None:
        path = canvas.beginPath()
        path.moveTo(x, y + r)
        path.lineTo(x + r, y)
        path.lineTo(x, y - r)
        path.lineTo(x - r, y)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)


def render_diploma(record: AwardRecord, *, crop_marks: bool = False) -> bytes:
    """The year's diplomas as one PDF: a page per winner, then per honourable mention."""
    return DiplomaRenderer(record, crop_marks=crop_marks).render()


@cache
def max_motivation_length() -> int:
    """About how many characters of motivation fit on a diploma at the smallest size.

    Measured by laying out ordinary Swedish prose on a page with a one-line name, one line
    of organisations and one signatory; the exact limit depends on the words and paragraphs,
    and a too-long motivation's error message states the limit for that very text.
    """
    from trygghetspris_desktop.domain.award_record import Organiser

    record = AwardRecord(
        prize_name="Stockholms stads trygghetspris",
        year=2022,
        first_year=2012,
        organiser=Organiser("Stockholms stad"),
        winners=(Laureate("IGOR", organisations=("Polisen", "Södermalms stadsdelsförvaltning")),),
        jury=(JuryMember("Alexander Ojanne", "social- och trygghetsborgarråd", is_chair=True),),
    )
    renderer = DiplomaRenderer(record)
    renderer.fonts()
    laureate = record.winners[0]
    space = renderer.layout(laureate, False).motivation_space
    try:
        renderer.fit_motivation(_REFERENCE_MOTIVATION, space, laureate)
    except DocumentError as error:
        assert error.limit is not None
        return error.limit
    return len(_REFERENCE_MOTIVATION)  # pragma: no cover - the reference text is too long
