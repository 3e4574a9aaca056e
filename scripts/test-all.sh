#!/usr/bin/env bash
# npm test: the whole suite in one command.
#   1. unit + integration tests (Vitest) on SQLite
#   2. the same tests on PostgreSQL (TEST_DATABASE=postgres)
#   3. a production build of the app, then the end-to-end tests (Playwright, real Chromium)
# Every part runs even when an earlier one failed; the last line is "N passed, N failed" summed
# over all three. A part that could not run at all (no PostgreSQL, a failed build) counts as one
# failure, so a broken setup never reads as a green run.
set -uo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/test-results/summary"
rm -rf "$results"
mkdir -p "$results"

export NEXT_TELEMETRY_DISABLED=1
PG_ADMIN_URL="${FACTDESK_PG_URL:-postgresql://factdesk:factdesk@localhost:5432/postgres}"

declare -a names=() passed=() failed=() notes=() seconds=()

record() { # name passed failed note seconds
  names+=("$1"); passed+=("$2"); failed+=("$3"); notes+=("$4"); seconds+=("$5")
}

# Records one part from its report's counts ("passed failed skipped") and the runner's exit code.
# No report, or a non-zero exit with no failed test (an unhandled error), still fails the part.
record_counts() { # label counts exit-code start-seconds
  local label=$1 counts=$2 code=$3 start=$4 p f s note
  if [ -z "$counts" ]; then
    record "$label" 0 1 "no report (exit $code)" $((SECONDS - start))
    return
  fi
  read -r p f s <<<"$counts"
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  note="exit $code"
  if [ "${s:-0}" -gt 0 ]; then note="$note, $s skipped"; fi
  record "$label" "$p" "$f" "$note" $((SECONDS - start))
}

section() { printf '\n\033[1m== %s ==\033[0m\n' "$1"; }

# Counts from a Vitest JSON report: "passed failed skipped" (failed includes files that failed to load).
vitest_counts() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const broken = (r.testResults || []).filter((f) => f.status === "failed" && (f.assertionResults || []).length === 0).length;
    console.log(`${r.numPassedTests ?? 0} ${(r.numFailedTests ?? 0) + broken} ${(r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)}`);
  ' "$1" 2>/dev/null
}

# Counts from a Playwright JSON report: "passed failed skipped" (flaky counts as failed: retries
# are 0; skipped means not run, e.g. the rest of a serial group after a failure).
playwright_counts() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = r.stats || {};
    const errors = (r.errors || []).length;
    console.log(`${s.expected ?? 0} ${(s.unexpected ?? 0) + (s.flaky ?? 0) + (errors && !s.unexpected ? 1 : 0)} ${s.skipped ?? 0}`);
  ' "$1" 2>/dev/null
}

# The generated Prisma clients are not committed; make them when missing (fresh checkout).
if [ ! -f lib/generated/sqlite/client.ts ] || [ ! -f lib/generated/postgres/client.ts ]; then
  section "prisma generate"
  npm run --silent prisma:generate || { echo "prisma generate failed"; echo "0 passed, 1 failed"; exit 1; }
fi

run_vitest() { # label json-file [env...]
  local label=$1 json=$2; shift 2
  local start=$SECONDS code
  env "$@" npx vitest run --reporter=default --reporter=json --outputFile.json="$json"
  code=$?
  record_counts "$label" "$(vitest_counts "$json")" "$code" "$start"
}

# PostgreSQL is made ready (server up, test role present) before either run: the SQLite run's
# migration and schema-drift tests diff the models against a real PostgreSQL too.
ensure_postgres() {
  if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    local version
    version=$(pg_lsclusters -h 2>/dev/null | awk '{print $1; exit}')
    if [ -n "$version" ]; then
      if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
        echo "starting PostgreSQL $version/main"
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || return 1
      fi
      # The test role: idempotent, created only when missing.
      su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='factdesk'\"" | grep -q 1 ||
        su postgres -c "psql -qc \"CREATE ROLE factdesk LOGIN PASSWORD 'factdesk' CREATEDB\"" || return 1
    fi
  fi
  node -e '
    const pg = require("pg");
    const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
    c.connect().then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });
  ' "$PG_ADMIN_URL"
}
section "PostgreSQL"
pg_ready=no
if ensure_postgres; then pg_ready=yes; fi

