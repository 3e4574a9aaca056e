#!/usr/bin/env bash
# npm run demo: sets up and starts Factdesk on SQLite with a demo workspace, in one command.
#   installs dependencies if needed, writes an AUTH_SECRET into .env.local if there is none,
#   migrates data/demo.db, seeds the "Demo desk" (once), builds, and serves on $PORT (3000).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
PORT="${PORT:-3000}"
export DATABASE_URL="${DEMO_DATABASE_URL:-file:./data/demo.db}"
# A separate build folder may be chosen (e.g. beside a running `next dev`); next start must match.
export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next}"

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "dependencies"
# npm writes node_modules/.package-lock.json on every install: older than package-lock.json means
# the lockfile changed since (a pull); missing means nothing was installed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi
if [ ! -f lib/generated/sqlite/client.ts ] || [ ! -f lib/generated/postgres/client.ts ]; then
  npm run --silent prisma:generate
fi

step "configuration"
if ! grep -qs '^AUTH_SECRET=.' .env.local; then
  secret=$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')
  printf '# Signs session cookies; written by npm run demo. Keep it secret.\nAUTH_SECRET=%s\n' "$secret" >> .env.local
  echo "wrote a new AUTH_SECRET to .env.local"
else
  echo "AUTH_SECRET found in .env.local"
fi

step "database ($DATABASE_URL)"
npm run --silent db:migrate
# --conditions react-server: the service layer imports 'server-only', which resolves to an empty
# module under that condition, so the seed goes through the same functions as the app.
logins=$(npx tsx --conditions react-server scripts/seed-demo.ts)
echo "$logins"

step "build"
npx next build

step "start"
cat <<TXT

  Factdesk demo: http://localhost:$PORT/sign-in

$(echo "$logins" | sed 's/^/  /')

  Stop with Ctrl-C; npm run demo again starts it with the same data and logins.

TXT
exec npx next start -p "$PORT"
