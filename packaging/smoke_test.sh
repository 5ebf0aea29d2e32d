#!/usr/bin/env bash
# Build the packaged program with build.spec and run the built folder as a user would.
#
#     packaging/smoke_test.sh              # from anywhere; builds, then runs the checks
#     packaging/smoke_test.sh --no-build   # re-run the checks on an existing dist/trygghetspris
#
# Environment: PYINSTALLER (default .venv/bin/pyinstaller), PYTHON (default .venv/bin/python).
# Every run uses a fresh data folder and fresh XDG folders, so nothing touches the real
# user's files. Exits non-zero, naming the step, at the first failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
PYINSTALLER="${PYINSTALLER:-$ROOT/.venv/bin/pyinstaller}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
DIST="$ROOT/dist/trygghetspris"
EXE="$DIST/trygghetspris"
BUILD=1
[[ "${1:-}" == "--no-build" ]] && BUILD=0

STEP="start"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/trygghetspris-smoke.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
trap 'echo "SMOKE TEST FAILED in step «$STEP» (line $LINENO)" >&2' ERR

step() { STEP="$1"; echo "==> $STEP"; }
fail() {
    echo "SMOKE TEST FAILED in step «$STEP»: $*" >&2
    for f in "$WORK/out" "$WORK/err"; do
        [[ -s "$f" ]] && { echo "--- ${f##*/} (last 40 lines):" >&2; tail -n 40 "$f" >&2; }
    done
    exit 1
}

# Run the built program with isolated user folders; stdout → $WORK/out, stderr → $WORK/err.
run_app() {
    local rc=0
    env -u TRYGGHETSPRIS_DATA_DIR \
        HOME="$WORK/home" \
        XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config" \
        XDG_CACHE_HOME="$WORK/home/cache" XDG_STATE_HOME="$WORK/home/state" \
        "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
    [[ $rc -eq 0 ]] || fail "exit status $rc from: $*"
}

build_seconds="(not built)"
if [[ $BUILD -eq 1 ]]; then
    step "build with PyInstaller"
    [[ -x "$PYINSTALLER" ]] || fail "PyInstaller not found at $PYINSTALLER (pip install pyinstaller)"
    start=$(date +%s)
    "$PYINSTALLER" --noconfirm --clean --log-level WARN build.spec >"$WORK/build.log" 2>&1 || {
        tail -n 60 "$WORK/build.log" >&2
        fail "pyinstaller exited non-zero (log above)"
    }
    build_seconds=$(( $(date +%s) - start ))
    # A library missing on the build machine is a warning for PyInstaller but a bundle that
    # fails on a user's machine; an error here, except for plugins build.spec prunes anyway.
    missing="$(grep -E "WARNING: Library not found" "$WORK/build.log" \
        | grep -vE "plugins/platformthemes/libqgtk3" || true)"
    if [[ -n "$missing" && "${SMOKE_ALLOW_MISSING_LIBS:-0}" != 1 ]]; then
        echo "$missing" >&2
        fail "shared libraries missing on the build machine (above). On Debian/Ubuntu the Qt xcb" \
            "plugin needs: apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" \
            "libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0" \
            "(or set SMOKE_ALLOW_MISSING_LIBS=1 to build anyway)"
    fi
fi

step "built folder is complete"
[[ -x "$EXE" ]] || fail "$EXE missing or not executable"
internal="$DIST/_internal"
for required in \
    trygghetspris_desktop/resources/icons/trygghetspris.svg \
    trygghetspris_desktop/resources/seed \
    trygghetspris_desktop/resources/fonts \
    trygghetspris_desktop/db/migrations/env.py \
    trygghetspris_desktop/db/migrations/script.py.mako \
    trygghetspris_desktop/db/migrations/versions \
    PySide6/Qt/plugins/platforms/libqoffscreen.so \
    PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/plugins/imageformats/libqsvg.so \
    PySide6/Qt/plugins/iconengines/libqsvgicon.so \
    PySide6/Qt/plugins/printsupport \
    PySide6/Qt/translations/qtbase_sv.qm; do
    [[ -e "$internal/$required" ]] || fail "missing from the bundle: _internal/$required"
