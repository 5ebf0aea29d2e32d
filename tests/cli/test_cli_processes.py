"""The command as a real process: entry points, no Qt in headless commands, the bug path."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from trygghetspris_desktop import __version__

HEADLESS = [
    ["--version"],
    ["export", "--format", "json"],
    ["export", "--format", "csv"],
    ["export", "--format", "csv", "--archive"],
    ["search", "österberg", "--year", "2022"],
    ["backup"],
    ["check"],
    ["diploma", "2022", "-o", "{tmp}/d.pdf"],
    ["press-release", "2022", "--format", "txt", "-o", "{tmp}/p.txt"],
    ["documents", "2022", "--out", "{tmp}/docs"],
]

PROBE = """
import sys
from trygghetspris_desktop.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit_:
    code = exit_.code
loaded = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6")))
print("QT-MODULES:", loaded, file=sys.stderr)
sys.exit(code)
"""


def _env(tmp_path):
    env = dict(os.environ)
    env["TRYGGHETSPRIS_DATA_DIR"] = str(tmp_path / "data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.mark.parametrize("args", HEADLESS, ids=lambda a: " ".join(a[:2]))
def test_headless_commands_never_load_qt(tmp_path, args):
    args = [a.format(tmp=tmp_path) for a in args]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "QT-MODULES: []" in result.stderr


def test_python_dash_m_and_console_script_agree(tmp_path):
    module = subprocess.run(
        [sys.executable, "-m", "trygghetspris_desktop", "--version"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
    )
    assert module.returncode == 0
    assert module.stdout.strip() == f"trygghetspris {__version__}"
    script = os.path.join(os.path.dirname(sys.executable), "trygghetspris")
    if os.path.exists(script):
        console = subprocess.run(
            [script, "--version"], capture_output=True, text=True, env=_env(tmp_path), timeout=60
        )
        assert console.stdout == module.stdout


def test_screenshot_command_writes_a_png_of_the_window(tmp_path):
    target = tmp_path / "fönster.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "trygghetspris_desktop",
            "screenshot",
            "-o",
            str(target),
            "--tab",
            "historik",
            "--year",
            "2022",
            "--size",
            "1024x640",
        ],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1024, 640)


def test_screenshot_refuses_a_bad_size(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "trygghetspris_desktop",
            "screenshot",
            "-o",
            str(tmp_path / "x.png"),
            "--size",
            "stor",
        ],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
    )
    assert result.returncode == 1 and "BREDDxHÖJD" in result.stderr


def test_a_bug_is_logged_and_exits_3_with_the_log_path(tmp_path, monkeypatch, capsys):
    from trygghetspris_desktop import cli

    def explode(_args):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(cli, "cmd_check", explode)
    code = cli.main(["--data-dir", str(tmp_path / "data"), "check"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_BUG
    assert "oväntat fel" in err and "trygghetspris.log" in err
