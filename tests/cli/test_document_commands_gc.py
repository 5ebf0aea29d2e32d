"""The document commands run without the cyclic garbage collector and restore it after."""

from __future__ import annotations

import gc

import pytest

import trygghetspris_desktop.documents as documents
from trygghetspris_desktop.cli import main


@pytest.mark.parametrize(
    ("command", "renderer"),
    [("press-release", "render_press_release_pdf"), ("diploma", "render_diploma")],
)
def test_a_document_is_rendered_without_the_collector_which_comes_back(
    command, renderer, data_dir, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    states = []
    real = getattr(documents, renderer)

    def render(record, **options):  # type: ignore[no-untyped-def]
        states.append(gc.isenabled())
        return real(record, **options)

    monkeypatch.setattr(documents, renderer, render)
    assert gc.isenabled()
    assert main([command, "2022", "-o", str(tmp_path / "out.pdf")]) == 0
    assert states == [False]
    assert gc.isenabled()
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    # A failing command gives it back too.
    assert main([command, "2031", "-o", str(tmp_path / "none.pdf")]) == 1
    assert gc.isenabled()
