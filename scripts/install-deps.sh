#!/usr/bin/env bash
# Installs what lineage needs and a fresh Debian machine may lack: libgit2-dev, libpoppler-glib-dev
# and pkg-config (to build), git (the tests check lineage's repositories with the git command line).
# Uses apt-get, through sudo when not root. Does nothing when everything is present.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libgit2 2>/dev/null; then missing+=(libgit2-dev); fi
if ! pkg-config --exists poppler-glib 2>/dev/null; then missing+=(libpoppler-glib-dev); fi
command -v git >/dev/null 2>&1 || missing+=(git)
for extra in "$@"; do
    dpkg -s "$extra" >/dev/null 2>&1 || missing+=("$extra")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on the PATH; install Swift 6 (https://www.swift.org/install/linux/) and try again" >&2
    exit 1
fi
pkg-config --exists libgit2 || { echo "error: libgit2 is still missing after installing libgit2-dev" >&2; exit 1; }
pkg-config --exists poppler-glib || { echo "error: poppler-glib is still missing after installing libpoppler-glib-dev" >&2; exit 1; }
