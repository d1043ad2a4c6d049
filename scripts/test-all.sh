#!/usr/bin/env bash
# The whole suite: lint, typecheck, migration drift, unit + integration tests (embedded PostgreSQL,
# and also the PostgreSQL at TEST_DATABASE_URL when set), production build, browser e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "lint";                 pnpm lint
step "prisma generate";      pnpm db:generate
step "typecheck";            pnpm typecheck
step "migration drift";      pnpm db:drift
step "generated docs up to date"; pnpm --filter @pixel/docs generate:nodes --check && pnpm --filter @pixel/docs generate:models --check && pnpm --filter @pixel/docs generate:openapi --check
step "unit + integration (embedded PostgreSQL)"
env -u TEST_DATABASE_URL pnpm test:unit
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "integration (PostgreSQL at TEST_DATABASE_URL)"
  pnpm test:unit
fi
step "production build";     pnpm build
step "end-to-end (Chromium)"; pnpm test:e2e
