"""A child process that starts the real window and times what its user sees.

    python benchmarks/suite/window_probe.py SCENARIO --data-dir DIR [--repeat N]

The window starts the way ``trygghetspris`` starts it (``cli.main``, so ``app.run``: the
frame first, then the database, then the tabs). When the visible tab has *painted* its rows
and the event loop has turned once more, the probe prints ``READY`` (the parent times the
process from its start to that line) and then runs SCENARIO:

- ``startup``: nothing more;
- ``bare``: instead of our window, a bare PySide6 window with three tabs (the yardstick);
- ``memory``: click the History tab, wait for its search index, type a word; print the
  process's peak and current resident memory;
- ``typing``: History tab, then words typed letter by letter, each key press timed until the
  results table has painted the hits for it (a debounce is waited for, as the user waits);
- ``year``: Nominations tab, the year selector stepped with the arrow keys between two full
  years, each step timed until the table has painted the new year;
- ``score`` / ``score-all``: Jury tab (``score-all`` with "Visa alla behöriga"), a digit typed
  into a juror's cell (the open editor painted, as in a user's pause) and Enter pressed;
  timed from Enter until the ranking has painted.

Results go to stdout as one JSON line ``RESULT {...}`` (milliseconds per sample).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import Any

TIMEOUT_S = 60.0
TYPED_WORDS = ("trygghet", "nattvandrare", "södermalm", "relationsvåld", "kvinnofrid")


def _memory() -> dict[str, float]:
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmHWM", "VmRSS"):
                values[name] = int(rest.split()[0]) / 1024  # MiB
    return values


def _report(**values: Any) -> None:
    print("RESULT " + json.dumps(values), flush=True)


class PaintWatch:
    """Waits until ``view`` has painted after ``changed`` (a counter the caller bumps) moved,
    and one more event-loop turn has run; returns the milliseconds since ``started``."""

    def __init__(self, view: Any) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.view = view
        self.changes = 0
        self._armed_at = -1
        self._done_at: float | None = None
        self._cpu_done_at = 0.0
        self._loop: Any = None
        self.cpu_ms: list[float] = []  # the process's CPU time of each timed action
        outer = self

        class Filter(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if (
                    event.type() == QEvent.Type.Paint
                    and outer._armed_at >= 0
                    and outer.changes > outer._armed_at
                ):
                    outer._armed_at = -1
                    QTimer.singleShot(0, outer._finish)
                return False

        self._filter = Filter()
        view.viewport().installEventFilter(self._filter)

    def bump(self, *_args: Any) -> None:
        self.changes += 1

    def watch(self, *signals: Any) -> PaintWatch:
        for signal in signals:
            signal.connect(self.bump)
        return self

    def _finish(self) -> None:
        self._done_at = time.perf_counter()
        self._cpu_done_at = time.process_time()
        if self._loop is not None:
            self._loop.quit()

    def time(self, action: Callable[[], None]) -> float:
        """Run ``action`` (the key press or click) and wait for the painted result."""
        from PySide6.QtCore import QEventLoop, QTimer

        self._done_at = None
        self._armed_at = self.changes
        cpu_started = time.process_time()
        started = time.perf_counter()
        action()
        if self._done_at is None:
            self._loop = QEventLoop()
            QTimer.singleShot(int(TIMEOUT_S * 1000), self._loop.quit)
            self._loop.exec()
            self._loop = None
        if self._done_at is None:
            raise TimeoutError(f"nothing painted within {TIMEOUT_S} s")
        self.cpu_ms.append((self._cpu_done_at - cpu_started) * 1000)
        return (self._done_at - started) * 1000


def _wait(condition: Callable[[], bool], timeout_s: float = TIMEOUT_S) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("condition not met in time")
        loop = QEventLoop()
        QTimer.singleShot(5, loop.quit)
        loop.exec()


def _painted(view: Any, action: Callable[[], None]) -> None:
    """Run ``action`` and return once ``view`` has painted after it and a turn has passed."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: list[bool] = []

    class Filter(QObject):
        def eventFilter(self, _obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    watch = Filter()
    view.viewport().installEventFilter(watch)
    try:
        action()
        _wait(lambda: bool(painted), 5)
        turned: list[bool] = []
        QTimer.singleShot(0, lambda: turned.append(True))
        _wait(lambda: bool(turned), 5)  # one more turn: what the paint queued is done
    finally:
        view.viewport().removeEventFilter(watch)


def _type(widget: Any, letter: str) -> None:
    """One key press and release of ``letter`` (QTest's own helpers know only ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    key = ord(letter.upper())
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, letter)
        QApplication.sendEvent(widget, event)


def _click_tab(window: Any, index: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    bar = window.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


# ---------------------------------------------------------------------------- scenarios
def scenario_memory(window: Any, _options: argparse.Namespace) -> None:

    before = _memory()
    tab = window.history_tab
    watch = PaintWatch(tab.results_view).watch(tab.search_model.modelReset)
    _click_tab(window, 2)
    _wait(lambda: tab._index is not None)
    for letter in "trygghet":
        watch.time(lambda letter=letter: _type(tab.search_edit, letter))
    after = _memory()
    _report(peak_mib=after["VmHWM"], rss_mib=after["VmRSS"], before_history_mib=before["VmRSS"])


def scenario_typing(window: Any, options: argparse.Namespace) -> None:

    tab = window.history_tab
    watch = PaintWatch(tab.results_view).watch(tab.search_model.modelReset)
    _click_tab(window, 2)
    _wait(lambda: tab._index is not None)
    samples: list[float] = []
    for _ in range(options.repeat):
        for word in TYPED_WORDS:
            tab.search_edit.clear()
            _wait(lambda: tab.lists.currentWidget() is tab.history_view, 5)
            for letter in word:
                samples.append(watch.time(lambda letter=letter: _type(tab.search_edit, letter)))
    _report(samples=samples, cpu=watch.cpu_ms)


def scenario_year(window: Any, options: argparse.Namespace) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _click_tab(window, 0)
    tab = window.nominations_tab
    watch = PaintWatch(tab.table).watch(tab.proxy.modelReset, tab.proxy.layoutChanged)
    combo = window.year_combo
    combo.setFocus()
    samples: list[float] = []
    for step in range(2 * options.repeat):
        key = Qt.Key.Key_Down if step % 2 == 0 else Qt.Key.Key_Up
        samples.append(watch.time(lambda key=key: QTest.keyClick(combo, key)))
    _report(samples=samples, cpu=watch.cpu_ms, rows=tab.model.rowCount())


def _score(window: Any, options: argparse.Namespace, all_eligible: bool) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    _click_tab(window, 1)
    panel = window.jury_tab.scoring_panel
    ranking = window.jury_tab.ranking_panel
    if all_eligible:
        panel.all_eligible.setChecked(True)
    _wait(lambda: panel.model.rowCount() > 0)
    watch = PaintWatch(ranking.view).watch(ranking.model.modelReset, ranking.model.layoutChanged)
    view = panel.view
    view.setFocus()
    samples: list[float] = []
    rows = min(panel.model.rowCount(), 30)
    for step in range(options.repeat):
        index = panel.model.index(step % rows, 2 + step % 3)
        view.setCurrentIndex(index)
        old = index.data(Qt.ItemDataRole.EditRole) or "3"
        digit = "4" if old == "3" else "3"
        # The digit opens the cell's editor; its paint belongs to that key press. A user
        # pauses between the digit and Enter, so the window has painted it by then.
        _painted(view, lambda digit=digit: QTest.keyClicks(view, digit))
        _wait(lambda: view.editor() is not None, 5)
        editor = view.editor()
        samples.append(watch.time(lambda editor=editor: QTest.keyClick(editor, Qt.Key.Key_Return)))
    _report(samples=samples, cpu=watch.cpu_ms, rows=ranking.model.rowCount())


SCENARIOS: dict[str, Callable[[Any, argparse.Namespace], None]] = {
    "startup": lambda _window, _options: _report(),
    "memory": scenario_memory,
    "typing": scenario_typing,
    "year": scenario_year,
    "score": lambda window, options: _score(window, options, False),
    "score-all": lambda window, options: _score(window, options, True),
}


# ---------------------------------------------------------------------------- start-up
def _when_rows_painted(window: Any, then: Callable[[], None]) -> None:
    """Call ``then`` once a table in the visible tab has painted rows (and a turn passed)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView

    fired = []

    class Filter(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not fired:
                view = obj.parent()
                model = view.model() if isinstance(view, QAbstractItemView) else None
                if model is not None and model.rowCount() > 0 and view.isVisible():
                    fired.append(True)
                    QTimer.singleShot(0, then)
            return False

    window._probe_filter = Filter()
    for view in window.tabs.currentWidget().findChildren(QAbstractItemView):
        view.viewport().installEventFilter(window._probe_filter)


def run_window(options: argparse.Namespace) -> int:
    from trygghetspris_desktop import cli
    from trygghetspris_desktop.ui.main_window import MainWindow

    original = MainWindow.attach

    def attach(window: MainWindow, services: Any) -> None:
        original(window, services)

        def ready() -> None:
            print("READY", flush=True)
            try:
                SCENARIOS[options.scenario](window, options)
            finally:
                window.close()

        _when_rows_painted(window, ready)

    MainWindow.attach = attach  # type: ignore[method-assign]
    return cli.main(["--data-dir", options.data_dir])


def run_bare() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for name in ("Nomineringar", "Jury", "Historik"):
        tabs.addTab(QWidget(), name)
    window.setCentralWidget(tabs)
    window.resize(1280, 800)

    class Filter(QObject):
        def eventFilter(self, _obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not done:
                done.append(True)
                QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
            return False

    done: list[bool] = []
    paint_filter = Filter()
    window.installEventFilter(paint_filter)
    window.show()
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=[*SCENARIOS, "bare"])
    parser.add_argument("--data-dir", default="")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    if options.scenario == "bare":
        return run_bare()
    return run_window(options)


if __name__ == "__main__":
    sys.exit(main())
