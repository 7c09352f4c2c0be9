#!/usr/bin/env bash
# Installs the Debian packages NnVizRepro uses when they are missing:
#   ffmpeg (GIF/MP4 of animations from PNG frames drawn in-process), fonts-dejavu-core (the figures' pinned font),
#   dataset-fashion-mnist (the offline stand-in for MNIST), chromium (browser tests; pass --browser).
# Without root (or sudo) it prints what is missing and goes on: the harness still runs, without GIF/MP4.
set -euo pipefail
pkgs=(ffmpeg fonts-dejavu-core dataset-fashion-mnist)
[ "${1:-}" = "--browser" ] && pkgs+=(chromium)
missing=()
for p in "${pkgs[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "install-deps: missing ${missing[*]}; install them with apt-get (as root) for GIF/MP4 export and Fashion-MNIST" >&2; exit 0
fi
echo "== installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
