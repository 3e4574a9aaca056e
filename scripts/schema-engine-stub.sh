#!/bin/sh
# Prisma's CLI wants a native schema engine it would download; this machine has no internet.
# `prisma generate` never runs it, so it points here. Migrations go through the wasm engine.
echo "Factdesk: the native schema engine is not used. Run 'npm run db:migrate' or 'npm run db:migration -- <name>' instead." >&2
exit 1
