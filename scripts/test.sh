#!/usr/bin/env bash
# Runs the whole test suite (unit, integration against the embedded PostgreSQL and real engines,
# module boundaries), installing system prerequisites first when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
exec ./mvnw -B verify "$@"
