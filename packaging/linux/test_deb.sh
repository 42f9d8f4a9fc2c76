#!/usr/bin/env bash
# Test the .deb built by packaging/linux/build.sh, without touching this system:
#
#   make installer-test                   # or: packaging/linux/test_deb.sh [PACKAGE.deb]
#
# 1. checks the package: control fields, ownership, layout, maintainer scripts;
# 2. validates the desktop entry (desktop-file-validate) and the AppStream metadata
#    (appstreamcli), and that this system satisfies the Depends (dpkg-checkbuilddeps),
#    each when the tool is installed (packaging/linux/install-build-deps.sh installs them);
# 3. installs it with dpkg into a throw-away root (--root, maintainer scripts run
#    chrootless with DPKG_ROOT set), with HOME in a temporary folder;
# 4. runs the installed program: --version, a user catalogue in the temporary HOME
#    (`catena import --sample`), `catena --smoke` (offscreen without a display), and
#    again under Xvfb when xvfb-run exists, so the xcb plugin and its system libraries
#    are exercised; checks that nothing was written under /opt/catena;
# 5. purges the package and checks that its files are gone and that the user's
#    catalogue is still there, byte for byte, and still opens cleanly.
# Not collected by `make test`. Needs no root: fakeroot is used when not root.
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT_DIR"
APP_ID=org.catena.Catena
PASSED=0

say() { printf '==> %s\n' "$*"; }
ok() { PASSED=$((PASSED + 1)); printf '  ok   %s\n' "$*"; }
skip() { printf '  skip %s\n' "$*"; }
fail() { printf '  FAIL %s\n' "$*" >&2; printf 'test_deb.sh: FAILED: %s\n' "$*" >&2; exit 1; }

