#!/usr/bin/env bash
# NnVizRepro: install what is missing, build, run every experiment, write the report.
#   ./run.sh                  quick profile (the whole catalogue in minutes) -> reports/quick/index.html
#   ./run.sh --profile full   the write-ups' own sizes                       -> reports/full/index.html
#   ./run.sh --profile ci     tiny sizes, as the tests use them
#   ./run.sh --data DIR       read the write-ups' data sets from DIR (sets NNVIZ_DATA; default: $NNVIZ_DATA, else ./data)
set -euo pipefail
cd "$(dirname "$0")"

profile=quick
while [ $# -gt 0 ]; do
  case "$1" in
    --profile|-p) profile="${2:?--profile needs a value: ci, quick or full}"; shift 2 ;;
    --profile=*) profile="${1#--profile=}"; shift ;;
    --data|-d) NNVIZ_DATA="${2:?--data needs a folder}"; shift 2 ;;
    --data=*) NNVIZ_DATA="${1#--data=}"; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try ./run.sh --help)" >&2; exit 2 ;;
  esac
done
if [ -n "${NNVIZ_DATA:-}" ]; then
  [ -d "$NNVIZ_DATA" ] || { echo "run.sh: the data folder '$NNVIZ_DATA' does not exist (--data DIR or NNVIZ_DATA)" >&2; exit 2; }
  NNVIZ_DATA="$(cd "$NNVIZ_DATA" && pwd)"; export NNVIZ_DATA
  echo "== data folder: $NNVIZ_DATA (nnviz data status lists what each experiment will read)"
fi
[ -f "configs/$profile.yaml" ] || { echo "run.sh: no profile '$profile' (configs/ has: $(ls configs | sed 's/\.yaml//' | tr '\n' ' '))" >&2; exit 2; }

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK is required (https://dot.net); dotnet is not on PATH" >&2; exit 1; }
./tools/install-deps.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# nnviz runs under MSBuild, which hides the terminal from it: pass the terminal's width for its summary table.
[ -t 1 ] && COLUMNS="$(tput cols 2>/dev/null || echo 160)" && export COLUMNS
echo "== build (Release)"
dotnet build NnVizRepro.sln -c Release -nologo -v:quiet
echo "== run experiments (profile $profile)"
dotnet build experiments -t:Reproduce -p:Profile="$profile" -nologo -v:minimal
echo "== report: $(pwd)/reports/$profile/index.html"
