#!/usr/bin/env bash
# Installs what the test suite needs beyond node_modules: Debian's Chromium for Playwright (never a downloaded browser).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "[test-deps] chromium present: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
# stderr dropped: Debian's launcher script can print a harmless shell error while probing /dev/shm.
echo "[test-deps] installed $(/usr/bin/chromium --version 2>/dev/null)"
