#!/usr/bin/env bash
# Build Catena's Linux installer: the PyInstaller one-folder build, then a .deb.
#
#   make installer                       # bootstraps .venv with the packaging extra, runs this
#   packaging/linux/build.sh             # the same, with an existing .venv
#
# Needs: sudo packaging/linux/install-build-deps.sh (dpkg-dev and the system libraries
# the bundled Qt links against: the Depends field is derived from them).
# Output: dist/catena/ (the build) and dist/catena_<version>-<revision>_<arch>.deb.
# Environment: PYTHON_BIN (default .venv/bin/python), DEB_REVISION (default 1),
#              DEB_MAINTAINER (default "Catena developers <catena@example.invalid>").
#
# The package installs the build in /opt/catena, /usr/bin/catena (relative symlink),
# the desktop entry, hicolor icons, AppStream metadata and the copyright file. Users'
# catalogues live in their home folders and are never part of the package.
set -euo pipefail
umask 022

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=${PYTHON_BIN:-$ROOT/.venv/bin/python}
STARTED=$(date +%s)
APP_ID=org.catena.Catena

say() { printf '==> %s\n' "$*"; }
TIMES=()
LAST=$STARTED
lap() { local now; now=$(date +%s); TIMES+=("$1 $((now - LAST)) s"); LAST=$now; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

[ -x "$PY" ] || die "$PY not found; run 'make installer' (it builds .venv with the packaging extra)"
"$PY" -c 'import PyInstaller' 2>/dev/null \
    || die "PyInstaller is not installed in $PY; run 'make installer'"
for tool in dpkg-deb dpkg-shlibdeps ldd; do
    command -v "$tool" >/dev/null \
        || die "'$tool' not found; run: sudo packaging/linux/install-build-deps.sh"
done

read -r NAME VERSION DEB_UPSTREAM < <("$PY" - <<'PYEOF'
import re, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
version = project["version"]
# PEP 440 pre-releases sort before the release in Debian only with "~": 1.0rc1 -> 1.0~rc1
debian = re.sub(r"[.-]?(a|b|rc|dev)(\d*)", r"~\1\2", version)
print(project["name"], version, debian)
PYEOF
)
ARCH=$(dpkg --print-architecture)
DEB_VERSION="${DEB_UPSTREAM}-${DEB_REVISION:-1}"
DEB="dist/${NAME}_${DEB_VERSION}_${ARCH}.deb"
METAINFO=packaging/linux/$APP_ID.metainfo.xml

grep -q "<release version=\"$VERSION\"" "$METAINFO" \
    || die "$METAINFO has no <release version=\"$VERSION\">; add one for this version"
"$PY" packaging/make_icons.py --check
"$PY" -m tools.i18n build  # the .qm/.mo catalogues the spec ships (not kept in git)

say "PyInstaller: $NAME $VERSION -> dist/$NAME/"
mkdir -p build
if ! "$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
        packaging/catena.spec >build/pyinstaller.log 2>&1; then
    tail -40 build/pyinstaller.log >&2
    die "PyInstaller failed; the full log is build/pyinstaller.log"
fi
BUNDLE=dist/$NAME
[ -x "$BUNDLE/$NAME" ] || die "$BUNDLE/$NAME was not built"
if dangling=$(find "$BUNDLE" -xtype l) && [ -n "$dangling" ]; then
    die "dangling symlinks in the build: $dangling"
fi
reported=$("$BUNDLE/$NAME" --version)
[ "$reported" = "$NAME $VERSION" ] || die "the build reports '$reported', expected '$NAME $VERSION'"
lap PyInstaller

say "Depends: derived from what the build links against (dpkg-shlibdeps)"
DEPENDS=$("$PY" packaging/linux/deb_depends.py "$BUNDLE" --log build/deb-shlibdeps.log)
lap Depends

# OCR: the Tesseract 5 program from the distribution (Catena finds it on PATH) and the
# language data of every language Catena offers (desktop/ingest/ocr_engine.LANGUAGES)
# and the script models it reads some of them with (SCRIPT_MODELS);
# without them Catena still runs and says OCR is unavailable and how to install it.
OCR_RECOMMENDS=$("$PY" -c 'from desktop.ingest.ocr_engine import debian_packages; print(", ".join(debian_packages()))')
DEPENDS_SHOWN="$DEPENDS, tesseract-ocr (>= 5)"

say "Staging the package in build/deb/"
STAGE=build/deb/root
rm -rf build/deb
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/$NAME"
cp -a "$BUNDLE" "$STAGE/opt/$NAME"
ln -s "../../opt/$NAME/$NAME" "$STAGE/usr/bin/$NAME"  # relative: works in any --root
install -m 0644 packaging/linux/catena.desktop "$STAGE/usr/share/applications/$APP_ID.desktop"
install -m 0644 "$METAINFO" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
for png in resources/icons/png/catena-*.png; do
    size=$(basename "$png" .png); size=${size#catena-}
    install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -D -m 0644 resources/icons/catena.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
cat >"$STAGE/usr/share/doc/$NAME/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Catena
Comment: /opt/$NAME holds a PyInstaller build: Python $("$PY" -c 'import platform; print(platform.python_version())'),
 Qt and PySide6 (LGPL-3.0), and the Python packages listed in pyproject.toml,
 each under its own licence (their metadata is in /opt/$NAME/_internal/*.dist-info).

Files: *
Copyright: Catena developers
License: GPL-3.0-or-later
 On Debian systems, the complete text of the GNU General Public License version 3
 can be found in /usr/share/common-licenses/GPL-3.

Files: opt/$NAME/_internal/resources/fonts/DejaVu*
Copyright: 2003 Bitstream, Inc.; 2006 Tavmjong Bah (Arev glyphs);
 DejaVu changes are in the public domain
License: Bitstream-Vera and Arev
 The full text is in /opt/$NAME/_internal/resources/fonts/LICENSE-DejaVu.txt.

Files: opt/$NAME/_internal/resources/fonts/Noto*
Copyright: 2010, 2012-2020 Google Inc.; 2015-2020 Google LLC.
License: OFL-1.1
 The full text is in /opt/$NAME/_internal/resources/fonts/OFL.txt.

Files: opt/$NAME/_internal/resources/fonts/LiberationSerif*
Copyright: 2010 Google Corporation; 2012 Red Hat, Inc.
License: OFL-1.1
 See /opt/$NAME/_internal/resources/fonts/LICENSE-Liberation.txt and OFL.txt.

Files: opt/$NAME/_internal/resources/fonts/DroidSansFallback.ttf
Copyright: 2006-2010 Google Corp.
License: Apache-2.0
 The full text is in /opt/$NAME/_internal/resources/fonts/LICENSE-Apache-2.0.txt.

Files: opt/$NAME/_internal/resources/fonts/Symbola_hint.ttf
Copyright: 2007-2015 George Douros
License: free for any use
 See /opt/$NAME/_internal/resources/fonts/LICENSE-Symbola.txt.
EOF
install -m 0755 packaging/linux/postinst "$STAGE/DEBIAN/postinst"
install -m 0755 packaging/linux/postrm "$STAGE/DEBIAN/postrm"
find "$STAGE" -type d -exec chmod 0755 {} +

INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat >"$STAGE/DEBIAN/control" <<EOF
Package: $NAME
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: ${DEB_MAINTAINER:-Catena developers <catena@example.invalid>}
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS, tesseract-ocr (>= 5)
Recommends: $OCR_RECOMMENDS
Section: utils
Priority: optional
Description: offline catalogue of evidence documents with verifiable dossiers
 Catena keeps every original document byte for byte with its SHA-256, tags who
 said what, when and how many against the exact characters of the text, and
 prints citation dossiers (PDF) that anyone can verify line by line. It never
 uses the network.
 .
 Catalogues are kept in each user's data folder (~/.local/share/Catena); they
 are never touched when this package is installed, upgraded, removed or purged.
EOF

say "dpkg-deb: $DEB"
rm -f "dist/${NAME}_"*"_${ARCH}.deb"
THREADS=()
if dpkg-deb --help | grep -q -- --threads-max; then  # dpkg >= 1.21.9: parallel xz
    THREADS=(--threads-max="$(nproc)")
fi
lap staging
dpkg-deb --root-owner-group -Zxz "${THREADS[@]}" --build "$STAGE" "$DEB" >/dev/null
lap dpkg-deb

ELAPSED=$(( $(date +%s) - STARTED ))
SIZE=$(stat -c %s "$DEB")
say "Built $DEB: $(( SIZE / 1024 / 1024 )) MiB ($SIZE bytes; installed $(( INSTALLED_SIZE / 1024 )) MiB) in ${ELAPSED} s"
TIMINGS=$(IFS=,; echo "${TIMES[*]}")
say "Time: ${TIMINGS//,/, }"
say "Depends: $DEPENDS_SHOWN"
say "Recommends: $OCR_RECOMMENDS"
