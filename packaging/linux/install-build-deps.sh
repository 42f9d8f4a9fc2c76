#!/usr/bin/env bash
# Install what building and testing the Linux package needs (Debian/Ubuntu, apt):
#   - the tools: dpkg-dev (dpkg-shlibdeps), fakeroot, desktop-file-utils
#     (desktop-file-validate), appstream (appstreamcli), xvfb (the smoke test on a real
#     X server, so the xcb plugin and its libraries are exercised), poppler-utils
#     (pdftotext: the dossier tests read a PDF's text layer as a reader copies it);
#   - the system libraries Qt's platform plugins link against. They are not bundled:
#     the package declares them in Depends, and build.sh derives that list from what
#     the bundled libraries link against, so they must be present at build time.
# Usage: sudo packaging/linux/install-build-deps.sh   (CI runs it; idempotent)
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    exec sudo -- "$0" "$@"
fi

TOOLS=(dpkg-dev fakeroot desktop-file-utils appstream xvfb xauth file poppler-utils)
# Names valid on Debian 12+ and Ubuntu 22.04+ (none was renamed by the t64 transition).
QT_RUNTIME=(
    libxkbcommon0 libxkbcommon-x11-0
    libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libxcb-util1 libx11-6 libx11-xcb1
    libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3
    libwayland-client0 libwayland-cursor0 libwayland-egl1
)

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${TOOLS[@]}" "${QT_RUNTIME[@]}"
echo "install-build-deps: ok"
