#!/usr/bin/env bash
# ensure-apt.sh CMD PACKAGE...: make sure command CMD exists, installing PACKAGEs from Debian's
# apt when running as root on Debian. Exit 0 if CMD is available afterwards, 1 (with a loud
# message saying what to install) if not. Used by scripts/test.sh and .ci/run.
set -u
cmd=$1; shift
command -v "$cmd" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] $cmd missing: apt-get install $*" >&2
  if [ ! -f /tmp/.pst-apt-updated ]; then
    apt-get update -qq >/dev/null 2>&1 && touch /tmp/.pst-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 || true
fi
command -v "$cmd" >/dev/null 2>&1 && exit 0
echo "################################################################" >&2
echo "# MISSING: '$cmd' (Debian packages: $*). Install it to run the" >&2
echo "# suites that need it; those suites are SKIPPED now." >&2
echo "################################################################" >&2
exit 1
