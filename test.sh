#!/usr/bin/env bash
# The whole test suite (the README's test command; .ci/run calls it). Writes TRX results to TestResults/ and
# ends with one line "N passed, N failed[, N skipped]" computed from them. Exit code non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf TestResults
dotnet test NnVizRepro.sln -c Release --logger "trx" --results-directory TestResults "$@"
rc=$?
passed=0; failed=0; skipped=0; files=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
[ "$files" -eq 0 ] && { echo "test.sh: no TRX results were written (build failed?)" >&2; failed=$((failed + 1)); }
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1   # a crash that left no failed test still fails the run
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
