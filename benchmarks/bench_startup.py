"""Start-up to a shown main window, side by side with a bare PySide6 window with three tabs.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]

Both run as whole processes (offscreen); the clock stops when the child reports that the
window was shown and the event loop turned once. Our window opens a data folder of
15 years × 200 nominations (generated once) with the Nomineringar tab on a full year.
Target: at most 3× the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_archive import generate

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication([])
window = QMainWindow()
tabs = QTabWidget()
for name in ("Nomineringar", "Jury", "Historik"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, lambda: (print("SHOWN", flush=True), app.quit()))
app.exec()
"""

# The same steps as app.run(): the frame is shown first, the data attached on the next turn.
OURS = """
from PySide6.QtCore import QTimer
from trygghetspris_desktop.ui.application import application
from trygghetspris_desktop.paths import resolve_paths
from trygghetspris_desktop.ui.main_window import MainWindow
app = application()
paths = resolve_paths().ensure()
window = MainWindow(paths=paths)
window.resize(1280, 800)
window.show()

def attach():
    from trygghetspris_desktop.context import open_context
    from trygghetspris_desktop.ui.services import DataService
    window.attach(DataService(open_context()))
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))

QTimer.singleShot(0, lambda: (print("SHOWN", flush=True), attach()))
app.exec()
"""


def time_child(code: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from the process start to each marker line the child prints."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    marks = {line.strip(): time.perf_counter() - start for line in process.stdout}
    process.wait(timeout=60)
    if "SHOWN" not in marks:
        raise RuntimeError("child never showed its window")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        generate(data, years=15, per_year=200)
        # the window opens on the newest year: make sure it is the full 2026
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRYGGHETSPRIS_DATA_DIR=str(data))
        time_child(OURS, env)  # warm the file cache once for both
        bare, shown, ready = [], [], []
        for _ in range(options.runs):  # interleaved, so load affects both alike
            bare.append(time_child(BARE, env)["SHOWN"])
            marks = time_child(OURS, env)
            shown.append(marks["SHOWN"])
            ready.append(marks["READY"])
    print(f"{'window':52} {'median':>8} {'min':>8} {'max':>8}  (s, {options.runs} runs)")
    for name, times in (
        ("bare PySide6 window, three empty tabs: shown", bare),
        ("Trygghetspris (15 × 200 nominations): shown", shown),
        ("Trygghetspris: tabs filled with the year's data", ready),
    ):
        print(f"{name:52} {statistics.median(times):8.3f} {min(times):8.3f} {max(times):8.3f}")
    base = statistics.median(bare)
    print(
        f"ratio shown/bare: {statistics.median(shown) / base:.2f}× (target ≤ 3×); "
        f"ready/bare: {statistics.median(ready) / base:.2f}×"
    )


if __name__ == "__main__":
    main()
