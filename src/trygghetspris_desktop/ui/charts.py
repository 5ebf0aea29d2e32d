"""Statistics as charts (QtCharts): nominations per year and winners per district.

Each chart sits in a :class:`ChartPanel` with a "Spara som PNG…" button; the image is the
chart view grabbed at its on-screen size (twice that on a low-DPI screen, for print) and
written atomically, so a failed save never leaves a broken file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trygghetspris_desktop.exchange.files import write_atomic
from trygghetspris_desktop.ui.errors import show_user_error

BAR_COLOUR = QColor("#006ea8")  # the city's blue, readable on white and in greyscale


FEW_YEARS = 8  # more years than this get upright labels


def _value_axis(maximum: int) -> QValueAxis:
    axis = QValueAxis()
    top = max(1, maximum)
    axis.setRange(0, top)
    axis.setTickCount(min(top, 5) + 1)
    axis.setLabelFormat("%d")
    return axis


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


def nominations_chart(
    data: list[tuple[int, int | None]], title: str, unknown: str = "okänt"
) -> QChart:
    """A bar per year: how many nominations it received.

    A year whose count is not known (None) is a labelled gap, never a zero bar: no bar, and
    ``unknown`` under its year. Each year's count stands under the year, so a known 0 and an
    unknown count never look alike.
    """
    chart = _chart(title)
    bars = QBarSet(title)
    bars.setColor(BAR_COLOUR)
    bars.append([float(count or 0) for _, count in data])
    series = QBarSeries()
    series.append(bars)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    years = QBarCategoryAxis()
    if len(data) > FEW_YEARS:
        # Two lines under each of many years are cut to "20…" on a 1366 px screen: one
        # line, turned upright, keeps every year and its "okänt" readable.
        years.append(
            [
                f"{year}: <i>{unknown}</i>" if count is None else f"{year}: {count}"
                for year, count in data
            ]
        )
        years.setLabelsAngle(-90)
    else:
        years.append(
            [
                f"{year}<br><i>{unknown}</i>" if count is None else f"{year}<br>{count}"
                for year, count in data
            ]
        )
    chart.addAxis(years, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(years)
    counts = _value_axis(max((count or 0 for _, count in data), default=0))
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(counts)
    return chart


def districts_chart(data: list[tuple[str, int]], title: str) -> QChart:
    """A horizontal bar per district (most winners on top), long names stay readable."""
    chart = _chart(title)
    ordered = list(reversed(data))  # horizontal bars draw bottom-up
    bars = QBarSet(title)
    bars.setColor(BAR_COLOUR)
    bars.append([float(count) for _, count in ordered])
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setBarWidth(0.6)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    districts = QBarCategoryAxis()
    districts.append([name for name, _ in ordered])
    chart.addAxis(districts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(districts)
    counts = _value_axis(max((count for _, count in data), default=0))
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    return chart


def chart_png(view: QWidget) -> bytes:
    """The widget as PNG bytes, rendered at (at least) twice its logical size."""
    ratio = max(2.0, view.devicePixelRatioF())
    pixmap = QPixmap(view.size() * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.render(painter)
    painter.end()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise OSError("PNG encoding failed")
    buffer.close()
    return bytes(array.data())


def save_png(view: QWidget, path: str | Path) -> Path:
    """Write ``view`` as a PNG to ``path`` atomically (temp file in the folder, then rename)."""
    target = Path(path)
    if target.suffix.lower() != ".png":
        target = target.with_name(target.name + ".png")
    return write_atomic(target, chart_png(view))


class ChartPanel(QWidget):
    """A chart with an empty-data note and a "Spara som PNG…" button.

    Signals:
        saved(str): the path of a PNG just written.
    """

    saved = Signal(str)

    def __init__(self, file_stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_stem = file_stem
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(280, 220)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); font-style: italic;")
        self.save_button = QPushButton(self.tr("Spara som PNG…"), self)
        self.save_button.clicked.connect(self.save_as)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def set_chart(self, chart: QChart, empty_text: str = "") -> None:
        old = self.view.chart()
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self.empty_label.setText(empty_text)
        self.empty_label.setVisible(bool(empty_text))

    @Slot()
    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Spara diagrammet som PNG"),
            str(Path.home() / f"{self.file_stem}.png"),
            self.tr("PNG-bild (*.png)"),
        )
        if not path:
            return
        try:
            written = save_png(self.view, path)
        except OSError as error:
            show_user_error(
                self,
                self.tr("Diagrammet kunde inte sparas: %1").replace("%1", str(error)),
                self.tr("Spara som PNG"),
            )
            return
        self.saved.emit(str(written))