# --- 1. Vitest on SQLite -------------------------------------------------------------------
section "unit + integration tests on SQLite"
run_vitest "vitest (SQLite)" "$results/vitest-sqlite.json"

# --- 2. Vitest on PostgreSQL ---------------------------------------------------------------
section "unit + integration tests on PostgreSQL"
if [ "$pg_ready" = yes ]; then
  run_vitest "vitest (PostgreSQL)" "$results/vitest-postgres.json" TEST_DATABASE=postgres
else
  echo "PostgreSQL is not reachable at ${PG_ADMIN_URL//:factdesk@/:…@}."
  echo "Start it (pg_ctlcluster 15 main start) and create the role:"
  echo "  CREATE ROLE factdesk LOGIN PASSWORD 'factdesk' CREATEDB;"
  echo "or point FACTDESK_PG_URL at a PostgreSQL whose role may create databases."
  record "vitest (PostgreSQL)" 0 1 "PostgreSQL unreachable" 0
fi

# --- 3. Build + Playwright -----------------------------------------------------------------
section "build (NEXT_DIST_DIR=.next-e2e)"
start=$SECONDS
if NEXT_DIST_DIR=.next-e2e npx next build; then
  record "next build" 0 0 "" $((SECONDS - start))
  section "end-to-end tests (Playwright)"
  start=$SECONDS
  json="$results/playwright.json"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$json" npx playwright test --reporter=list,json
  code=$?
  record_counts "playwright" "$(playwright_counts "$json")" "$code" "$start"
else
  record "next build" 0 1 "build failed; e2e tests not run" $((SECONDS - start))
fi

# --- summary -------------------------------------------------------------------------------
section "summary"
total_passed=0
total_failed=0
for i in "${!names[@]}"; do
  mark=ok
  [ "${failed[$i]}" -gt 0 ] && mark=FAILED
  printf '  %-22s %5s passed %4s failed  %4ss  %-6s %s\n' "${names[$i]}" "${passed[$i]}" "${failed[$i]}" "${seconds[$i]}" "$mark" "${notes[$i]}"
  total_passed=$((total_passed + passed[i]))
  total_failed=$((total_failed + failed[i]))
done
# The failed tests by name, so the last lines of a log say what to look at.
if [ "$total_failed" -gt 0 ]; then
  echo
  echo "failed tests:"
  node -e '
    const fs = require("fs");
    for (const file of process.argv.slice(1)) {
      if (!fs.existsSync(file)) continue;
      const r = JSON.parse(fs.readFileSync(file, "utf8"));
      const part = file.replace(/^.*\//, "").replace(/\.json$/, "");
      for (const f of r.testResults || []) {
        const failed = (f.assertionResults || []).filter((a) => a.status === "failed");
        if (f.status === "failed" && failed.length === 0) console.log(`  ${part}: ${f.name} (did not load: ${(f.message || "").split("\n")[0].slice(0, 200)})`);
        for (const a of failed) console.log(`  ${part}: ${f.name} › ${a.fullName}\n      ${(a.failureMessages || [""])[0].split("\n")[0].slice(0, 300)}`);
      }
      const walk = (suite, trail) => {
        for (const spec of suite.specs || []) for (const t of spec.tests || []) {
          const last = (t.results || []).at(-1);
          if (t.status === "unexpected" || t.status === "flaky") console.log(`  ${part}: ${spec.file}:${spec.line} › ${[...trail, spec.title].join(" › ")}\n      ${((last && last.error && last.error.message) || "").split("\n")[0].slice(0, 300)}`);
        }
        for (const s of suite.suites || []) walk(s, [...trail, s.title].filter(Boolean));
      };
      for (const s of r.suites || []) walk(s, []);
    }
  ' "$results/vitest-sqlite.json" "$results/vitest-postgres.json" "$results/playwright.json" 2>/dev/null
fi
echo
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
