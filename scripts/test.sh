#!/usr/bin/env bash
# `npm test`: everything a fresh clone needs to prove itself, in order. System peers that are
# missing (chromium, dovecot) are installed from apt when running as root on Debian; elsewhere
# the suites that need them are skipped LOUDLY (see scripts/ensure-apt.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
failed=()
step() {
  local name=$1; shift
  echo
  echo "=== $name: $*"
  local start=$SECONDS
  if "$@"; then echo "=== $name: ok ($((SECONDS - start)) s)"; else echo "=== $name: FAILED ($((SECONDS - start)) s)"; failed+=("$name"); fi
}

# better-sqlite3 must be built for Node's ABI here (npm start may have rebuilt it for Electron).
if [ -f scripts/native-abi.mjs ]; then step native-abi node scripts/native-abi.mjs node; fi

have_chromium=1
bash scripts/ensure-apt.sh chromium chromium || have_chromium=0
# Dovecot is the IMAP peer of the email tests; their suites skip (loudly) without it.
bash scripts/ensure-apt.sh dovecot dovecot-imapd dovecot-lmtpd openssl || true
bash scripts/ensure-apt.sh pdftotext poppler-utils || true

step typecheck npm run -s typecheck
step lint npm run -s lint
step build npm run -s build
step vitest npx vitest run
if [ $have_chromium = 1 ]; then
  step e2e npx playwright test
else
  echo "=== e2e: SKIPPED: chromium is not installed (Debian package 'chromium')"
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "npm test: FAILED steps: ${failed[*]}"
  exit 1
fi
echo "npm test: all steps passed"
