#!/usr/bin/env bash
# Engine vs PyTorch on the issue-3 workloads, one after the other on this machine, threads 1 and 2.
# Usage: bench/compare.sh [workload ...]   (default: all; names as in bench/engine and bench/reference/workloads.py)
# Prints a Markdown table: seconds per unit for ours and PyTorch, and the ratio ours/PyTorch (lower is better).
set -euo pipefail
cd "$(dirname "$0")/.."
workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(poly-fit rings moons mlp lstm bilstm prefix)
dotnet build -c Release bench/engine -v quiet -nologo >/dev/null
ours=bench/engine/bin/Release/net10.0/NnViz.Bench.Engine
ref=(/usr/bin/python3 bench/reference/workloads.py)

field() { cut -f"$1" <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| workload | unit | ours 1t | PyTorch 1t | ratio 1t | ours 2t | PyTorch 2t | ratio 2t | notes (ours, 1t) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
for w in "${workloads[@]}"; do
  o1=$("$ours" "$w" --threads 1); p1=$("${ref[@]}" "$w" --threads 1)
  o2=$("$ours" "$w" --threads 2); p2=$("${ref[@]}" "$w" --threads 2)
  echo "| $w | $(field 3 "$o1") | $(field 2 "$o1") | $(field 2 "$p1") | $(ratio "$(field 2 "$o1")" "$(field 2 "$p1")") | $(field 2 "$o2") | $(field 2 "$p2") | $(ratio "$(field 2 "$o2")" "$(field 2 "$p2")") | $(field 4 "$o1") |"
done
echo
echo "GEMM (ours, 1 thread): $(field 4 "$("$ours" gemm --threads 1)")"
echo "GEMM (ours, 2 threads): $(field 4 "$("$ours" gemm --threads 2)")"
echo "Bit digest: 1t $(field 4 "$("$ours" digest --threads 1)"), 2t $(field 4 "$("$ours" digest --threads 2)"), AVX-512 off $(field 4 "$(DOTNET_EnableAVX512=0 "$ours" digest --threads 2)")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
