#!/usr/bin/env bash
# Browser tests use Debian's Chromium (test tools cannot download their own browser here), and a colour emoji
# font so that screenshots show the templates' emoji rather than empty boxes (optional: tests pass without it).
set -euo pipefail
have_chromium=false
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then have_chromium=true; fi
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then have_chromium=true; fi
have_emoji=true
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then have_emoji=false; fi
if $have_chromium && $have_emoji; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  if ! $have_chromium; then
    echo "Installing Chromium with apt-get…"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  if ! $have_emoji; then
    echo "Installing a colour emoji font with apt-get…"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-noto-color-emoji >/dev/null ||
      echo "(no emoji font: screenshots will show boxes for emoji)"
  fi
  exit 0
fi
if $have_chromium; then exit 0; fi
echo "Chromium is needed for the browser tests: install it, or set CHROMIUM_PATH to a Chromium/Chrome binary." >&2
exit 1
