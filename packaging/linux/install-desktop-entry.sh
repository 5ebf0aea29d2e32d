#!/usr/bin/env bash
# Install Trygghetspris in the current user's application menu (no root needed):
#     ./install-desktop-entry.sh            # from inside the unpacked trygghetspris/ folder
#     ./install-desktop-entry.sh --remove   # take it out again
# Links ~/.local/bin/trygghetspris to this folder's program and copies the .desktop entry
# and the icons into ${XDG_DATA_HOME:-~/.local/share}. The folder must stay where it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="se.stockholm.trygghetspris"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
bin_dir="$HOME/.local/bin"

if [[ "${1:-}" == "--remove" ]]; then
    rm -f "$bin_dir/trygghetspris" "$data_home/applications/$app_id.desktop"
    find "$data_home/icons/hicolor" -name "$app_id.*" -delete 2>/dev/null || true
    echo "Trygghetspris är borttaget ur programmenyn (mappen $here finns kvar)."
    exit 0
fi

[[ -x "$here/trygghetspris" ]] || { echo "fel: $here/trygghetspris saknas" >&2; exit 1; }
mkdir -p "$bin_dir" "$data_home/applications"
ln -sfn "$here/trygghetspris" "$bin_dir/trygghetspris"
cp -r "$here/share/icons" "$data_home/"
# Absolute paths, so the menu entry works even where ~/.local/bin is not on the session's PATH.
sed -e "s|^Exec=trygghetspris|Exec=\"$here/trygghetspris\"|" \
    -e "s|^TryExec=trygghetspris|TryExec=$here/trygghetspris|" \
    "$here/share/applications/$app_id.desktop" > "$data_home/applications/$app_id.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data_home/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
echo "Trygghetspris finns nu i programmenyn och som kommandot trygghetspris ($bin_dir)."