# shellcheck disable=SC2012  # build.sh names the files: no odd characters
DEB=${1:-$(ls -t dist/catena_*.deb 2>/dev/null | head -1 || true)}
if [ -z "$DEB" ] || [ ! -f "$DEB" ]; then fail "no package in dist/; run 'make installer' first"; fi
DEB=$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")
NAME=$(dpkg-deb -f "$DEB" Package)
VERSION=$(dpkg-deb -f "$DEB" Version)
UPSTREAM=${VERSION%-*}
say "Testing $DEB ($NAME $VERSION, $(( $(stat -c %s "$DEB") / 1024 / 1024 )) MiB)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/catena-debtest-XXXXXX")
cleanup() { chmod -R u+w "$WORK" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
TARGET=$WORK/root              # the throw-away root dpkg installs into
FAKEHOME=$WORK/home            # the user's home for every run of the program
mkdir -p "$TARGET" "$FAKEHOME" "$WORK/tmp"

AS_ROOT=()
[ "$(id -u)" -eq 0 ] || AS_ROOT=(fakeroot)

# --- 1. the package ------------------------------------------------------------------
say "Package contents"
for field in Package Version Architecture Maintainer Installed-Size Depends Description; do
    [ -n "$(dpkg-deb -f "$DEB" "$field")" ] || fail "control field $field is empty"
done
ok "control fields present"
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
for lib in libxkbcommon-x11-0 libxcb-cursor0 libegl1 libfontconfig1 libglib2.0-0 libdbus-1-3; do
    grep -q "$lib" <<<"$DEPENDS" || fail "Depends lacks $lib: $DEPENDS"
done
ok "Depends names the xcb plugin's libraries ($(tr ',' '\n' <<<"$DEPENDS" | wc -l) packages)"
LISTING=$(dpkg-deb -c "$DEB")
if awk '{print $2}' <<<"$LISTING" | grep -qv '^root/root$'; then
    fail "files not owned by root/root (dpkg-deb --root-owner-group)"
fi
ok "every file owned by root/root"
for path in "./opt/$NAME/$NAME" "./usr/share/applications/$APP_ID.desktop" \
        "./usr/share/metainfo/$APP_ID.metainfo.xml" \
        "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
        "./usr/share/icons/hicolor/48x48/apps/$APP_ID.png" \
        "./usr/share/icons/hicolor/512x512/apps/$APP_ID.png" \
        "./usr/share/doc/$NAME/copyright" \
        "./opt/$NAME/_internal/db/migrations/env.py" \
        "./opt/$NAME/_internal/db/migrations/script.py.mako" \
        "./opt/$NAME/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" \
        "./opt/$NAME/_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so"; do
    grep -q " $path\$" <<<"$LISTING" || fail "missing from the package: $path"
done
grep -q " ./usr/bin/$NAME -> ../../opt/$NAME/$NAME\$" <<<"$LISTING" \
    || fail "/usr/bin/$NAME is not a relative symlink to /opt/$NAME/$NAME"
ok "layout: /opt/$NAME, /usr/bin/$NAME symlink, desktop entry, metainfo, icons, migrations"
dpkg-deb -e "$DEB" "$WORK/control"
for script in postinst postrm; do
    [ -x "$WORK/control/$script" ] || fail "$script missing or not executable"
    sh -n "$WORK/control/$script" || fail "$script: syntax error"
    # shellcheck disable=SC2016  # $HOME is meant literally
    if grep -nE '(\.local/share|\.config|/home/|\$HOME|Catalogue|\.catena)' "$WORK/control/$script" \
            | grep -v '^[0-9]*:#' | grep -q .; then
        fail "$script refers to users' data"
    fi
done
ok "postinst and postrm: valid sh, no reference to users' data"

# --- 2. validators -------------------------------------------------------------------
say "Validators"
dpkg-deb -x "$DEB" "$WORK/extracted"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$WORK/extracted/usr/share/applications/$APP_ID.desktop" \
        || fail "desktop-file-validate"
    ok "desktop-file-validate $APP_ID.desktop"
else
    skip "desktop-file-validate not installed (desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$WORK/extracted/usr/share/metainfo/$APP_ID.metainfo.xml" \
        >"$WORK/appstream.log" 2>&1 || { cat "$WORK/appstream.log" >&2; fail "appstreamcli validate"; }
    ok "appstreamcli validate $APP_ID.metainfo.xml"
else
    skip "appstreamcli not installed (appstream)"
fi
if command -v dpkg-checkbuilddeps >/dev/null; then
    # Checks a dependency list against the installed packages (here: the Depends).
    printf 'Source: check\n\nPackage: check\nArchitecture: any\n' >"$WORK/check.control"
    dpkg-checkbuilddeps -d "$DEPENDS" "$WORK/check.control" \
        || fail "this system does not satisfy the Depends"
    ok "this system satisfies every Depends (dpkg-checkbuilddeps)"
else
    skip "dpkg-checkbuilddeps not installed (dpkg-dev)"
fi

# --- 3. install into the throw-away root ---------------------------------------------
say "Install into $TARGET"
mkdir -p "$TARGET/var/lib/dpkg/info" "$TARGET/var/lib/dpkg/updates" \
    "$TARGET/var/lib/dpkg/triggers" "$TARGET/usr/share/applications"
: >"$TARGET/var/lib/dpkg/status"
: >"$TARGET/var/lib/dpkg/available"
# An empty dpkg database knows none of the Depends (checked against this system above).
DPKG=("${AS_ROOT[@]}" dpkg --root="$TARGET" --force-script-chrootless --force-not-root
      --log="$WORK/dpkg.log")
"${DPKG[@]}" --force-depends -i "$DEB" >"$WORK/install.log" 2>&1 \
    || { cat "$WORK/install.log" >&2; fail "dpkg -i into the throw-away root"; }
status=$(dpkg-query --admindir="$TARGET/var/lib/dpkg" -W -f='${Status}' "$NAME")
[ "$status" = "install ok installed" ] || fail "package status after install: $status"
ok "dpkg -i: $status"
if command -v update-desktop-database >/dev/null; then
    # postinst refreshes the desktop database of the root it was installed into.
    [ -f "$TARGET/usr/share/applications/mimeinfo.cache" ] \
        || fail "postinst did not refresh the desktop database inside the root (DPKG_ROOT)"
    ok "postinst refreshed the desktop database inside the root (DPKG_ROOT honoured)"
fi

# --- 4. run the installed program ----------------------------------------------------
say "Run the installed program (HOME=$FAKEHOME)"
CATENA=$TARGET/usr/bin/$NAME
run() {
    env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u CATENA_CATALOGUE \
        -u CATENA_RESOURCES -u CATENA_FONT_DIR \
        HOME="$FAKEHOME" TMPDIR="$WORK/tmp" "$@"
}
find "$TARGET/opt" | sort >"$WORK/opt-before"
reported=$(run "$CATENA" --version)
[ "$reported" = "$NAME $UPSTREAM" ] || fail "--version says '$reported', expected '$NAME $UPSTREAM'"
ok "catena --version: $reported"

USER_CATALOGUE=$FAKEHOME/.local/share/Catena/Catalogue.catena
run "$CATENA" import --sample >"$WORK/import.log" 2>&1 \
    || { cat "$WORK/import.log" >&2; fail "catena import --sample"; }
[ -f "$USER_CATALOGUE/catalogue.sqlite" ] || fail "no user catalogue at $USER_CATALOGUE"
ok "user catalogue created by the installed program: $USER_CATALOGUE"
(cd "$USER_CATALOGUE" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$WORK/catalogue.sha256"

echo "---- catena --smoke ----"
run "$CATENA" --smoke || fail "catena --smoke (exit $?)"
echo "-----------------------"
ok "catena --smoke"
if command -v xvfb-run >/dev/null; then
    run xvfb-run -a "$CATENA" smoke >"$WORK/smoke-xcb.log" 2>&1 \
        || { cat "$WORK/smoke-xcb.log" >&2; fail "catena smoke under Xvfb"; }
    grep -q "'xcb' platform" "$WORK/smoke-xcb.log" || fail "the smoke test under Xvfb did not use xcb"
    ok "catena smoke under Xvfb: $(grep -o "main window shown and closed on the 'xcb' platform" "$WORK/smoke-xcb.log")"
else
    skip "xvfb-run not installed: the xcb plugin was not exercised"
fi
find "$TARGET/opt" | sort >"$WORK/opt-after"
diff -u "$WORK/opt-before" "$WORK/opt-after" >&2 || fail "the program wrote files under /opt/$NAME"
ok "nothing written under /opt/$NAME while running"

# --- 5. purge, then the user's catalogue must be intact ------------------------------
say "Purge the package"
"${DPKG[@]}" --purge "$NAME" >"$WORK/purge.log" 2>&1 \
    || { cat "$WORK/purge.log" >&2; fail "dpkg --purge"; }
if dpkg-query --admindir="$TARGET/var/lib/dpkg" -W -f='${Status}' "$NAME" 2>/dev/null \
        | grep -v 'not-installed' | grep -q .; then
    fail "the package is still registered"
fi
for gone in "opt/$NAME" "usr/bin/$NAME" "usr/share/applications/$APP_ID.desktop" \
        "usr/share/metainfo/$APP_ID.metainfo.xml" "usr/share/icons/hicolor" "usr/share/doc/$NAME"; do
    if [ -e "$TARGET/$gone" ] || [ -L "$TARGET/$gone" ]; then fail "left behind after purge: /$gone"; fi
done
ok "purged: /opt/$NAME, /usr/bin/$NAME, desktop entry, metainfo, icons and docs are gone"
(cd "$USER_CATALOGUE" && sha256sum --quiet -c "$WORK/catalogue.sha256") \
    || fail "the user's catalogue changed when the package was purged"
ok "user catalogue intact after purge ($(wc -l <"$WORK/catalogue.sha256") files, byte for byte)"
if command -v python3 >/dev/null; then
    check=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' \
        "$USER_CATALOGUE/catalogue.sqlite")
    [ "$check" = "ok" ] || fail "catalogue.sqlite integrity check: $check"
    ok "catalogue.sqlite integrity check: ok"
fi

say "All $PASSED checks passed for $(basename "$DEB")"
