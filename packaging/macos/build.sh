#!/usr/bin/env bash
# Build Catena's macOS installer: Catena.app (PyInstaller, BUNDLE in the spec) in a DMG.
#
#   make installer                    # bootstraps .venv with the packaging extra, runs this
#   packaging/macos/build.sh          # the same, with an existing .venv
#
# Output: dist/Catena.app and dist/Catena-<version>-macos-<arch>.dmg (the architecture of
# the Python that builds it: arm64 on Apple silicon runners).
#
# Signing and notarisation (optional; see packaging/macos/NOTARISATION.md):
#   MACOS_SIGN_IDENTITY="Developer ID Application: Name (TEAMID)"   sign with the hardened
#                                      runtime and packaging/macos/entitlements.plist
#   NOTARY_PROFILE=catena-notary       notarise the app and the DMG with notarytool and
#                                      staple both tickets (needs MACOS_SIGN_IDENTITY)
# Without MACOS_SIGN_IDENTITY the app keeps PyInstaller's ad-hoc signature: it runs on
# the machine that built it and in CI; other Macs' Gatekeeper will refuse it.
# Environment: PYTHON_BIN (default .venv/bin/python).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=${PYTHON_BIN:-$ROOT/.venv/bin/python}
STARTED=$(date +%s)
BUNDLE_ID=org.catena.Catena
ENTITLEMENTS=packaging/macos/entitlements.plist

say() { printf '==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || die "this script builds the macOS app; on Linux use packaging/linux/build.sh"
[ -x "$PY" ] || die "$PY not found; run 'make installer' (it builds .venv with the packaging extra)"
"$PY" -c 'import PyInstaller' 2>/dev/null || die "PyInstaller is not installed in $PY; run 'make installer'"
for tool in hdiutil codesign /usr/libexec/PlistBuddy; do
    command -v "$tool" >/dev/null || die "'$tool' not found (it is part of macOS / Xcode command line tools)"
done
if [ -n "${NOTARY_PROFILE:-}" ] && [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
    die "NOTARY_PROFILE needs MACOS_SIGN_IDENTITY: only Developer ID signed apps can be notarised"
fi

read -r NAME VERSION < <("$PY" -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print(p["name"], p["version"])')
ARCH=$(uname -m)
APP=dist/Catena.app
DMG=dist/Catena-$VERSION-macos-$ARCH.dmg
"$PY" packaging/make_icons.py --check
"$PY" -m tools.i18n build  # the .qm/.mo catalogues the spec ships (not kept in git)

say "PyInstaller: $NAME $VERSION -> $APP"
mkdir -p build
if ! "$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
        packaging/catena.spec >build/pyinstaller.log 2>&1; then
    tail -40 build/pyinstaller.log >&2
    die "PyInstaller failed; the full log is build/pyinstaller.log"
fi
[ -x "$APP/Contents/MacOS/Catena" ] || die "$APP was not built"

plist() { /usr/libexec/PlistBuddy -c "Print :$1" "$APP/Contents/Info.plist"; }
[ "$(plist CFBundleIdentifier)" = "$BUNDLE_ID" ] || die "CFBundleIdentifier is $(plist CFBundleIdentifier)"
[ "$(plist CFBundleShortVersionString)" = "$VERSION" ] || die "CFBundleShortVersionString is not $VERSION"
[ "$(plist NSHighResolutionCapable)" = "true" ] || die "NSHighResolutionCapable is not set"
plist LSMinimumSystemVersion >/dev/null || die "LSMinimumSystemVersion is not set"
reported=$("$APP/Contents/MacOS/Catena" --version)
[ "$reported" = "$NAME $VERSION" ] || die "the app reports '$reported', expected '$NAME $VERSION'"

# OCR engine: Tesseract 5 from Homebrew, copied into the app with the libraries it links
# (dylibbundler rewrites their paths to the copy), where desktop/ingest/ocr_engine
# looks first (Contents/Frameworks/tesseract/tesseract, i.e. sys._MEIPASS/tesseract),
# and the language data of every language Catena offers (packaging/fetch_tessdata.py).
say "Tesseract: bundling the OCR engine and its language data"
command -v brew >/dev/null || die "Homebrew is needed to fetch Tesseract (brew.sh)"
brew list tesseract >/dev/null 2>&1 || brew install tesseract
command -v dylibbundler >/dev/null || brew install dylibbundler
OCR_DIR="$APP/Contents/Frameworks/tesseract"
mkdir -p "$OCR_DIR/libs"
cp "$(brew --prefix)/bin/tesseract" "$OCR_DIR/tesseract"
dylibbundler -of -b -x "$OCR_DIR/tesseract" -d "$OCR_DIR/libs" -p @executable_path/libs/ >build/dylibbundler.log
"$PY" packaging/fetch_tessdata.py --to "$OCR_DIR/tessdata"
"$OCR_DIR/tesseract" --version >/dev/null || die "the bundled tesseract does not run"

sign() {  # sign one file or bundle with the Developer ID and the hardened runtime
    codesign --force --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
        --sign "$MACOS_SIGN_IDENTITY" "$1"
}

notarise() {  # submit a .zip or .dmg, wait for the verdict, staple the ticket to $2
    say "Notarising $1 (notarytool, profile $NOTARY_PROFILE)"
    xcrun notarytool submit "$1" --keychain-profile "$NOTARY_PROFILE" --wait --timeout 60m \
        | tee build/notarytool.log
    grep -q "status: Accepted" build/notarytool.log \
        || die "notarisation of $1 was not accepted; see: xcrun notarytool log <id> --keychain-profile $NOTARY_PROFILE"
    xcrun stapler staple "$2"
    xcrun stapler validate "$2"
}

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    say "Signing with '$MACOS_SIGN_IDENTITY' (inside out: libraries, executables, then the app)"
    while IFS= read -r -d '' file; do
        if file -b "$file" | grep -q 'Mach-O'; then sign "$file"; fi
    done < <(find "$APP/Contents/Frameworks" "$APP/Contents/Resources" -type f -print0)
    sign "$APP/Contents/MacOS/Catena"
    sign "$APP"
else
    say "Not signing with a Developer ID (set MACOS_SIGN_IDENTITY); ad-hoc signature only"
fi
codesign --verify --deep --strict --verbose=1 "$APP"

if [ -n "${NOTARY_PROFILE:-}" ]; then
    # Staple the app itself as well as the DMG: Catena's users are often offline, and
    # Gatekeeper can only check an unstapled app over the network.
    ditto -c -k --keepParent "$APP" build/Catena-notarise.zip
    notarise build/Catena-notarise.zip "$APP"
fi

say "DMG: $DMG"
STAGE=build/dmg
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
ditto "$APP" "$STAGE/Catena.app"
ln -s /Applications "$STAGE/Applications"
# hdiutil sometimes fails with "Resource busy" on CI machines: try a few times.
for attempt in 1 2 3; do
    if hdiutil create -volname "Catena $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO \
            -ov "$DMG" >build/hdiutil.log 2>&1; then
        break
    fi
    [ "$attempt" -lt 3 ] || { cat build/hdiutil.log >&2; die "hdiutil create failed"; }
    sleep $((attempt * 5))
done
if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${NOTARY_PROFILE:-}" ]; then
    notarise "$DMG" "$DMG"
fi

ELAPSED=$(( $(date +%s) - STARTED ))
SIZE=$(stat -f %z "$DMG")
say "Built $DMG: $(( SIZE / 1024 / 1024 )) MiB in ${ELAPSED} s"
