#!/usr/bin/env bash
# Test the DMG built by packaging/macos/build.sh, without touching /Applications:
#
#   make installer-test                   # or: packaging/macos/test_dmg.sh [Catena.dmg]
#
# 1. mounts the DMG read-only and checks its layout, Info.plist and code signature;
# 2. "installs" Catena.app by copying it out of the DMG into a temporary Applications
#    folder, as a user would drag it;
# 3. with HOME in a temporary folder: creates a user catalogue with the installed app
#    (`import --sample`, in ~/Library/Application Support/Catena), runs --version and
#    --smoke (the window step uses the Cocoa platform: CI's macOS runners have a
#    logged-in session);
# 4. "uninstalls" (deletes the app) and checks the user's catalogue is intact.
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT_DIR"
ok() { printf '  ok   %s\n' "$*"; }
fail() { printf 'test_dmg.sh: FAILED: %s\n' "$*" >&2; exit 1; }

# shellcheck disable=SC2012  # build.sh names the files: no odd characters
DMG=${1:-$(ls -t dist/Catena-*.dmg 2>/dev/null | head -1 || true)}
if [ -z "$DMG" ] || [ ! -f "$DMG" ]; then fail "no DMG in dist/; run 'make installer' first"; fi
VERSION=$(basename "$DMG" | sed -E 's/^Catena-(.+)-macos-[^-]+\.dmg$/\1/')
WORK=$(mktemp -d "${TMPDIR:-/tmp}/catena-dmgtest-XXXXXX")
MOUNT=$WORK/mount
mkdir -p "$MOUNT" "$WORK/Applications" "$WORK/home"
cleanup() {
    hdiutil detach -quiet "$MOUNT" 2>/dev/null || hdiutil detach -force -quiet "$MOUNT" 2>/dev/null || true
    chmod -R u+w "$WORK" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
printf '==> Testing %s (version %s)\n' "$DMG" "$VERSION"

hdiutil attach -nobrowse -readonly -noautoopen -mountpoint "$MOUNT" "$DMG" >/dev/null
[ -d "$MOUNT/Catena.app" ] || fail "Catena.app is not in the DMG"
[ "$(readlink "$MOUNT/Applications")" = /Applications ] || fail "no /Applications link in the DMG"
ok "DMG holds Catena.app and an Applications link"
plist() { /usr/libexec/PlistBuddy -c "Print :$1" "$MOUNT/Catena.app/Contents/Info.plist"; }
[ "$(plist CFBundleIdentifier)" = org.catena.Catena ] || fail "CFBundleIdentifier: $(plist CFBundleIdentifier)"
[ "$(plist CFBundleShortVersionString)" = "$VERSION" ] || fail "CFBundleShortVersionString: $(plist CFBundleShortVersionString)"
[ "$(plist NSHighResolutionCapable)" = true ] || fail "NSHighResolutionCapable is not true"
ok "Info.plist: org.catena.Catena $VERSION, LSMinimumSystemVersion $(plist LSMinimumSystemVersion), high resolution"
codesign --verify --deep --strict "$MOUNT/Catena.app" || fail "codesign --verify"
ok "code signature valid ($(codesign -dv "$MOUNT/Catena.app" 2>&1 | grep -E '^(Authority|Signature)=' | head -1))"

ditto "$MOUNT/Catena.app" "$WORK/Applications/Catena.app"
hdiutil detach -quiet "$MOUNT"
CATENA=$WORK/Applications/Catena.app/Contents/MacOS/Catena
ok "installed by copying to $WORK/Applications"

run() { env -u CATENA_CATALOGUE -u CATENA_RESOURCES HOME="$WORK/home" TMPDIR="$WORK/" "$@"; }
reported=$(run "$CATENA" --version)
[ "$reported" = "catena $VERSION" ] || fail "--version says '$reported'"
ok "--version: $reported"
USER_CATALOGUE="$WORK/home/Library/Application Support/Catena/Catalogue.catena"
run "$CATENA" import --sample >"$WORK/import.log" 2>&1 || { cat "$WORK/import.log" >&2; fail "import --sample"; }
[ -f "$USER_CATALOGUE/catalogue.sqlite" ] || fail "no user catalogue at $USER_CATALOGUE"
(cd "$USER_CATALOGUE" && find . -type f -print0 | sort -z | xargs -0 shasum -a 256) >"$WORK/catalogue.sha256"
ok "user catalogue created: $USER_CATALOGUE"

echo "---- Catena --smoke ----"
run "$CATENA" --smoke || fail "--smoke (exit $?)"
echo "------------------------"
ok "--smoke"

rm -rf "$WORK/Applications/Catena.app"
(cd "$USER_CATALOGUE" && shasum -a 256 -s -c "$WORK/catalogue.sha256") \
    || fail "the user's catalogue changed when the app was removed"
ok "app removed; user catalogue intact ($(wc -l <"$WORK/catalogue.sha256" | tr -d ' ') files, byte for byte)"
printf '==> All checks passed for %s\n' "$(basename "$DMG")"
