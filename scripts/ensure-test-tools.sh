#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core, and the HTML check runs
# the Nu HTML Checker (vnu-jar) on Java. Install whichever is missing: the machines run as root
# and reach Debian's package mirror, and nothing else.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
chromium --version
java -version 2>&1 | head -1
