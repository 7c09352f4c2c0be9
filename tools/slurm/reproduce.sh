#!/usr/bin/env bash
# NnVizRepro on a Slurm cluster: the run's experiment x seed units cut into K shards (`nnviz plan --shards K`), one
# array task per shard, each into its own run store on the shared filesystem; then a merge job, started only when
# every shard succeeded (--dependency=afterok), merges the stores and builds the report (byte-identical to a
# single-machine run of the same plan).
#
#   tools/slurm/reproduce.sh [--profile P] [--seeds N] [--shards K] [--specs DIR] [--work DIR] [--out DIR]
#
# Submit from a checkout on the shared filesystem after `dotnet build src/NnViz.Cli -c Release` (or set NNVIZ to the
# command that runs nnviz, e.g. NNVIZ="dotnet /shared/nnviz/nnviz.dll"). Defaults: profile quick, the profile's seeds,
# 4 shards, specs experiments/, work folder nnviz-work/ (store-1..K, the merged store, logs/), report
# reports/<profile>. Extra sbatch options for both jobs: SBATCH_EXTRA (e.g. "--partition=cpu --time=04:00:00").
# Set NNVIZ_DATA to the data folder: the store keys include the data's identity, so every task must read the same files.
# A failed shard leaves the merge job pending (DependencyNeverSatisfied): rerun that shard with the same command
# `nnviz run ... --shard i/K --store WORK/store-i`, or publish what is there with
# `nnviz report --store WORK/store --specs DIR --profile P --shards K` (it names every missing unit).
#SBATCH --cpus-per-task=2
set -euo pipefail

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

# The array task: shard SLURM_ARRAY_TASK_ID of K into WORK/store-i.
shard_task() {
  local work=$1 specs=$2 profile=$3 seeds=$4 shards=$5; shift 6
  local i=${SLURM_ARRAY_TASK_ID:?this mode runs as a Slurm array task}
  echo "nnviz shard $i/$shards on $(hostname) (job ${SLURM_ARRAY_JOB_ID:-?}, task $i)"
  srun "$@" run "$specs" --profile "$profile" ${seeds:+--seeds "$seeds"} --shard "$i/$shards" --store "$work/store-$i"
}

# The dependent job: merge every shard's store and build the report.
merge_job() {
  local work=$1 specs=$2 profile=$3 seeds=$4 shards=$5 out=$6; shift 6
  local stores=() i
  for ((i = 1; i <= shards; i++)); do stores+=("$work/store-$i"); done
  srun "$@" merge "${stores[@]}" --specs "$specs" --profile "$profile" ${seeds:+--seeds "$seeds"} --store "$work/store" --out "$out"
}

submit() {
  local profile=quick seeds="" shards=4 specs=experiments work=nnviz-work out=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --profile) profile="${2:?--profile needs a value}"; shift 2 ;;
      --seeds) seeds="${2:?--seeds needs a value}"; shift 2 ;;
      --shards) shards="${2:?--shards needs a value}"; shift 2 ;;
      --specs) specs="${2:?--specs needs a folder or file}"; shift 2 ;;
      --work) work="${2:?--work needs a folder}"; shift 2 ;;
      --out) out="${2:?--out needs a folder}"; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) echo "reproduce.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
  done
  [[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "reproduce.sh: --shards: expected a whole number >= 1, received '$shards'" >&2; exit 2; }
  [ -e "$specs" ] || { echo "reproduce.sh: $specs: no such spec file or folder" >&2; exit 2; }
  command -v sbatch >/dev/null || { echo "reproduce.sh: sbatch not found: submit from a Slurm login node" >&2; exit 1; }
  local self repo
  self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
  repo="$(cd "$(dirname "$0")/../.." && pwd)"
  local nnviz=${NNVIZ:-dotnet $repo/src/NnViz.Cli/bin/Release/net10.0/nnviz.dll}
  mkdir -p "$work/logs"
  work="$(cd "$work" && pwd)"; specs="$(cd "$(dirname "$specs")" && pwd)/$(basename "$specs")"
  out="${out:-reports/$profile}"
  case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
  # The plan is checked here, on the login node, so a bad spec fails now rather than in K queued tasks.
  # shellcheck disable=SC2086  # NNVIZ is a command line: split into words on purpose
  $nnviz plan "$specs" --profile "$profile" ${seeds:+--seeds "$seeds"} --shards "$shards" > "$work/plan.json"
  local args=("$work" "$specs" "$profile" "$seeds" "$shards" "$out")
  local array merge
  # shellcheck disable=SC2086
  array=$(sbatch --parsable --array="1-$shards" --job-name=nnviz-shard --output="$work/logs/shard-%a.out" $SBATCH_EXTRA_WORDS \
    "$self" _shard "${args[@]}" $nnviz)
  array=${array%%;*}
  # shellcheck disable=SC2086
  merge=$(sbatch --parsable --dependency="afterok:$array" --job-name=nnviz-merge --output="$work/logs/merge.out" $SBATCH_EXTRA_WORDS \
    "$self" _merge "${args[@]}" $nnviz)
  merge=${merge%%;*}
  echo "submitted: shards as array job $array (1-$shards), merge as job $merge after they all succeed"
  echo "plan: $work/plan.json; logs: $work/logs/; progress: $nnviz plan $specs --profile $profile ${seeds:+--seeds $seeds }--shards $shards --status $work/store-*"
  echo "report (when job $merge finishes): $out/index.html"
}

SBATCH_EXTRA_WORDS=${SBATCH_EXTRA:-}
case "${1:-}" in
  _shard) shift; shard_task "$@" ;;
  _merge) shift; merge_job "$@" ;;
  *) submit "$@" ;;
esac
