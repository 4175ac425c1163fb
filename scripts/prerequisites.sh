#!/usr/bin/env bash
# Installs the system packages Verbatim needs, only those missing (Debian/Ubuntu, as root or with sudo).
# Sourced by start.sh and test.sh; safe to run again.
set -euo pipefail

# name-of-package  file-that-proves-it-is-installed
REQUIRED=(
  "libpocketsphinx3 /usr/lib/x86_64-linux-gnu/libpocketsphinx.so.3"
  "libsphinxbase3 /usr/lib/x86_64-linux-gnu/libsphinxbase.so.3"
  "pocketsphinx-en-us /usr/share/pocketsphinx/model/en-us"
  "pocketsphinx /usr/bin/pocketsphinx_continuous"
  # letter-to-sound for tenant words outside the recogniser's dictionary (without it they stay "unpronounceable")
  "espeak-ng /usr/bin/espeak-ng"
)
# The browser tests drive the web app in headless Chromium (not needed to run the platform).
if [ "${VERBATIM_SKIP_BROWSER:-}" != "1" ]; then
  REQUIRED+=("chromium /usr/bin/chromium" "chromium-driver /usr/bin/chromedriver")
fi

missing=()
for entry in "${REQUIRED[@]}"; do
  pkg=${entry%% *}; proof=${entry#* }
  [ -e "$proof" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# A JDK 21+ must be present; Maven's toolchain rule finds it whatever JAVA_HOME says.
if ! ls -d /usr/lib/jvm/*/bin/javac >/dev/null 2>&1 && ! command -v javac >/dev/null 2>&1; then
  echo "No JDK found: install a JDK 21 or newer (e.g. 'apt-get install openjdk-21-jdk-headless')" >&2
  exit 1
fi
