"""No window system: the program says in Swedish what to install, and exits 1 (not 134)."""

from __future__ import annotations

import os
import subprocess
import sys

from trygghetspris_desktop.ui.platform_hint import APT_LINE, hint


def test_the_window_without_a_display_ends_with_a_swedish_hint(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"  # Qt's X11 plugin, which cannot load here
    env["TRYGGHETSPRIS_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "trygghetspris_desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "fel: programfönstret kan inte öppnas" in done.stderr
    assert APT_LINE in done.stderr
    assert "Ingen skärm hittades" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_libxcb_cursor_is_named():
    text = hint(missing_cursor=True)
    assert "libxcb-cursor0 saknas" in text
    assert "sudo apt-get install libxcb-cursor0" in text
