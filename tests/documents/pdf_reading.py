"""Reading our PDFs back the way a person (or a search index) would: with pypdf."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Collapse every run of white space (line breaks included) to one space."""
    return _SPACES.sub(" ", text).strip()


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    """The normalised text of each page."""
    return [normalise(page.extract_text()) for page in reader(pdf).pages]


def all_text(pdf: bytes) -> str:
    return " ".join(page_texts(pdf))


def _resolve(obj: Any) -> Any:
    return obj.get_object() if hasattr(obj, "get_object") else obj


def fonts_without_embedding(pdf: bytes) -> list[str]:
    """Base names of fonts referenced by any page that have no embedded font program."""
    missing = []
    for page in reader(pdf).pages:
        resources = _resolve(page.get("/Resources", {}))
        fonts = _resolve(resources.get("/Font", {}))
        for ref in fonts.values():
            font = _resolve(ref)
            descendants = [_resolve(d) for d in _resolve(font.get("/DescendantFonts", []))]
            for candidate in descendants or [font]:
                descriptor = _resolve(candidate.get("/FontDescriptor", {}))
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(candidate.get("/BaseFont")))
    return missing


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in reader(pdf).pages:
        resources = _resolve(page.get("/Resources", {}))
        for ref in _resolve(resources.get("/Font", {})).values():
            names.add(str(_resolve(ref).get("/BaseFont")))
    return names
