"""A minimal DOCX of the diploma (WordprocessingML by hand, no extra packages).

Same content and page as ours: A4 landscape, centred prize, "tilldelas", name,
organisations, motivation, date line and signature, in EB Garamond.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from trygghetspris_desktop.domain.award_record import AwardRecord

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph(text: str, size_pt: float, *, italic: bool = False, after_pt: float = 6) -> str:
    italic_xml = "<w:i/>" if italic else ""
    return (
        f'<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="{round(after_pt * 20)}"/>'
        f'</w:pPr><w:r><w:rPr><w:rFonts w:ascii="EB Garamond" w:hAnsi="EB Garamond"/>'
        f'{italic_xml}<w:sz w:val="{round(size_pt * 2)}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


def diploma_document_xml(record: AwardRecord) -> str:
    winner = record.winners[0]
    chair = record.chair
    parts = [
        _paragraph(f"{record.prize_name} {record.year}", 24),
        _paragraph("tilldelas", 18, italic=True),
        _paragraph(winner.name, 44, after_pt=2),
        _paragraph(" och ".join(winner.organisations), 16, italic=True, after_pt=14),
        *(_paragraph(p, 11.5) for p in record.motivation.split("\n\n")),
        _paragraph(f"{record.place} den 17 november {record.year}", 12.5, after_pt=30),
        _paragraph("______________________________", 12.5, after_pt=0),
        _paragraph(chair.name if chair else "", 12.5, after_pt=0),
        _paragraph(chair.title if chair else "", 11, italic=True),
    ]
    section = (
        '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
        '<w:pgMar w:top="1531" w:right="1928" w:bottom="1531" w:left="1928" w:header="0" '
        'w:footer="0" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(parts)}{section}</w:body></w:document>'
    )


def write_diploma_docx(record: AwardRecord, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", diploma_document_xml(record))
    return path


_PRESS_STYLES = {  # block kind -> (size in pt, bold, italic)
    "organiser": (10, True, False),
    "date": (10, False, False),
    "headline": (20, True, False),
    "lead": (11, True, False),
    "heading": (12, True, False),
    "intro": (11, False, True),
    "quote": (11, False, True),
    "footnote": (9, False, False),
}


def _left_paragraph(text: str, size_pt: float, *, bold: bool, italic: bool) -> str:
    style = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    runs = "<w:br/>".join(
        f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n")
    )
    return (
        '<w:p><w:pPr><w:spacing w:after="120"/></w:pPr><w:r><w:rPr>'
        '<w:rFonts w:ascii="EB Garamond" w:hAnsi="EB Garamond"/>'
        f'{style}<w:sz w:val="{round(size_pt * 2)}"/></w:rPr>{runs}</w:r></w:p>'
    )


def press_release_document_xml(record: AwardRecord) -> str:
    """The press release's blocks (the same as our PDF's) as A4 portrait paragraphs."""
    from trygghetspris_desktop.documents.press_text import press_release_blocks

    parts = []
    for block in press_release_blocks(record):
        size, bold, italic = _PRESS_STYLES.get(block.kind, (11, False, False))
        lines = block.lines if block.kind in ("list", "lines") else (block.text,)
        parts += [_left_paragraph(line, size, bold=bold, italic=italic) for line in lines]
    section = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" '
        'w:footer="709" w:gutter="0"/></w:sectPr>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(parts)}{section}</w:body></w:document>'
    )


def write_press_release_docx(record: AwardRecord, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", press_release_document_xml(record))
    return path
