"""Importing nominations from a CSV file (a web-form export): map, preview, then import.

The dialog reads the file, maps each of its headers to one of our columns (pre-filled by
exact and similar names), and shows every row as it would be imported with its errors
highlighted, before anything is written. «Importera» is enabled only when no row has an
error; the import is all or nothing, after a backup.

Files are small; a file of more than :data:`BACKGROUND_ROWS` lines is checked on a pool
thread (see :mod:`trygghetspris_desktop.ui.workers`) so the window stays responsive.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.core import years
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.exchange import csv_io
from trygghetspris_desktop.ui import services as topics
from trygghetspris_desktop.ui import workers
from trygghetspris_desktop.ui.keyboard import prepare_on_show
from trygghetspris_desktop.ui.models.csv_preview_model import CsvPreviewModel
from trygghetspris_desktop.ui.services import DataService
from trygghetspris_desktop.ui.widgets.dialog_parts import ERROR_STYLE
from trygghetspris_desktop.ui.window_fit import resize_within_screen

BACKGROUND_ROWS = 1000
MAX_SHOWN_ERRORS = 8
SKIP = ""  # the mapping value for "(hoppa över)"

# Headers a web form is likely to use for our columns (normalised, see _normal).
_SYNONYMS: dict[str, str] = {
    "namn": "nominerad",
    "nominerad_verksamhet": "nominerad",
    "verksamhet": "nominerad",
    "projekt": "nominerad",
    "förkortning": "fullständigt_namn",
    "kategori": "typ",
    "organisation": "organisationer",
    "stadsdel": "stadsdelsområde",
    "område": "stadsdelsområde",
    "motivering": "beskrivning",
    "text": "beskrivning",
    "datum": "inkommen",
    "inkom": "inkommen",
    "mottagen": "inkommen",
    "ditt_namn": "nominerad_av",
    "nominerare": "nominerad_av",
    "e_post": "nominerad_av_epost",
    "epost": "nominerad_av_epost",
    "email": "nominerad_av_epost",
    "e_mail": "nominerad_av_epost",
    "mejl": "nominerad_av_epost",
    "telefon": "nominerad_av_telefon",
    "telefonnummer": "nominerad_av_telefon",
    "tel": "nominerad_av_telefon",
    "mobil": "nominerad_av_telefon",
    "din_organisation": "nominerad_av_organisation",
    "anteckning": "anteckningar",
    "kommentar": "anteckningar",
}


def _normal(header: str) -> str:
    words = re.split(r"[^\wåäö]+", header.replace("\ufeff", "").casefold().replace("_", " "))
    return "_".join(word for word in words if word)


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Each header → our column (exact name, a known synonym, then a close spelling) or SKIP.

    A column is given to the first header that matches it.
    """
    names = list(csv_io.COLUMN_NAMES)
    by_normal = {_normal(name): name for name in names}
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for rule in ("exact", "synonym", "word", "close"):
        for header in headers:
            if mapping.get(header):
                continue
            key = _normal(header)
            if rule == "exact":
                target = by_normal.get(key)
            elif rule == "synonym":
                target = _SYNONYMS.get(key)
            elif rule == "word":  # «Namn på verksamheten»: a word starting with a synonym
                words = key.split("_")
                target = next(
                    (
                        column
                        for synonym, column in _SYNONYMS.items()
                        if len(synonym) >= 4 and any(w.startswith(synonym) for w in words)
                    ),
                    None,
                )
            else:
                close = difflib.get_close_matches(key, list(by_normal), n=1, cutoff=0.8)
                target = by_normal[close[0]] if close else None
            if target is not None and target not in taken:
                mapping[header] = target
                taken.add(target)
    return {header: mapping.get(header, SKIP) for header in headers}


def _head(text: str) -> tuple[list[str], list[str]]:
    """The header row and the first data row (cut to 80 characters), for the mapping table."""
    lines = text.lstrip("\ufeff").splitlines()
    header = next((line for line in lines if line.strip()), "")
    # The same rule as csv_io: the more frequent of ";" and "," in the header row.
    delimiter = "," if header.count(",") > header.count(";") else ";"
    rows: list[list[str]] = []
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter):
        if any(cell.strip() for cell in row):
            rows.append(row)
            if len(rows) == 2:
                break
    headers = rows[0] if rows else []
    first = [cell[:80] for cell in rows[1]] if len(rows) > 1 else []
    return headers, first


