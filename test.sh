#!/usr/bin/env bash
# The whole test suite (the README's test command; .ci/run calls it):
#   1. builds the solution (Release),
#   2. runs every spec on the tiny ci profile into reports/ci, the report the browser tests then load page by page
#      (reading the write-ups' data from NNVIZ_DATA, else ../shared/data when it is there),
#   3. runs all test projects with a TRX logger, and ends with one line "N passed, N failed[, N skipped]"
#      computed from the TRX files. Exit code non-zero on any failure.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Lab").
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf TestResults
failed_steps=0
if ! dotnet build NnVizRepro.sln -c Release -nologo -v:quiet; then
  echo "test.sh: the build failed"; echo "0 passed, 1 failed"; exit 1
fi
# The report reads the write-ups' data like a user's run: NNVIZ_DATA, else the shared folder beside the checkout.
data="${NNVIZ_DATA:-}"
[ -z "$data" ] && [ -d ../shared/data ] && data=../shared/data
if [ -n "$data" ]; then
  [ -d "$data" ] || { echo "test.sh: the data folder '$data' (NNVIZ_DATA) does not exist"; echo "0 passed, 1 failed"; exit 1; }
  data="$(cd "$data" && pwd)"
  echo "== ci report (reports/ci) for the browser tests, data folder $data"
else
  echo "== ci report (reports/ci) for the browser tests, no data folder (generated stand-ins)"
fi
rm -rf reports/ci
if NNVIZ_DATA="$data" dotnet src/NnViz.Cli/bin/Release/net10.0/nnviz.dll run experiments --profile ci --out reports/ci --store .nnviz/store; then
  export NNVIZ_REPORT_DIR="$PWD/reports/ci"
else
  echo "test.sh: running the specs on the ci profile failed"; failed_steps=1
fi
dotnet test NnVizRepro.sln -c Release --no-build --logger "trx" --results-directory TestResults "$@"
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
[ "$files" -eq 0 ] && { echo "test.sh: no TRX results were written" >&2; failed=$((failed + 1)); }
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1   # a crash that left no failed test still fails the run
failed=$((failed + failed_steps))
accepted="${TMPDIR:-/tmp}/nnviz-accepted-snapshots.txt"
if [ -s "$accepted" ]; then echo "snapshots accepted in this run (review them before committing):"; sort -u "$accepted" | sed 's/^/  /'; fi
rm -f "$accepted"
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
