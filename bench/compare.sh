#!/usr/bin/env bash
# Native engine, torch engine (src/NnViz.Torch: TorchSharp behind the training seam) and PyTorch on the issue-3
# workloads, interleaved (native, torch, PyTorch per workload and thread count) on this machine, threads 1 and 2.
# Usage: [THREADS="1 2"] [SKIP_TORCH_ENGINE=1] bench/compare.sh [workload ...]   (default: all; names as in bench/engine and bench/reference/workloads.py)
# Prints a Markdown table: wall seconds per unit for each, the ratios to PyTorch (lower is better), and the same ratios
# on process CPU seconds (all threads), which stay meaningful when other jobs load the machine. Both torch sides run
# with flush-denormal on; the torch engine column is "-" for workloads that do not train (prefix), and for every
# workload with SKIP_TORCH_ENGINE=1 (its IMDB LSTM epoch alone costs ~15 minutes of CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/reference-env.sh
reference_env_check torch sklearn
workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(poly-fit rings moons mlp lstm bilstm prefix)
dotnet build -c Release bench/engine -v quiet -nologo >/dev/null
ours=bench/engine/bin/Release/net10.0/NnViz.Bench.Engine
ref=(/usr/bin/python3 bench/reference/workloads.py)

field() { cut -f"$1" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| workload | threads | unit | ours | torch engine | PyTorch | ours/PyTorch | torch engine/PyTorch | CPU ours | CPU torch engine | CPU PyTorch | CPU ours/PyTorch | CPU torch engine/PyTorch | notes (ours) |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
training=" poly-fit rings moons mlp lstm bilstm "
for w in "${workloads[@]}"; do
  for t in ${THREADS:-1 2}; do
    # PyTorch gets its threads from its own intra-op pool (torch.set_num_threads); OpenBLAS runs single-threaded inside
    # it, or its pthreads pool and torch's OpenMP threads oversubscribe the cores: at 2 threads with OPENBLAS_NUM_THREADS=2
    # PyTorch's LSTM epoch took 115 s against 32 s with 1, BiLSTM 53 vs 10.6 s, moons 2.25 vs 1.56 s, the MLP 0.94 vs
    # 0.35 s (AMD EPYC, 2 vCPUs, session 7), so earlier two-thread ratios flattered us 1.4-5x.
    o=$("$ours" "$w" --threads "$t")
    g=$(printf -- '-\t-\t-\t-\t-')
    [[ -z ${SKIP_TORCH_ENGINE:-} && $training == *" $w "* ]] && g=$(OMP_NUM_THREADS="$t" MKL_NUM_THREADS="$t" "$ours" "$w" --threads "$t" --engine torch)
    p=$(OMP_NUM_THREADS="$t" OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS="$t" "${ref[@]}" "$w" --threads "$t")
    gr="-"; gc="-"
    [[ $(field 2 "$g") != "-" ]] && gr=$(ratio "$(field 2 "$g")" "$(field 2 "$p")") && gc=$(ratio "$(field 5 "$g")" "$(field 5 "$p")")
    echo "| $w | $t | $(field 3 "$o") | $(field 2 "$o") | $(field 2 "$g") | $(field 2 "$p") | $(ratio "$(field 2 "$o")" "$(field 2 "$p")") | $gr | $(field 5 "$o") | $(field 5 "$g") | $(field 5 "$p") | $(ratio "$(field 5 "$o")" "$(field 5 "$p")") | $gc | $(field 4 "$o") |"
  done
done
echo
# GEMM: GFLOP/s and the fraction of the single-core peak measured by a register-only FMA loop (bench/engine gemm).
echo "GEMM (ours, 1 thread): $(field 4 "$("$ours" gemm --threads 1)")"
echo "GEMM (ours, 2 threads; fraction is of one core's peak): $(field 4 "$("$ours" gemm --threads 2)")"
echo "Bit digest: 1t $(field 4 "$("$ours" digest --threads 1)"), 2t $(field 4 "$("$ours" digest --threads 2)"), AVX-512 off $(field 4 "$(DOTNET_EnableAVX512=0 "$ours" digest --threads 2)")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
