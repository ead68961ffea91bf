#!/usr/bin/env bash
# The one setup step for the test suite: run by `npm test` (through
# `npm run test:deps`) and therefore by `.ci/run`. It installs the Debian
# packages the tests use as independent peers when they are missing (needs
# root and network to Debian's mirrors) and unpacks the third-party corpora
# the tests read into .cache/corpora/. Tests only read what this leaves; none
# of them reaches the network. Safe to run again: it does nothing when
# everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

# command → Debian package that provides it
declare -A tools=(
  [openssl]=openssl
  [git]=git                                               # tests build repositories (PR scope, init)
  [chromium]=chromium
  [/usr/bin/time]=time   # peak RSS of the built CLI (serial lists) and of every bench run
  [promtool]=prometheus                                   # checks --format openmetrics
  [prometheus-node-exporter]=prometheus-node-exporter     # its textfile collector reads that output
  [keytool]=openjdk-17-jre-headless                       # reads and writes JKS/JCEKS for discovery tests
  [cmark-gfm]=cmark-gfm                                   # renders Markdown as GitHub does (security tests)
)
# Debian packages whose files the tests read (unpacked, never installed):
# name → folder under .cache/corpora
declare -A corpora=(
  [python3-cryptography-vectors]=cryptography-vectors
  [golang-1.19-src]=golang-src
)

need=()
for cmd in "${!tools[@]}"; do
  # A browser named by CERTWATCH_CHROMIUM (e.g. Google Chrome on GitHub's Ubuntu
  # runners, where `chromium` is a snap shim) stands in for Debian's chromium.
  if [ "$cmd" = chromium ] && [ -n "${CERTWATCH_CHROMIUM:-}" ] && [ -x "$CERTWATCH_CHROMIUM" ]; then continue; fi
  command -v "$cmd" >/dev/null 2>&1 || need+=("${tools[$cmd]}")
done

# Root runs apt-get itself; a user with password-less sudo (GitHub's runners) through sudo.
as_root=()
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n env DEBIAN_FRONTEND=noninteractive)
fi
can_install() { { [ "$(id -u)" = 0 ] || [ ${#as_root[@]} -gt 0 ]; } && command -v apt-get >/dev/null 2>&1; }

apt_updated=0
apt_update() {
  if [ "$apt_updated" = 0 ]; then
    "${as_root[@]}" apt-get update -qq
    apt_updated=1
  fi
}

if [ ${#need[@]} -gt 0 ]; then
  if can_install; then
    echo "test-deps: installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_update
    "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test-deps: missing ${need[*]}; install them (as root: apt-get install ${need[*]}) — tests that need them will fail" >&2
  fi
fi

mkdir -p .cache/corpora
for pkg in "${!corpora[@]}"; do
  dir=".cache/corpora/${corpora[$pkg]}"
  [ -f "$dir/.done" ] && continue
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test-deps: no apt-get; corpus $pkg not available (its tests will skip, saying so)" >&2
    continue
  fi
  tmp="$(mktemp -d)"
  if (cd "$tmp" && apt-get download -qq "$pkg" >/dev/null 2>&1) ||
     { can_install && apt_update && (cd "$tmp" && apt-get download -qq "$pkg" >/dev/null 2>&1); }; then
    rm -rf "$dir" && mkdir -p "$dir"
    dpkg-deb -x "$tmp"/*.deb "$dir"
    touch "$dir/.done"
    echo "test-deps: unpacked corpus $pkg into $dir"
  else
    echo "test-deps: could not download corpus $pkg (its tests will skip, saying so)" >&2
  fi
  rm -rf "$tmp"
done