def column_title(name: str) -> str:
    """«nominerad_av_epost» → «Nominerad av epost» for the combo boxes."""
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


class CsvImportDialog(QDialog):
    """Map, preview and import one CSV file into ``year``.

    Attributes:
        text: the file's text (None when it could not be read).
        result: the latest CsvParseResult of the preview.
        imported: how many nominations were imported (None before).
        mapping_table: one row per file header with a combo (our column or "(hoppa över)").
        preview_model / preview: every row of the file, errors in red.
        message_label, import_button.
    """

    def __init__(
        self, services: DataService, path: Path, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        prepare_on_show(self)  # Tab in reading order, a mnemonic on every button
        self.setObjectName("csvImportDialog")
        self.services = services
        self.path = Path(path)
        self.year = year
        self.text: str | None = None
        self.result: csv_io.CsvParseResult | None = None
        self.imported: int | None = None
        self._generation = 0  # ignores a background check that a newer one replaced
        self._combos: dict[str, QComboBox] = {}
        self.setWindowTitle(self.tr("Importera nomineringar — %1").replace("%1", self.path.name))
        self._build()
        resize_within_screen(self, 1000, 640)
        self._read_file()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.info_label = QLabel(self)
        self.info_label.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 3, self)
        self.mapping_table.setObjectName("csvMapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Kolumn i filen"), self.tr("Första värdet"), self.tr("Importeras som")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.preview_model = CsvPreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setObjectName("csvPreview")
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setWordWrap(False)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.summary_label = QLabel(self)

        mapping_box = QGroupBox(self.tr("1. Kolumner"), self)
        QVBoxLayout(mapping_box).addWidget(self.mapping_table)
        preview_box = QGroupBox(self.tr("2. Förhandsgranskning — inget har sparats än"), self)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.summary_label)
        preview_layout.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(mapping_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([250, 330])

        self.message_label = QLabel(self)
        self.message_label.setObjectName("csvMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the check reports no steps
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Importera"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.import_rows)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def _read_file(self) -> None:
        try:
            self.text = self.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            reason = (
                self.tr("den är inte sparad som UTF-8 (spara den som «CSV UTF-8»)")
                if isinstance(error, UnicodeDecodeError)
                else (error.strerror or str(error))
            )
            self.info_label.setText(self.path.name)
            self._show_message(
                self.tr("Filen «%1» kunde inte läsas: %2.")
                .replace("%1", str(self.path))
                .replace("%2", reason)
            )
            return
        headers, sample = _head(self.text)
        self._fill_mapping(headers, sample, guess_mapping(headers))
        self.info_label.setText(
            self.tr(
                "Nomineringar från «%1» importeras till prisåret %2. Kontrollera kolumnerna "
                "och raderna nedan; inget sparas förrän du väljer Importera."
            )
            .replace("%1", self.path.name)
            .replace("%2", str(self.year))
        )
        self.refresh_preview()

    def _fill_mapping(self, headers: list[str], sample: list[str], mapping: dict[str, str]) -> None:
        self.mapping_table.setRowCount(len(headers))
        for row, header in enumerate(headers):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
            self.mapping_table.setItem(
                row, 1, QTableWidgetItem(sample[row] if row < len(sample) else "")
            )
            combo = QComboBox(self.mapping_table)
            combo.setAccessibleName(self.tr("Importera «%1» som").replace("%1", header))
            combo.addItem(self.tr("(hoppa över)"), SKIP)
            for name, description in csv_io.NOMINATION_COLUMNS:
                combo.addItem(column_title(name), name)
                combo.setItemData(combo.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(max(combo.findData(mapping.get(header, SKIP)), 0))
            combo.currentIndexChanged.connect(self.refresh_preview)
            self.mapping_table.setCellWidget(row, 2, combo)
            self.mapping_table.verticalHeader().setDefaultSectionSize(combo.sizeHint().height() + 2)
            self._combos[header] = combo

    # ----------------------------------------------------------------- preview
    def mapping(self) -> dict[str, str]:
        """The chosen mapping: every file header → our column, or SKIP."""
        return {header: combo.currentData() for header, combo in self._combos.items()}

    def set_mapping(self, header: str, column: str) -> None:
        combo = self._combos[header]
        combo.setCurrentIndex(max(combo.findData(column), 0))

    @Slot()
    def refresh_preview(self) -> None:
        """Check every row with the current mapping (on a pool thread for big files)."""
        if self.text is None:
            return
        self._generation += 1
        generation = self._generation
        self.import_button.setEnabled(False)
        text, year, mapping = self.text, self.year, self.mapping()
        known = {view.year for view in self.services.read(years.list_years)}

        def check(*_args: object) -> csv_io.CsvParseResult:
            return csv_io.parse_nominations_csv(text, year, mapping, known_years=known)

        if text.count("\n") <= BACKGROUND_ROWS:
            self._show_result(generation, check())
            return
        self.progress.setVisible(True)
        self._show_message(self.tr("Kontrollerar raderna…"), error=False)
        workers.run_in_background(
            check,
            succeeded=lambda result: self._show_result(generation, result),
            failed=lambda message, _bug: self._show_message(message),
            finished=lambda: self.progress.setVisible(False),
        )

    def _show_result(self, generation: int, result: csv_io.CsvParseResult) -> None:
        if generation != self._generation:
            return
        self.result = result
        shown = [c for c in csv_io.COLUMN_NAMES if c in result.columns.values()]
        titles = [next(h for h, c in result.columns.items() if c == name) for name in shown]
        self.preview_model.set_rows(result.rows, shown, titles)
        self.preview.resizeColumnsToContents()
        for column in range(self.preview_model.error_column):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 220))
        bad_rows = len(self.preview_model.error_rows())
        self.summary_label.setText(
            self.tr("%n rader i filen, %1 med fel.", "", len(result.rows)).replace(
                "%1", str(bad_rows)
            )
        )
        errors = result.all_errors
        if errors:
            lines = errors[:MAX_SHOWN_ERRORS]
            if len(errors) > len(lines):
                lines.append(
                    self.tr("… och %1 fel till.").replace("%1", str(len(errors) - len(lines)))
                )
            self._show_message(
                self.tr("Rätta filen eller kolumnvalen; inget importeras så länge det finns fel:")
                + "\n"
                + "\n".join(lines)
            )
        elif not result.rows:
            self._show_message(self.tr("Filen har inga rader att importera."))
        else:
            self._show_message(
                self.tr("Inga fel. %n nomineringar kan importeras.", "", len(result.rows)),
                error=False,
            )
        self.import_button.setEnabled(result.ok and bool(result.rows) and self.imported is None)

    def _show_message(self, text: str, error: bool = True) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20;")
        self.message_label.setText(text)

    # ----------------------------------------------------------------- import
    @Slot()
    def import_rows(self) -> None:
        """All or nothing, after a backup; announces the change and says how many."""
        if self.text is None or self.result is None or not self.result.ok:
            return
        self.import_button.setEnabled(False)
        try:
            self.services.context.backup("fore-import")
            count = self.services.write(
                {topics.NOMINATIONS},
                csv_io.import_nominations_csv,
                self.text,
                self.year,
                self.mapping(),
            )
        except (UserError, OSError) as error:
            self._show_message(str(error))
            self.import_button.setEnabled(True)
            return
        self.imported = count
        self._show_message(
            self.tr("Klart: %n nomineringar importerades till %1.", "", count).replace(
                "%1", str(self.year)
            ),
            error=False,
        )
        for combo in self._combos.values():
            combo.setEnabled(False)
        self.close_button.setText(self.tr("Stäng"))
        from trygghetspris_desktop.ui import keyboard

        keyboard.assign_mnemonics(keyboard.reading_order(self))  # «Stäng» gets its letter
        self.close_button.setFocus()
