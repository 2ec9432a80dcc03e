#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core; install it when it is
# missing (the machines run as root and reach Debian's package mirror, nothing else).
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing: install Debian's 'chromium' package (sudo apt-get install -y chromium)." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
chromium --version
