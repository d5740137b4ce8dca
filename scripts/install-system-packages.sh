#!/usr/bin/env bash
# The Debian packages the tests use, installed with apt-get where missing (as root, or through sudo):
# headless LibreOffice recalculates and prints what the add-in writes (Carlito: Calibri's letter widths),
# xmllint checks the manifest against Microsoft's schemas, Chromium runs the built pane, poppler-utils
# reads the printed pages, faketime runs the tests on another day. README's quick start
# and .ci/run both call this, so a fresh machine and CI install the same.
set -euo pipefail

PACKAGES=(libreoffice-calc-nogui fonts-crosextra-carlito libxml2-utils chromium poppler-utils faketime)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "System packages present: ${PACKAGES[*]}"
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "Installing ${missing[*]} needs root: run this script as root, or install sudo." >&2
  exit 1
fi
echo "Installing ${missing[*]} with apt-get"
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
