#!/bin/sh
# Install this oaoi-desktop bundle for the current user, without administrator rights
# and without a network:  sh install.sh
# The programs go to ~/.local/lib/oaoi-desktop/VERSION, with links oaoi-desktop and
# oaoi in ~/.local/bin and a menu entry.  The data folder (~/.local/share/oaoi-desktop:
# the database, backups, settings) is never touched: installing a newer bundle over an
# older one keeps it; the app migrates an older database after an automatic backup and
# refuses, untouched, one written by a newer version.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
VERSION=$(cat "$HERE/VERSION")
PREFIX="${OAOI_INSTALL_PREFIX:-$HOME/.local}"
TARGET="$PREFIX/lib/oaoi-desktop/$VERSION"
mkdir -p "$PREFIX/lib/oaoi-desktop" "$PREFIX/bin"
if [ "$HERE" != "$TARGET" ]; then
    rm -rf "$TARGET.part"
    cp -R "$HERE" "$TARGET.part"
    rm -rf "$TARGET"
    mv "$TARGET.part" "$TARGET"
fi
for prog in oaoi-desktop oaoi; do
    ln -sfn "$TARGET/$prog" "$PREFIX/bin/$prog.new" && mv -f "$PREFIX/bin/$prog.new" "$PREFIX/bin/$prog"
done
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$APPS"
ICON="$TARGET/_internal/oaoi_desktop/_shipped/resources/icons/oaoi-desktop.svg"
cat > "$APPS/oaoi-desktop.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=oaoi-desktop
Comment=Penilaian inovasi pelayanan publik (luring)
Exec=$PREFIX/bin/oaoi-desktop
Icon=$ICON
Categories=Office;
Terminal=false
DESKTOP
echo "oaoi-desktop $VERSION installed in $TARGET"
echo "start it from the menu, or: $PREFIX/bin/oaoi-desktop"
