"""The Linux .desktop entry: required keys, and names that match the program and its icon."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
APP_ID = "se.stockholm.trygghetspris"
DESKTOP_FILE = REPO_ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_required_keys() -> None:
    desktop = entry()
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Trygghetspris"
    assert desktop["Name[sv]"] == "Trygghetspris"
    assert "trygghetspris" in desktop["Comment[sv]"]
    assert desktop["Exec"] == "trygghetspris"
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].split(";")[0] == "Office"
    assert desktop["Categories"].endswith(";")


def test_names_match_the_program(build_support, qapp) -> None:  # type: ignore[no-untyped-def]
    from trygghetspris_desktop.ui.application import application

    desktop = entry()
    assert build_support.APP_ID == APP_ID
    assert application().desktopFileName() == APP_ID  # Wayland app_id: the file's name
    assert desktop["Icon"] == APP_ID  # the hicolor icon name the bundle installs
    # Qt's X11 WM_CLASS instance name is the executable's name.
    assert desktop["StartupWMClass"] == build_support.APP_NAME
    assert desktop["TryExec"] == build_support.APP_NAME


def test_the_bundle_installs_the_entry_and_every_icon(build_support, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "trygghetspris").write_text("")
    build_support.add_linux_desktop_files(tmp_path)
    share = tmp_path / "share"
    assert (share / "applications" / DESKTOP_FILE.name).is_file()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (share / "icons/hicolor" / f"{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (share / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (tmp_path / "install-desktop-entry.sh").is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_accepts_it() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()
