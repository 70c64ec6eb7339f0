#!/usr/bin/env bash
# ensure-apt.sh CMD PACKAGE...: make sure command CMD exists, installing PACKAGEs from Debian's
# apt when running as root on Debian. Exit 0 if CMD is available afterwards, 1 (with a loud
# message saying what to install) if not. Used by scripts/test.sh and .ci/run.
# PATH alone decides (`command -v`), as in the tests' own check (test/helpers/peers-required.ts).
# With PST_REQUIRE_PEERS=1 (CI) the message says the run FAILS, and the caller must fail it.
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
echo "# MISSING: '$cmd' (Debian packages: $*)." >&2
for dir in /usr/sbin /usr/local/sbin /sbin; do
  [ -x "$dir/$cmd" ] && echo "# It is installed in $dir, which is not on PATH: add $dir to PATH." >&2
done
if [ "${PST_REQUIRE_PEERS:-}" = 1 ]; then
  echo "# PST_REQUIRE_PEERS=1: the suites that need it FAIL this run." >&2
else
  echo "# Install it to run the suites that need it; they are SKIPPED now." >&2
fi
echo "################################################################" >&2
exit 1
