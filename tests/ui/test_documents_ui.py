"""Document preview, print, save and "Alla dokument för året…", driven through real widgets."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from tests.builders import make_year
from trygghetspris_desktop.documents import DocumentError
from trygghetspris_desktop.documents.bundle import document_names
from trygghetspris_desktop.ui import document_actions
from trygghetspris_desktop.ui.dialogs.document_preview import DocumentPreview
from trygghetspris_desktop.ui.workers import CancelToken


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _wait_ready(qtbot, dialog: DocumentPreview) -> None:
    qtbot.waitUntil(
        lambda: (
            dialog.document.status() == QPdfDocument.Status.Ready
            and dialog.document.pageCount() >= 1
        ),
        timeout=10_000,
    )


def _no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture
def warnings(monkeypatch):
    """Message boxes are recorded instead of shown (a modal box would block the test)."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: shown.append(text))
    )
    return shown


def _save_to(monkeypatch, path: Path, chosen_filter: str = "") -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), chosen_filter))
    )


def test_the_diploma_button_shows_the_2022_diploma(main_window, qtbot, monkeypatch, tmp_path):
    tab = main_window.history_tab
    main_window.show_tab("historik")
    tab.select_year(2022)
    qtbot.mouseClick(tab.diploma_button, Qt.MouseButton.LeftButton)
    previews = main_window.findChildren(DocumentPreview)
    assert len(previews) == 1
    dialog = previews[0]
    _wait_ready(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Diplom 2022"
    assert dialog.pages_label.text() == "1 sida"
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.print_button.isEnabled()

    target = tmp_path / "ut" / "diplom.pdf"
    _save_to(monkeypatch, target, "PDF-dokument (*.pdf)")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert "IGOR" in _text(data)
    assert _no_temp_files(target.parent)

    dialog.zoom_combo.setCurrentIndex(dialog.zoom_combo.findText("100 %"))
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == 1.0


def test_printing_renders_every_page_into_the_printer(main_window, services, qtbot, tmp_path):
    dialog = document_actions.show_diploma(main_window, services, 2022)
    _wait_ready(qtbot, dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "utskrift.pdf"))
    assert dialog.print_to(printer)
    printed = PdfReader(str(tmp_path / "utskrift.pdf"))
    assert len(printed.pages) == 1


def test_open_in_viewer_writes_a_temporary_copy(main_window, services, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    dialog = document_actions.show_diploma(main_window, services, 2022)
    _wait_ready(qtbot, dialog)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].endswith("diplom-2022.pdf")
    assert Path(opened[0]).read_bytes().startswith(b"%PDF")


def test_the_press_release_saves_as_pdf_text_or_html(
    main_window, services, qtbot, monkeypatch, tmp_path
):
    dialog = document_actions.show_press_release(main_window, services, 2022)
    _wait_ready(qtbot, dialog)
    assert dialog.windowTitle() == "Pressmeddelande 2022"
    _save_to(monkeypatch, tmp_path / "press", "Text (*.txt)")  # no suffix: the filter decides
    dialog.save_as()
    text = (tmp_path / "press.txt").read_text("utf-8")
    assert "IGOR" in text and "Alexander Ojanne" in text
    _save_to(monkeypatch, tmp_path / "press.html", "PDF-dokument (*.pdf)")  # suffix wins
    dialog.save_as()
    assert "<html" in (tmp_path / "press.html").read_text("utf-8").lower()
    _save_to(monkeypatch, tmp_path / "press.pdf", "PDF-dokument (*.pdf)")
    dialog.save_as()
    assert "IGOR" in _text((tmp_path / "press.pdf").read_bytes())


def test_a_year_without_a_decision_shows_the_swedish_message(main_window, services, db, warnings):
    assert document_actions.show_diploma(main_window, services, 2026) is None
    assert "2026 finns inte" in warnings[-1]
    make_year(db, 2025)
    assert document_actions.show_press_release(main_window, services, 2025) is None
    assert "2025 har inget beslut" in warnings[-1]
    assert document_actions.export_all(main_window, services, 2025) is None
    assert not main_window.findChildren(DocumentPreview)


