#!/usr/bin/env bash
# The whole suite: types, unit + API tests on PGlite, the API tests again on PostgreSQL, browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node 24 LTS (22 the minimum): on an older Node the suite runs on Node 24 from the npm registry, once.
PATH="$(bash scripts/node24.sh):$PATH"
export PATH
echo "== Node $(node --version)"

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
PG_URL="${PINGYI_TEST_PG_URL:-postgres://root@127.0.0.1:5432/test}"

# The browser tests need Chromium and a CJK font (pages render Chinese at its real width, which the 375 px
# sweep measures). What is missing is installed from Debian in one apt-get run beside the PGlite tier, which
# does not need them; the browser tier waits for it.
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
apt_pid=""
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt_log="$(mktemp -t pingyi-apt.XXXXXX)"
    echo "== installing ${missing[*]} for the browser tests: beside the PGlite tier"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >"$apt_log" 2>&1 &
    apt_pid=$!
  elif [ ! -x "$CHROMIUM" ]; then
    echo "Chromium is needed for the browser tests: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

# Each tier's wall time, printed at the end (and on failure, up to the tier that failed).
timings=()
tier_start=$SECONDS
tier() { timings+=("$(printf '%-34s %4d s' "$1" $((SECONDS - tier_start)))"); tier_start=$SECONDS; }
report() { echo "== timings"; printf '   %s\n' "${timings[@]}"; echo "   total                              $SECONDS s"; }
trap report EXIT

# Types, lint and the web build run beside the unit and API tests on PGlite, whose files that start servers
# leave a core idle while they wait on them. Their output is printed once the tests end; a failure fails the run.
checks_log="$(mktemp -t pingyi-checks.XXXXXX)"
checks_start=$SECONDS
echo "== type check, lint and web build: beside the PGlite tier, output below when done"
(set -e; npm run --silent typecheck; npm run --silent lint; npx vite build --logLevel warn; echo $SECONDS >"$checks_log.end") >"$checks_log" 2>&1 &
checks_pid=$!
finish_checks() {
  local status=0
  wait "$checks_pid" || status=$?
  echo "== type check, lint and web build (ran beside the PGlite tier)"
  cat "$checks_log"
  timings+=("$(printf '%-34s %4d s' "types, lint, web build (beside)" $(($(cat "$checks_log.end" 2>/dev/null || echo $SECONDS) - checks_start)))")
  rm -f "$checks_log" "$checks_log.end"
  checks_pid=""
  return $status
}
# A failing PGlite tier still waits for them and shows what they printed.
trap 'if [ -n "$checks_pid" ]; then finish_checks || true; fi; report' EXIT

echo "== unit and API tests on PGlite"
env -u DATABASE_URL npx vitest run --project unit --project api
tier "unit + API on PGlite"
if ! finish_checks; then
  echo "== the type check, lint or web build failed" >&2
  exit 1
fi
trap report EXIT

# The API tests on PostgreSQL run beside the browser tests, on one worker: the two tiers together keep both
# cores busy where either alone leaves some idle, and the browser tier passes three times in a row with one
# core kept busy (README, "Testing"). Their output is printed once they end.
pg_pid=""
if node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.end(),()=>process.exit(1))" "$PG_URL" 2>/dev/null; then
  pg_log="$(mktemp -t pingyi-pg-tier.XXXXXX)"
  echo "== API tests on PostgreSQL ($PG_URL), and two app replicas on it: beside the browser tests, output below when done"
  pg_start=$SECONDS
  (DATABASE_URL="$PG_URL" npx vitest run --project api --project pg --project replicas --maxWorkers=1 >"$pg_log" 2>&1; echo $? >"$pg_log.status"; echo $SECONDS >"$pg_log.end") &
  pg_pid=$!
  # A failing browser tier still waits for the PostgreSQL run and shows what it printed.
  trap 'if [ -n "$pg_pid" ]; then wait "$pg_pid"; echo "== API tests on PostgreSQL"; cat "$pg_log"; rm -f "$pg_log" "$pg_log.status" "$pg_log.end"; fi; report' EXIT
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $PG_URL; CI must run the suite against it" >&2
  exit 1
else
  echo "== skipping the PostgreSQL run: no server at $PG_URL (set PINGYI_TEST_PG_URL to use another)"
fi

if [ -n "$apt_pid" ]; then
  if ! wait "$apt_pid"; then
    echo "== installing ${missing[*]} failed:" >&2
    cat "$apt_log" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi
echo "== browser tests in Chromium"
env -u DATABASE_URL CHROMIUM_PATH="$CHROMIUM" npx vitest run --project e2e
tier "browser tests"

if [ -n "$pg_pid" ]; then
  wait "$pg_pid" || true
  pg_pid=""
  trap report EXIT
  echo "== API tests on PostgreSQL (ran beside the browser tests)"
  cat "$pg_log"
  pg_status="$(cat "$pg_log.status" 2>/dev/null || echo 1)"
  pg_end="$(cat "$pg_log.end" 2>/dev/null || echo $SECONDS)"
  timings+=("$(printf '%-34s %4d s' "API on PostgreSQL (beside them)" $((pg_end - pg_start)))")
  rm -f "$pg_log" "$pg_log.status" "$pg_log.end"
  if [ "$pg_status" != 0 ]; then
    echo "== the API tests on PostgreSQL failed" >&2
    exit "$pg_status"
  fi
fi
