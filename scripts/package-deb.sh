#!/usr/bin/env bash
# Builds duban's Debian package (统信 UOS, 麒麟 Kylin, Debian, Ubuntu): the binary in /usr/bin, the
# menu entry (packaging/duban.desktop) and the icon at five sizes, the licenses (MIT, and the
# embedded font's OFL) in /usr/share/doc/duban, and the libraries the binary loads at run time
# declared as Depends. Only dpkg's own tools are used (dpkg-deb, dpkg-shlibdeps): every Debian
# has them, and the package test (tests/core/package.rs) runs this very script on the debug
# build without compiling a packager first.
#
#   scripts/package-deb.sh                   cargo build --release, then package it into target/debian/
#   scripts/package-deb.sh BINARY [OUTDIR]   package an already built binary (the test does)
#
# No maintainer scripts: the menu and icon caches are refreshed by the dpkg triggers of
# desktop-file-utils and hicolor-icon-theme, and duban keeps no data in the package's folders.
#
# DEB_COMPRESS=none|gzip|xz (default xz) chooses dpkg-deb's compression; DEB_MAINTAINER the
# Maintainer field. Prints the path of the .deb last.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-}
out=${2:-target/debian}
if [ -z "$bin" ]; then
    cargo build --release --locked
    bin=target/release/duban
fi
[ -x "$bin" ] || { echo "package-deb: no executable at $bin" >&2; exit 1; }
for tool in dpkg dpkg-deb dpkg-shlibdeps strip; do
    command -v "$tool" >/dev/null || { echo "package-deb: $tool is missing (apt-get install dpkg-dev binutils)" >&2; exit 1; }
done

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 022
root=$work/debian/duban

install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/duban"
strip --strip-unneeded -o "$root/usr/bin/duban" "$bin"
chmod 0755 "$root/usr/bin/duban"
install -m 0644 packaging/duban.desktop "$root/usr/share/applications/duban.desktop"
for size in 32 48 64 128 256; do
    install -d "$root/usr/share/icons/hicolor/${size}x${size}/apps"
    install -m 0644 "assets/icons/duban-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/duban.png"
done
install -m 0644 LICENSE "$root/usr/share/doc/duban/LICENSE"
install -m 0644 fonts/OFL.txt "$root/usr/share/doc/duban/OFL.txt"

# debian/copyright in the machine-readable format: each license text indented, blank lines as " .".
indent() { sed -e 's/[[:space:]]*$//' -e 's/^$/./' -e 's/^/ /' "$1"; }
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: duban (督办台)"
    echo
    echo "Files: *"
    echo "Copyright: 2026 督办台 (duban) contributors"
    echo "License: MIT"
    echo
    echo "Files: fonts/NotoSansSC-Regular.ttf (embedded in /usr/bin/duban)"
    echo "Copyright: 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'"
    echo "License: OFL-1.1"
    echo
    echo "License: MIT"
    indent LICENSE
    echo
    echo "License: OFL-1.1"
    indent fonts/OFL.txt
} > "$root/usr/share/doc/duban/copyright"

# Linked libraries (libc, libgcc) with the versions the binary's symbols need, from dpkg-shlibdeps.
printf 'Source: duban\n\nPackage: duban\nArchitecture: any\n' > "$work/debian/control"
linked=$(cd "$work" && dpkg-shlibdeps -O -e debian/duban/usr/bin/duban 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$linked" ] || { echo "package-deb: dpkg-shlibdeps found no libraries" >&2; exit 1; }
# Loaded with dlopen, so invisible to dpkg-shlibdeps: OpenGL through EGL or GLX (glutin), X11
# (winit, x11-dl) and Wayland (winit, wayland-sys), keyboard layouts (xkbcommon). Fonts are
# embedded. Recommended: D-Bus for the desktop file dialog (rfd's portal backend, with zenity as
# its fallback), xdg-open to open evidence and reports, Mesa's drivers, fontconfig for
# system fonts as a fallback.
runtime="libegl1, libgl1, libx11-6, libx11-xcb1, libxcb1, libxcursor1, libxi6, libxrender1, libxkbcommon0, libxkbcommon-x11-0, libwayland-client0, libwayland-egl1"
recommends="libdbus-1-3, xdg-desktop-portal | zenity, xdg-utils, libgl1-mesa-dri, libfontconfig1"

(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"
size=$(du -k -s --exclude=DEBIAN "$root" | cut -f 1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: duban
Version: $version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-督办台 (duban) maintainers <duban@localhost>}
Installed-Size: $size
Depends: $linked, $runtime
Recommends: $recommends
Section: misc
Priority: optional
Description: 督办台 — 办公会议工作要求督办
 Turns a fire and rescue headquarters' office-meeting work-requirement notice
 (工作要求的通知) into tracked directives: per office and detachment, with
 deadlines, feedback, reminders, extensions and completion review, evidence
 files, backups, and the meeting report as Word, Excel, PDF or CSV.
 .
 The data lives in each user's ~/.local/share/duban (or the folder given with
 --data or DUBAN_DATA_DIR), never in the package's directories.
CONTROL
chmod 0644 "$root/DEBIAN/control"

mkdir -p "$out"
deb="$out/duban_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$root" "$deb" >/dev/null
echo "$deb"
