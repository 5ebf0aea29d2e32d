"""build.spec and its helpers, without running PyInstaller (packaging/smoke_test.sh builds)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import trygghetspris_desktop

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_build_spec_is_python() -> None:
    source = (REPO_ROOT / "build.spec").read_text(encoding="utf-8")
    compile(source, "build.spec", "exec")


def test_launcher_is_python() -> None:
    source = (REPO_ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8")
    compile(source, "launcher.py", "exec")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    "script", ["packaging/smoke_test.sh", "packaging/linux/install-desktop-entry.sh"]
)
def test_shell_scripts_parse(script: str) -> None:
    result = subprocess.run(
        ["bash", "-n", str(REPO_ROOT / script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_version_is_read_from_the_package(build_support) -> None:  # type: ignore[no-untyped-def]
    assert build_support.read_version() == trygghetspris_desktop.__version__


def test_read_version_names_a_file_without_one(build_support, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    init = tmp_path / "__init__.py"
    init.write_text('"""No version here."""\n')
    with pytest.raises(ValueError, match="__version__"):
        build_support.read_version(init)


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.10.3rc1", (2, 10, 3, 0)),  # the first three numbers; pre-release tags don't count
        ("3.0.0+local.7", (3, 0, 0, 0)),
    ],
)
def test_version_tuple(build_support, version: str, expected: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    assert build_support.version_tuple(version) == expected


def test_windows_version_resource_is_what_pyinstaller_evaluates(
    build_support, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """PyInstaller eval()s the file with its versioninfo classes; stand-ins record the call."""
    path = build_support.write_version_info(tmp_path, "1.4.2")
    text = path.read_text(encoding="utf-8")

    def record(kind: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: (kind, args, kwargs)

    names = (
        "VSVersionInfo FixedFileInfo StringFileInfo StringTable StringStruct VarFileInfo VarStruct"
    )
    info = eval(text, {name: record(name) for name in names.split()})
    kind, _args, kwargs = info
    assert kind == "VSVersionInfo"
    assert kwargs["ffi"][2]["filevers"] == (1, 4, 2, 0)
    string_table = kwargs["kids"][0][1][0][0]
    strings = dict(struct[1] for struct in string_table[1][1])
    assert strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "trygghetspris.exe"
    assert strings["CompanyName"] == "Stockholms stad"


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt63DRender.so.6",
        "PySide6/Qt/lib/libQt6Multimedia.so.6",
        "PySide6\\Qt6Quick.dll",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6\\plugins\\generic\\qtuiotouchplugin.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_fr.qm",
        "trygghetspris_desktop/db/migrations/__pycache__/env.cpython-311.pyc",
    ],
)
def test_unused_parts_are_pruned(build_support, dest: str) -> None:  # type: ignore[no-untyped-def]
    assert build_support.is_unwanted(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6PrintSupport.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6\\Qt6Widgets.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/translations/qtbase_sv.qm",
        "PySide6/Qt/translations/qt_sv.qm",
        "trygghetspris_desktop/db/migrations/env.py",
        "trygghetspris_desktop/resources/fonts/DejaVuSans.ttf",
        "trygghetspris_desktop/resources/translations/trygghetspris_en.qm",
    ],
)
def test_needed_parts_are_kept(build_support, dest: str) -> None:  # type: ignore[no-untyped-def]
    assert not build_support.is_unwanted(dest)


def test_prune_unreachable_keeps_only_what_roots_need(build_support) -> None:  # type: ignore[no-untyped-def]
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),  # only the pruned GTK theme
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    imports = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6", "libc.so.6"],
        "/src/libqxcb.so": ["libxcb-cursor.so.0", "libQt6Gui.so.6"],
    }
    kept = build_support.prune_unreachable(binaries, lambda path: imports.get(path, []))
    assert [dest for dest, _src, _kind in kept] == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
    ]


def test_dangling_symlinks_are_dropped(build_support) -> None:  # type: ignore[no-untyped-def]
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6EglFsKmsSupport.so.6", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", "SYMLINK"),
        ("trygghetspris_desktop/resources/seed/x.json", "/src/x.json", "DATA"),
    ]
    kept = build_support.drop_dangling_symlinks(datas, binaries)
    assert [dest for dest, _target, _kind in kept] == [
        "libQt6Core.so.6",
        "trygghetspris_desktop/resources/seed/x.json",
    ]


def test_migrations_are_bundled_as_files(build_support) -> None:  # type: ignore[no-untyped-def]
    migrations = REPO_ROOT / "src" / "trygghetspris_desktop" / "db" / "migrations"
    entries = build_support.data_files(migrations, "trygghetspris_desktop/db/migrations")
    by_name = {Path(source).relative_to(migrations).as_posix(): dest for source, dest in entries}
    assert by_name["env.py"] == "trygghetspris_desktop/db/migrations"
    assert by_name["script.py.mako"] == "trygghetspris_desktop/db/migrations"
    versions = [name for name in by_name if name.startswith("versions/") and name.endswith(".py")]
    assert {by_name[name] for name in versions} == {"trygghetspris_desktop/db/migrations/versions"}
    on_disk = {p.name for p in (migrations / "versions").glob("*.py")}
    assert {Path(name).name for name in versions} == on_disk
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in by_name)


def test_resources_are_bundled_where_resources_py_looks(build_support) -> None:  # type: ignore[no-untyped-def]
    entries = build_support.data_files(REPO_ROOT / "resources", "trygghetspris_desktop/resources")
    dests = {(Path(source).name, dest) for source, dest in entries}
    assert ("trygghetspris.svg", "trygghetspris_desktop/resources/icons") in dests
    assert ("trygghetspris.ico", "trygghetspris_desktop/resources/icons") in dests
    assert any(dest == "trygghetspris_desktop/resources/fonts" for _name, dest in dests)
    assert any(dest == "trygghetspris_desktop/resources/seed" for _name, dest in dests)


def test_data_files_refuses_an_empty_folder(build_support, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FileNotFoundError):
        build_support.data_files(tmp_path, "anything")
