"""The window and its large dialogs fit the screen: 1366 × 768, and 1920 × 1080 at 150 %.

The screens are Qt's offscreen platform with a configured screen size (a JSON file, Qt's
``offscreen:configfile=``), and ``QT_SCALE_FACTOR=1.5`` for 150 %; each runs in its own
process (the scale is fixed when Qt starts), tests/ui/window_fit_probe.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from trygghetspris_desktop.ui.window_fit import SMALLEST_AVAILABLE

SCREENS = {
    "1366x768 at 100 %": (1366, 768, "1"),
    "1920x1080 at 150 %": (1920, 1080, "1.5"),
}


def _inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("screen", list(SCREENS))
def test_window_and_dialogs_open_inside_the_available_geometry(tmp_path: Path, screen: str):
    width, height, scale = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystem": True,
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "s",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "TRYGGHETSPRIS_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("TRYGGHETSPRIS_DATABASE_URL", None)
    done = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "tests" / "ui" / "window_fit_probe.py"),
            str(tmp_path / "data"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    available = probe["available"]
    assert available[2] == round(width / float(scale))  # the probe saw the screen we made
    assert _inside(probe["frame"], available), probe
    # The minimum size fits the smallest screen the program is made for.
    minimum_w, minimum_h = probe["minimum"]
    assert minimum_w <= SMALLEST_AVAILABLE.width() and minimum_h <= SMALLEST_AVAILABLE.height()
    for tab, (hint_w, hint_h) in probe["tabs"].items():
        assert hint_w <= SMALLEST_AVAILABLE.width() and hint_h <= SMALLEST_AVAILABLE.height(), tab
    for name, frame in probe["dialogs"].items():
        assert _inside(frame, available), (name, frame, available)


def test_a_window_saved_on_a_larger_screen_comes_back_inside(main_window, qtbot):
    screen = main_window.screen().availableGeometry()
    main_window.resize(screen.width() + 600, screen.height() + 400)
    main_window.move(screen.x() + 300, screen.y() + 200)
    main_window.save_state()
    from trygghetspris_desktop.ui.main_window import MainWindow

    again = MainWindow(main_window.services, today=main_window.today)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert screen.contains(again.frameGeometry()), (again.frameGeometry(), screen)
    assert again.minimumSize().width() <= screen.width()
