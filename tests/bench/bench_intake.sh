#!/usr/bin/env bash
# Saving a guided intake on the benchmark file (issue 11: median <= 10 ms), and the intake's look-ups (a known
# citizen by phone, the citizen's cases, similar cases of the last 30 days). bench_intake works on a copy of the
# file (the copy is migrated when the file is older), SAVES intakes (default 200, after 5 warm-up saves).
# Standalone: QINGTING_BENCH_BUILD=build/bench QINGTING_BENCH_DB=... bash tests/bench/bench_intake.sh
set -euo pipefail
build=${QINGTING_BENCH_BUILD:?set QINGTING_BENCH_BUILD}
db=${QINGTING_BENCH_DB:?set QINGTING_BENCH_DB}
cmake --build "$build" --target bench_intake -- -j"${QINGTING_BENCH_JOBS:-2}" >&2
"$build/tests/bench/bench_intake" "$db" "${QINGTING_BENCH_INTAKE_SAVES:-200}"