done
ls "$internal"/trygghetspris_desktop/db/migrations/versions/*.py >/dev/null 2>&1 \
    || fail "no migration scripts in _internal/trygghetspris_desktop/db/migrations/versions"
for unwanted in "libQt6WebEngineCore*" "libQt6Quick.so*" "libQt6Qml.so*" "libQt63D*" "libQt6Multimedia.so*"; do
    found=$(find "$DIST" -name "$unwanted" | head -n 1)
    [[ -z "$found" ]] || fail "unused Qt library bundled: ${found#"$DIST"/}"
done

step "trygghetspris --version"
expected_version="$("$PYTHON" -c 'import sys; sys.path.insert(0, "packaging"); import build_support; print(build_support.read_version())')"
run_app "$EXE" --version
grep -qx "trygghetspris $expected_version" "$WORK/out" \
    || fail "expected «trygghetspris $expected_version», got «$(cat "$WORK/out")»"

step "export --format json (fresh data folder: migrations, seed)"
data="$WORK/data"
run_app "$EXE" --data-dir "$data" export --format json
for needle in "IGOR" "Alexander Ojanne"; do
    grep -q "$needle" "$WORK/out" || fail "«$needle» not in the JSON export"
done
[[ -f "$data/trygghetspris.sqlite3" ]] || fail "no database file created in $data"

step "diploma 2022 -o FILE (PDF)"
run_app "$EXE" --data-dir "$data" diploma 2022 -o "$WORK/diplom-2022.pdf"
[[ "$(head -c 5 "$WORK/diplom-2022.pdf" 2>/dev/null)" == "%PDF-" ]] || fail "diplom-2022.pdf is not a PDF"

step "press-release 2022 (PDF)"
run_app "$EXE" --data-dir "$data" press-release 2022 -o "$WORK/press-2022.pdf"
[[ "$(head -c 5 "$WORK/press-2022.pdf" 2>/dev/null)" == "%PDF-" ]] || fail "press-2022.pdf is not a PDF"

# A PostgreSQL server (.ci/run starts one): the bundled psycopg and its own libpq.
pg_sql() {
    "$PYTHON" -c 'import sys, psycopg
with psycopg.connect(sys.argv[1].replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
    c.execute(sys.argv[2])' "$TRYGGHETSPRIS_TEST_POSTGRESQL" "$1"
}
if [[ -n "${TRYGGHETSPRIS_TEST_POSTGRESQL:-}" ]]; then
    step "--database-url: check and export on a PostgreSQL server"
    pg_db="trygghetspris_smoke_$$"
    pg_sql "CREATE DATABASE $pg_db" || fail "could not create $pg_db on the test server"
    pg_url="${TRYGGHETSPRIS_TEST_POSTGRESQL%/*}/$pg_db"
    run_app "$EXE" --data-dir "$WORK/data-pg" --database-url "$pg_url" check
    grep -q "OK: databasen «$pg_db»" "$WORK/out" || fail "check did not name the server's database"
    run_app "$EXE" --data-dir "$WORK/data-pg" --database-url "$pg_url" export --format json
    grep -q "IGOR" "$WORK/out" || fail "«IGOR» not in the server's JSON export"
    pg_sql "DROP DATABASE $pg_db WITH (FORCE)" || true
else
    echo "    (no TRYGGHETSPRIS_TEST_POSTGRESQL: the bundled PostgreSQL driver is not exercised)"
fi

png_signature="89504e470d0a1a0a"
is_png() { [[ "$(head -c 8 "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n')" == "$png_signature" ]]; }

step "screenshot -o FILE.png (QT_QPA_PLATFORM=offscreen)"
run_app env QT_QPA_PLATFORM=offscreen "$EXE" --data-dir "$data" screenshot -o "$WORK/window.png"
is_png "$WORK/window.png" || fail "window.png is not a PNG"
grep -qi "could not load the qt platform plugin\|cannot load library" "$WORK/err" \
    && fail "Qt plugin problem reported on stderr"

step "screenshot of the Historik tab (charts)"
run_app env QT_QPA_PLATFORM=offscreen "$EXE" --data-dir "$data" screenshot --tab historik -o "$WORK/historik.png"
is_png "$WORK/historik.png" || fail "historik.png is not a PNG"

if command -v xvfb-run >/dev/null 2>&1; then
    step "screenshot on X11 (xcb platform plugin, under xvfb-run)"
    run_app env QT_QPA_PLATFORM=xcb xvfb-run -a "$EXE" --data-dir "$data" screenshot -o "$WORK/window-xcb.png"
    is_png "$WORK/window-xcb.png" || fail "window-xcb.png is not a PNG"
else
    echo "    (xvfb-run not installed: the xcb platform plugin is not exercised)"
fi

step "report"
size="$(du -sh "$DIST" | cut -f1)"
echo "Smoke test passed: Trygghetspris Desktop $expected_version"
echo "  build time: ${build_seconds}s"
echo "  size:       $size  ($DIST)"
