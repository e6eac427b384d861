#!/usr/bin/env bash
# The SLA engine and SlaService on the benchmark file (issue 12, helper "sla"): every clock of a case in
# working-hours mode (pure engine), SlaService::clocks (case, timeline, pauses, policy, calendar), pause and resume
# (each one transaction with the due time recomputed), over CASES open cases of a copy (default 200).
# Standalone: QINGTING_BENCH_BUILD=build/bench QINGTING_BENCH_DB=... bash tests/bench/bench_sla.sh
set -euo pipefail
build=${QINGTING_BENCH_BUILD:?set QINGTING_BENCH_BUILD}
db=${QINGTING_BENCH_DB:?set QINGTING_BENCH_DB}
cmake --build "$build" --target bench_sla -- -j"${QINGTING_BENCH_JOBS:-2}" >&2
"$build/tests/bench/bench_sla" "$db" "${QINGTING_BENCH_SLA_CASES:-200}"