def test_a_document_error_is_shown_not_raised(main_window, services, monkeypatch, warnings):
    def refuse(record):
        raise DocumentError("Juryns motivering är 300 tecken för lång för diplomet.")

    monkeypatch.setattr(document_actions, "render_diploma", refuse)
    assert document_actions.show_diploma(main_window, services, 2022) is None
    assert warnings == ["Juryns motivering är 300 tecken för lång för diplomet."]


def test_all_documents_are_written_in_the_background(main_window, qtbot, monkeypatch, tmp_path):
    folder = tmp_path / "dokument"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    main_window.select_year(2022)
    jobs = []
    real = document_actions.ExportJob
    monkeypatch.setattr(document_actions, "ExportJob", lambda *a: jobs.append(real(*a)) or jobs[-1])
    for action in main_window.documents_menu.actions():
        if action.objectName() == "actionAllDocuments":
            action.trigger()
    assert len(jobs) == 1
    job = jobs[0]
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert job.result is not None and not job.result.cancelled
    assert sorted(p.name for p in folder.iterdir()) == sorted(document_names(2022))
    assert (folder / "diplom-2022.pdf").read_bytes().startswith(b"%PDF")
    assert "IGOR" in (folder / "pressmeddelande-2022.txt").read_text("utf-8")
    assert "4 av 4 dokument sparades" in main_window.statusBar().currentMessage()


def test_cancelling_stops_before_the_next_document(
    main_window, services, qtbot, monkeypatch, tmp_path
):
    gate = threading.Event()
    real = document_actions.iter_year_documents

    def gated(record):
        for number, item in enumerate(real(record)):
            if number == 1:
                gate.wait(10)
            yield item

    monkeypatch.setattr(document_actions, "iter_year_documents", gated)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path))
    )
    job = document_actions.export_all(main_window, services, 2022)
    first = tmp_path / "diplom-2022.pdf"
    qtbot.waitUntil(first.exists, timeout=10_000)
    qtbot.mouseClick(job.progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Avbryt
    gate.set()
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert job.result.cancelled
    assert [p.name for p in job.result.written] == ["diplom-2022.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["diplom-2022.pdf"]
    assert _no_temp_files(tmp_path)
    assert "Avbrutet: 1 av 4" in main_window.statusBar().currentMessage()


def test_the_worker_function_checks_the_token_between_documents(db, context, tmp_path):
    from trygghetspris_desktop.core.records import award_record

    record = award_record(db, 2022, context.paths.data_dir)
    token = CancelToken()
    reports = []

    def report(done, name):
        reports.append((done, name))
        if done == 2:
            token.cancel()

    result = document_actions.write_year_documents(record, tmp_path, token, report)
    assert result.cancelled
    assert [p.name for p in result.written] == document_names(2022)[:2]
    assert reports == [
        (0, "diplom-2022.pdf"),
        (1, "pressmeddelande-2022.pdf"),
        (2, "pressmeddelande-2022.txt"),
    ]
    assert _no_temp_files(tmp_path)


def test_the_preview_says_what_the_document_leaves_out(main_window, qtbot):
    """2022 is registered from the press release, which gives no date of the decision: the
    diploma's preview says, above the page, that its date line shows only the year."""
    dialog = document_actions.show_diploma(main_window, main_window.services, 2022)
    _wait_ready(qtbot, dialog)
    label = dialog.omissions_label
    assert label.isVisibleTo(dialog)
    assert label.text().startswith("Inte känt, och därför utelämnat i dokumentet:")
    assert "• Diplomets datumrad visar bara årtalet" in label.text()
    assert "underskrift" not in label.text()  # the chair of 2022 is known
